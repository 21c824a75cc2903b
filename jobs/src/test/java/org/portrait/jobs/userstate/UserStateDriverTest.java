package org.portrait.jobs.userstate;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.portrait.common.config.LocalMode;
import org.portrait.common.config.UserError;
import org.portrait.common.io.AvroFiles;
import org.portrait.jobs.profile.ProfileConf;
import org.portrait.jobs.profile.ProfileDriver;
import org.portrait.jobs.profile.ProfileFixtures;
import org.portrait.schema.ReviewPrediction;
import org.portrait.schema.TokenizedReview;
import org.portrait.schema.UserProfile;
import org.portrait.schema.UserState;

/**
 * Local-mode runs of the state job over three days of the fixture world: merged day by day, rebuilt in one run
 * from the history, and next to the profile stage applying the same model to all reviews at once.
 */
public class UserStateDriverTest {
  @ClassRule public static TemporaryFolder tmp = new TemporaryFolder();
  static final int DAYS = 3;
  static final LocalDate DAY1 = LocalDate.parse("2026-03-01");
  static Configuration conf;
  static File dir;
  static Path model;
  static Path history;
  static Map<String, ReviewPrediction> trainedPredictions = new HashMap<>();

  static Path p(String rel) {
    return new Path(new File(dir, rel).getPath());
  }

  static String day(int d) {
    return DAY1.plusDays(d - 1).toString();
  }

  @BeforeClass
  public static void trainAndSpread() throws Exception {
    dir = tmp.newFolder("w");
    conf = LocalMode.configure(new Configuration(), dir);
    ProfileFixtures.writeVocabAndVectors(dir);
    ProfileFixtures.writeReviews(conf, dir, 24, 5);
    conf.set(ProfileConf.RUN_ID, "train-run");
    ProfileDriver.run(conf, p("S"), p("M"), p("V"), p("P"));
    for (ReviewPrediction r : AvroFiles.readAll(conf, p("P/review_predictions"), ReviewPrediction.class)) {
      trainedPredictions.put(r.getReviewId(), r);
    }
    // A registered model's folder: vocab/, glove/, classifiers/.
    FileSystem fs = FileSystem.getLocal(conf);
    model = p("model");
    FileUtil.copy(fs, p("V"), fs, new Path(model, "vocab"), false, conf);
    FileUtil.copy(fs, p("M"), fs, new Path(model, "glove"), false, conf);
    FileUtil.copy(fs, p("P/models"), fs, new Path(model, "classifiers"), false, conf);
    // Spread the reviews over the days by review id.
    List<List<TokenizedReview>> days = new ArrayList<>();
    for (int d = 0; d < DAYS; d++) {
      days.add(new ArrayList<>());
    }
    for (TokenizedReview r : AvroFiles.readAll(conf, p("S"), TokenizedReview.class)) {
      days.get(Math.floorMod(r.getReviewId().hashCode(), DAYS)).add(r);
    }
    for (int d = 1; d <= DAYS; d++) {
      AvroFiles.write(conf, p("h/dt=" + day(d) + "/segment/part-0.avro"), TokenizedReview.getClassSchema(),
          days.get(d - 1));
    }
    history = p("h/dt=*/segment");
  }

  static Map<String, UserProfile> profiles(Path dir) throws Exception {
    Map<String, UserProfile> out = new HashMap<>();
    for (UserProfile u : org.portrait.jobs.profile.ProfileDriverTestAccess.readProfiles(conf, dir)) {
      out.put(u.getUserKey(), u);
    }
    return out;
  }

  /** Runs days 1..DAYS, each merging one day into the previous state; returns the last output. */
  static Path daily(Configuration c, String name) throws Exception {
    Path previous = null;
    for (int d = 1; d <= DAYS; d++) {
      Path out = p(name + "/dt=" + day(d));
      Map<String, Long> counters = UserStateDriver.run(c, new UserStateDriver.Options(model, previous,
          p("h/dt=" + day(d) + "/segment"), day(d), out));
      assertAccounted(counters);
      previous = out;
    }
    return previous;
  }

  /** The counter identities of the state job. */
  static void assertAccounted(Map<String, Long> c) {
    assertEquals(c.get("REVIEWS_IN"), (Long) (c.get("REVIEWS_TODAY") + c.get("REVIEWS_FROM_HISTORY")
        + c.get("REVIEWS_REPEATED") + c.get("REVIEWS_DEFERRED") + c.get("REVIEWS_NO_USER")
        + c.get("REVIEWS_FUTURE")));
    assertEquals(c.get("STATES_IN"), (Long) (c.get("STATES_CARRIED") + c.get("STATES_DEFERRED")));
    assertEquals(c.get("USERS"), (Long) (c.get("STATES_CARRIED") + c.get("USERS_NEW") + c.get("USERS_REPLACED")));
    assertEquals(c.get("STATES_DEFERRED"), c.get("USERS_REPLACED"));
  }

