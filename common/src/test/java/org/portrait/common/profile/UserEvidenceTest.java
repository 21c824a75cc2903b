package org.portrait.common.profile;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.Test;
import org.portrait.schema.UserProfile;
import org.portrait.schema.UserState;

/** A user state merged day by day equals one pass over all the days: the contract of the daily run. */
public class UserEvidenceTest {
  private static final String[] WORDS = {"手机", "电池", "酒店", "房间", "好"};

  /** The test model with trained category and sentiment classifiers and a user prior (the sampled path). */
  static ProfileModel supervised(int maxRows) throws Exception {
    ProfileModel m = ProfileMathTest.model();
    Random rnd = new Random(3);
    List<int[]> xs = new ArrayList<>();
    int n = 300;
    int[] cat = new int[n];
    int[] pos = new int[n];
    for (int i = 0; i < n; i++) {
      cat[i] = rnd.nextInt(2);
      pos[i] = rnd.nextInt(2);
      xs.add(m.features.encode(List.of(WORDS[cat[i] * 2 + rnd.nextInt(2)], pos[i] == 1 ? "好" : "差")));
    }
    m.categoryClassifier = new SoftmaxClassifier(List.of("手机", "酒店"), 12);
    m.categoryClassifier.train(xs, cat, new SoftmaxClassifier.Settings());
    m.sentimentClassifier = new SoftmaxClassifier(List.of("0", "1"), 12);
    m.sentimentClassifier.train(xs, pos, new SoftmaxClassifier.Settings());
    m.categoryPrior = new double[] {0.6, 0.4};
    m.maxInterestRows = maxRows;
    m.modelId = "m1";
    return m.seal();
  }

  private record Review(String id, List<String> tokens, long ts, int day) {}

  private static List<Review> reviews(int count, int days, long seed) {
    Random rnd = new Random(seed);
    List<Review> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<String> toks = new ArrayList<>();
      int len = 1 + rnd.nextInt(6);
      for (int j = 0; j < len; j++) {
        toks.add(rnd.nextInt(10) == 0 ? "生词" + rnd.nextInt(50) : WORDS[rnd.nextInt(WORDS.length)]);
      }
      out.add(new Review("r" + i, toks, 1000L + rnd.nextInt(100000), rnd.nextInt(days)));
    }
    return out;
  }

  /** Daily: state of day d-1 written, read back, decayed, then day d's reviews added. */
  private static UserProfile daily(ProfileModel m, List<Review> all, int days, double dayFactor) {
    UserEvidence e = new UserEvidence(m, "u");
    for (int d = 0; d < days; d++) {
      UserState s = e.toState("day" + d);
      e = UserEvidence.fromState(m, s);
      e.decay(dayFactor);
      for (Review r : all) {
        if (r.day == d) {
          e.add(r.id, r.tokens, r.ts, 1.0);
        }
      }
    }
    return e.finish();
  }

  /** One pass over every review, in another order, each weighted by its age at the last day. */
  private static UserProfile oneShot(ProfileModel m, List<Review> all, int days, double dayFactor) {
    List<Review> shuffled = new ArrayList<>(all);
    Collections.shuffle(shuffled, new Random(11));
    UserEvidence e = new UserEvidence(m, "u");
    for (Review r : shuffled) {
      e.add(r.id, r.tokens, r.ts, Math.pow(dayFactor, days - 1 - r.day));
    }
    return e.finish();
  }

  private static void assertSameProfile(UserProfile a, UserProfile b, double tol) {
    assertEquals(a.getReviewCount(), b.getReviewCount());
    assertEquals(a.getTokenCount(), b.getTokenCount());
    assertEquals(a.getFirstTs(), b.getFirstTs());
    assertEquals(a.getLastTs(), b.getLastTs());
    for (int i = 0; i < a.getVector().size(); i++) {
      assertEquals(a.getVector().get(i), b.getVector().get(i), tol);
    }
    for (String c : a.getInterestScores().keySet()) {
      assertEquals(c, a.getInterestScores().get(c), b.getInterestScores().get(c), tol);
    }
    assertEquals(a.getSentimentScore(), b.getSentimentScore(), tol);
    assertEquals(a.getPositiveShare(), b.getPositiveShare(), tol);
    assertEquals(a.getTopInterests(), b.getTopInterests());
    assertEquals(a.getSentimentLabel(), b.getSentimentLabel());
    assertEquals(a.getKeywords().size(), b.getKeywords().size());
    for (int i = 0; i < a.getKeywords().size(); i++) {
      assertEquals(a.getKeywords().get(i).getTerm(), b.getKeywords().get(i).getTerm());
      assertEquals(a.getKeywords().get(i).getWeight(), b.getKeywords().get(i).getWeight(), tol);
    }
  }

  @Test
  public void dailyMergesEqualOneRunWithoutDecay() throws Exception {
    // 40 sampled rows out of 500 reviews: the sample must be the same whichever order reviews come in.
    ProfileModel m = supervised(40);
    List<Review> all = reviews(500, 30, 5);
    assertSameProfile(oneShot(m, all, 30, 1.0), daily(m, all, 30, 1.0), 1e-6);
  }

  @Test
  public void dailyMergesEqualOneRunWithDecay() throws Exception {
    ProfileModel m = supervised(40);
    List<Review> all = reviews(500, 30, 6);
    double halfLife = 7;
    double f = Math.pow(0.5, 1 / halfLife);
    UserProfile decayed = daily(m, all, 30, f);
    assertSameProfile(oneShot(m, all, 30, f), decayed, 1e-5);
    // and decay changes the profile: recent days weigh more
    assertNotEquals(oneShot(m, all, 30, 1.0).getSentimentScore(), decayed.getSentimentScore(), 1e-6);
  }

  @Test
  public void aUserGetsNoMoreInterestsThanReviews() throws Exception {
    ProfileModel m = supervised(10);
    // A threshold every category passes: the evidence floor alone limits the interests.
    m.interestThreshold = 0.0;
    UserEvidence one = new UserEvidence(m, "u1");
    one.add("r1", List.of(WORDS[0], WORDS[2], "好"), 1L, 1.0);
    assertEquals(1, one.finish().getTopInterests().size());
    UserEvidence two = new UserEvidence(m, "u2");
    two.add("r1", List.of(WORDS[0], "好"), 1L, 1.0);
    two.add("r2", List.of(WORDS[2], "差"), 2L, 1.0);
    assertEquals(2, two.finish().getTopInterests().size());
  }

  @Test
  public void aReviewSeenAgainIsNotCountedTwice() throws Exception {
    ProfileModel m = supervised(10);
    UserEvidence e = new UserEvidence(m, "u");
    assertTrue(e.add("r1", List.of("手机", "好"), 5L, 1.0) != null);
    UserEvidence back = UserEvidence.fromState(m, e.toState("d1"));
    assertNull(back.add("r1", List.of("酒店"), 6L, 1.0));
    assertEquals(1, back.reviews());
    assertEquals(List.of("手机"), back.finish().getTopInterests());
  }

  @Test(expected = IllegalArgumentException.class)
  public void stateOfAnotherModelIsRefused() throws Exception {
    ProfileModel m = supervised(10);
    UserState s = new UserEvidence(m, "u").toState("d1");
    m.modelId = "m2";
    UserEvidence.fromState(m, s);
  }
}
