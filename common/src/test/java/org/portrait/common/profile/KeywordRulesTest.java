package org.portrait.common.profile;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.Test;
import org.portrait.schema.UserState;
import org.portrait.schema.WeightedTerm;

/** Keywords are supported (≥ 2 reviews), bounded per review and weighted down when generic in the corpus. */
public class KeywordRulesTest {
  private static KeywordStats stats() {
    KeywordStats.Builder b = new KeywordStats.Builder();
    for (int i = 0; i < 40; i++) {
      b.add("手机", List.of("买", "屏幕"));
      b.add("酒店", List.of("买", "房间"));
      b.add("书籍", List.of("买", "作者"));
    }
    b.add(null, List.of("屏幕", "房间")); // no category: ignored
    return b.build();
  }

  @Test
  public void genericTermsHaveLowSpecificityAndTopicalTermsPointToTheirCategory() throws Exception {
    KeywordStats s = stats();
    assertTrue("买 is in every category: " + s.specificity("买"), s.specificity("买") < 0.01);
    assertTrue("屏幕 only in 手机: " + s.specificity("屏幕"), s.specificity("屏幕") > 0.5);
    assertEquals("手机", s.topCategory("屏幕"));
    assertEquals("酒店", s.topCategory("房间"));
    assertEquals(0.0, s.specificity("从未见过"), 0);
    assertNull(s.topCategory("从未见过"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    s.write(out);
    KeywordStats r = KeywordStats.read(new ByteArrayInputStream(out.toByteArray()));
    assertEquals(s.specificity("屏幕"), r.specificity("屏幕"), 1e-6);
    assertEquals("书籍", r.topCategory("作者"));
  }

  @Test
  public void aTermSeenInAFewReviewsOnlyIsNotYetTopical() {
    KeywordStats.Builder b = new KeywordStats.Builder();
    for (int i = 0; i < 100; i++) {
      b.add("手机", List.of("屏幕"));
      b.add("酒店", List.of("房间"));
    }
    b.add("手机", List.of("偶然"));
    KeywordStats s = b.build();
    assertTrue(s.specificity("偶然") + " vs " + s.specificity("屏幕"), s.specificity("偶然") < s.specificity("屏幕"));
  }

  @Test
  public void withoutCategoriesEveryTermIsSpecific() {
    KeywordStats.Builder b = new KeywordStats.Builder();
    b.add("", List.of("屏幕"));
    assertEquals(1.0, b.build().specificity("屏幕"), 0);
  }

  private static Map<String, double[]> terms(Object... termCountReviews) {
    Map<String, double[]> m = new TreeMap<>();
    for (int i = 0; i < termCountReviews.length; i += 3) {
      m.put((String) termCountReviews[i], new double[] {((Number) termCountReviews[i + 1]).doubleValue(),
          ((Number) termCountReviews[i + 2]).doubleValue()});
    }
    return m;
  }

  private static List<String> names(List<WeightedTerm> kw) {
    List<String> out = new ArrayList<>();
    kw.forEach(k -> out.add(k.getTerm()));
    return out;
  }

  @Test
  public void supportIsRequiredFromThreeReviewsOn() {
    Keywords.Rule rule = new Keywords.Rule();
    Map<String, double[]> t = terms("致电", 2, 1, "屏幕", 2, 2);
    assertEquals(List.of("屏幕"), names(Keywords.select(t, 10, 5, x -> 1.0, null, rule)));
    assertEquals(List.of("致电", "屏幕"), names(Keywords.select(terms("致电", 3, 1, "屏幕", 2, 2), 10, 2,
        x -> 1.0, null, rule)));
    rule.minSupport = 1;
    assertEquals(2, Keywords.select(t, 10, 5, x -> 1.0, null, rule).size());
  }

  @Test
  public void genericWordsAreWeightedDownAndUnknownOnesDropped() {
    Keywords.Rule rule = new Keywords.Rule();
    Map<String, double[]> t = terms("买", 9, 9, "屏幕", 3, 3, "从未见过", 5, 5);
    List<WeightedTerm> kw = Keywords.select(t, 20, 9, x -> 1.0, stats(), rule);
    assertEquals(List.of("屏幕", "买"), names(kw)); // 从未见过 was never seen in training: dropped
    assertTrue(kw.toString(), kw.get(1).getWeight() < 0.01 * kw.get(0).getWeight());
    rule.specificityPower = 0; // plain TF-IDF
    assertEquals(List.of("买", "从未见过", "屏幕"), names(Keywords.select(t, 20, 9, x -> 1.0, stats(), rule)));
  }

  private static ProfileModel model() throws Exception {
    ProfileModel m = ProfileMathTest.model();
    m.modelId = "m1";
    return m.seal();
  }

  @Test
  public void oneLongReviewCannotCarryAKeyword() throws Exception {
    ProfileModel m = model();
    UserEvidence e = new UserEvidence(m, "u");
    List<String> longReview = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      longReview.add("酒店");
    }
    e.add("r1", longReview, 1L, 1.0);
    e.add("r2", List.of("电池", "手机"), 2L, 1.0);
    e.add("r3", List.of("电池"), 3L, 1.0);
    e.add("r4", List.of("手机", "好"), 4L, 1.0);
    List<String> kw = names(e.finish().getKeywords());
    assertEquals(List.of("电池", "手机"), kw.subList(0, 2));
    assertTrue(kw.toString(), !kw.contains("酒店"));
    UserState s = e.toState("d");
    assertEquals(2.0, s.getTerms().get("酒店"), 0); // capped at review-cap occurrences
    assertEquals(Long.valueOf(1), s.getTermReviews().get("酒店"));
    assertEquals(kw, names(UserEvidence.fromState(m, s).finish().getKeywords()));
  }

  @Test
  public void aStateWithoutReviewCountsEstimatesThemFromTheCounts() throws Exception {
    ProfileModel m = model();
    UserEvidence e = new UserEvidence(m, "u");
    for (int i = 0; i < 3; i++) {
      e.add("r" + i, List.of("电池"), 1L, 1.0);
    }
    e.add("r9", List.of("酒店"), 1L, 1.0);
    UserState s = e.toState("d");
    s.setTermReviews(new java.util.HashMap<>()); // a row written before term_reviews existed
    List<String> kw = names(UserEvidence.fromState(m, s).finish().getKeywords());
    assertEquals(List.of("电池"), kw);
  }
}