  static void assertSame(Map<String, UserProfile> a, Map<String, UserProfile> b, double tol) {
    assertEquals(a.keySet(), b.keySet());
    for (String u : a.keySet()) {
      UserProfile x = a.get(u);
      UserProfile y = b.get(u);
      assertEquals(u, x.getReviewCount(), y.getReviewCount());
      for (int i = 0; i < x.getVector().size(); i++) {
        assertEquals(u, x.getVector().get(i), y.getVector().get(i), tol);
      }
      for (String c : x.getInterestScores().keySet()) {
        assertEquals(u + " " + c, x.getInterestScores().get(c), y.getInterestScores().get(c), tol);
      }
      assertEquals(u, x.getSentimentScore(), y.getSentimentScore(), tol);
      assertEquals(u, x.getTopInterests(), y.getTopInterests());
      assertEquals(u, x.getSentimentLabel(), y.getSentimentLabel());
      assertEquals(u, x.getModelId(), y.getModelId());
    }
  }

  @Test
  public void dailyMergesEqualOneRunOverAllDaysWithTheSameModel() throws Exception {
    Path last = daily(conf, "daily");
    Map<String, UserProfile> merged = profiles(new Path(last, UserStateDriver.PROFILES_DIR));
    // The state job rebuilding from the whole history in one run...
    Path rebuilt = p("rebuilt");
    UserStateDriver.run(conf, new UserStateDriver.Options(model, null, history, day(DAYS), rebuilt));
    assertSame(profiles(new Path(rebuilt, UserStateDriver.PROFILES_DIR)), merged, 1e-6);
    // ...and the profile stage applying the model to every review at once.
    Configuration apply = new Configuration(conf);
    apply.set(ProfileConf.APPLY_MODEL, model + "/classifiers");
    ProfileDriver.run(apply, p("S"), p("M"), p("V"), p("applied"));
    assertSame(profiles(p("applied/user_profile")), merged, 1e-6);
    assertEquals(24, merged.size());
  }

  @Test
  public void predictionsOfTheRegisteredModelEqualThoseOfTheRunThatTrainedIt() throws Exception {
    Path out = p("pred");
    UserStateDriver.run(conf, new UserStateDriver.Options(model, null, p("h/dt=" + day(3) + "/segment"), day(3),
        out));
    List<ReviewPrediction> got = AvroFiles.readAll(conf, new Path(out, UserStateDriver.PREDICTIONS_DIR),
        ReviewPrediction.class);
    assertTrue(got.size() > 20);
    for (ReviewPrediction r : got) {
      ReviewPrediction t = trainedPredictions.get(r.getReviewId());
      assertNotNull(r.getReviewId(), t);
      assertEquals(t.getPositiveProb(), r.getPositiveProb(), 0.0f);
      assertEquals(t.getPredictedCategory(), r.getPredictedCategory());
    }
  }

  @Test
  public void withDecayDailyMergesEqualTheRebuildWithinTolerance() throws Exception {
    Configuration c = new Configuration(conf);
    c.setDouble(UserStateDriver.HALF_LIFE_DAYS, 2);
    Path last = daily(c, "decayed");
    Path rebuilt = p("decayed-rebuilt");
    UserStateDriver.run(c, new UserStateDriver.Options(model, null, history, day(DAYS), rebuilt));
    assertSame(profiles(new Path(rebuilt, UserStateDriver.PROFILES_DIR)),
        profiles(new Path(last, UserStateDriver.PROFILES_DIR)), 1e-5);
  }

  @Test
  public void aDayReplayedIsNotCountedTwiceAndStateSurvivesTheRoundTrip() throws Exception {
    Path d1 = p("replay/dt=" + day(1));
    UserStateDriver.run(conf, new UserStateDriver.Options(model, null, p("h/dt=" + day(1) + "/segment"), day(1), d1));
    // Day 2's job is handed day 1's reviews again (a re-delivered file).
    Path d2 = p("replay/dt=" + day(2));
    Map<String, Long> c = UserStateDriver.run(conf, new UserStateDriver.Options(model, d1,
        p("h/dt=" + day(1) + "/segment"), day(2), d2));
    long day1Reviews = AvroFiles.readAll(conf, p("h/dt=" + day(1) + "/segment"), TokenizedReview.class).size();
    assertEquals(day1Reviews, (long) c.get("REVIEWS_REPEATED"));
    assertEquals(0L, (long) c.get("PREDICTIONS_OUT"));
    long total = 0;
    for (UserState s : AvroFiles.readAll(conf, new Path(d2, UserStateDriver.STATE_DIR), UserState.class)) {
      total += s.getReviewCount();
      assertEquals(day(2), s.getAsOf());
    }
    assertEquals(day1Reviews, total);
  }

  @Test
  public void previousStateOfAnotherModelOrDayIsRefused() throws Exception {
    Path d1 = p("refuse/dt=" + day(1));
    UserStateDriver.run(conf, new UserStateDriver.Options(model, null, p("h/dt=" + day(1) + "/segment"), day(1), d1));
    Configuration other = new Configuration(conf);
    other.set(UserStateDriver.MODEL_ID, "another-model");
    try {
      UserStateDriver.run(other, new UserStateDriver.Options(model, d1, p("h/dt=" + day(2) + "/segment"), day(2),
          p("refuse/x")));
      fail("state of another model merged");
    } catch (UserError e) {
      assertTrue(e.getMessage(), e.getMessage().contains("rebuild"));
    }
    try {
      UserStateDriver.run(conf, new UserStateDriver.Options(model, d1, p("h/dt=" + day(1) + "/segment"), day(1),
          p("refuse/y")));
      fail("state merged into its own day");
    } catch (UserError e) {
      assertTrue(e.getMessage(), e.getMessage().contains("not before"));
    }
  }

  @Test
  public void aReviewSentAgainReplacesTheEarlierCopyAsIfOnlyTheNewOneHadBeenWritten() throws Exception {
    FileSystem fs = FileSystem.getLocal(conf);
    List<TokenizedReview> day1 = AvroFiles.readAll(conf, p("h/dt=" + day(1) + "/segment"), TokenizedReview.class);
    List<TokenizedReview> day2 = AvroFiles.readAll(conf, p("h/dt=" + day(2) + "/segment"), TokenizedReview.class);
    TokenizedReview old = day1.get(0);
    // The same review id, edited: it now reads like a review of another user (other tokens, other category).
    TokenizedReview edited = TokenizedReview.newBuilder(old).setTokens(day2.get(day2.size() - 1).getTokens())
        .setTs(old.getTs() == null ? 7L : old.getTs() + 86_400_000L).build();
    String day4 = DAY1.plusDays(3).toString();
    // r/: days 1-3 as delivered, plus day 4 with the edited copy (and one review of day 2 for a second user).
    for (int d = 1; d <= DAYS; d++) {
      FileUtil.copy(fs, p("h/dt=" + day(d)), fs, p("r/dt=" + day(d)), false, conf);
    }
    AvroFiles.write(conf, p("r/dt=" + day4 + "/segment/part-0.avro"), TokenizedReview.getClassSchema(),
        List.of(edited));
    // x/: what the user wrote if the edit had been the only copy (the old one never delivered).
    List<TokenizedReview> day1Without = new ArrayList<>(day1.subList(1, day1.size()));
    AvroFiles.write(conf, p("x/dt=" + day(1) + "/segment/part-0.avro"), TokenizedReview.getClassSchema(),
        day1Without);
    for (int d = 2; d <= DAYS; d++) {
      FileUtil.copy(fs, p("h/dt=" + day(d)), fs, p("x/dt=" + day(d)), false, conf);
    }
    FileUtil.copy(fs, p("r/dt=" + day4), fs, p("x/dt=" + day4), false, conf);

    Path day3 = p("replace/dt=" + day(3));
    UserStateDriver.run(conf, new UserStateDriver.Options(model, null, history, day(3), day3));
    Path merged = p("replace/dt=" + day4);
    Map<String, Long> c = UserStateDriver.run(conf, new UserStateDriver.Options(model, day3,
        p("r/dt=" + day4 + "/segment"), day4, merged, p("r/dt=*/segment")));
    assertAccounted(c);
    assertEquals(1L, (long) c.get("STATES_DEFERRED"));
    assertEquals(1L, (long) c.get("REVIEWS_DEFERRED"));
    assertEquals(1L, (long) c.get("USERS_REPLACED"));
    assertEquals(1L, (long) c.get("REPLACE_REVIEWS_REPLACED"));
    assertEquals(0L, (long) c.get("REVIEWS_REPEATED"));
    assertEquals(1L, (long) c.get("PREDICTIONS_OUT"));
    Path expected = p("replace-expected");
    UserStateDriver.run(conf, new UserStateDriver.Options(model, null, p("x/dt=*/segment"), day4, expected));
    Map<String, UserProfile> got = profiles(new Path(merged, UserStateDriver.PROFILES_DIR));
    Map<String, UserProfile> want = profiles(new Path(expected, UserStateDriver.PROFILES_DIR));
    assertSame(want, got, 1e-6);
    // The edit changed the user's profile: the earlier copy's evidence is gone, not merely outnumbered.
    Map<String, UserProfile> before = profiles(new Path(day3, UserStateDriver.PROFILES_DIR));
    String u = old.getUserKey();
    assertEquals(before.get(u).getReviewCount(), got.get(u).getReviewCount());
    assertTrue(u, !before.get(u).getKeywords().equals(got.get(u).getKeywords())
        || !before.get(u).getVector().equals(got.get(u).getVector()));
    long stateRows = AvroFiles.readAll(conf, new Path(merged, UserStateDriver.STATE_DIR), UserState.class).size();
    assertEquals(want.size(), stateRows);
    List<ReviewPrediction> preds = AvroFiles.readAll(conf, new Path(merged, UserStateDriver.PREDICTIONS_DIR),
        ReviewPrediction.class);
    assertEquals(1, preds.size());
    assertEquals(old.getReviewId(), preds.get(0).getReviewId());
    assertTrue(!fs.exists(new Path(merged, "replace-users")));
  }
}
