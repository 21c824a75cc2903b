package org.portrait.common.metrics;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.Test;
import org.portrait.common.profile.KeywordStats;

/** Keyword topicality and support, the TF-IDF keyword baseline and the label ceiling. */
public class KeywordQualityTest {
  private static KeywordStats stats() {
    KeywordStats.Builder b = new KeywordStats.Builder();
    for (int i = 0; i < 20; i++) {
      b.add("手机", List.of("屏幕", "买"));
      b.add("酒店", List.of("房间", "买"));
    }
    return b.build();
  }

  @Test
  public void topicalityAndSupportCountTheTopFive() {
    KeywordQuality q = new KeywordQuality();
    List<List<String>> reviews = List.of(List.of("屏幕", "房间"), List.of("屏幕"), List.of("房间"));
    // 屏幕: topical, supported; 房间: not topical (酒店 is no interest), supported; 未知: neither
    q.add(List.of("屏幕", "房间", "未知"), Set.of("手机"), reviews, stats());
    Map<String, Long> c = new TreeMap<>();
    q.writeTo("keywords.ours", c);
    List<MetricRow> rows = new ArrayList<>();
    KeywordQuality.rows("keywords.ours", "", c, rows);
    Map<String, Double> v = new TreeMap<>();
    rows.forEach(r -> v.put(r.metric(), r.value()));
    assertEquals(1.0 / 3, v.get("keywords.topicality_at_5"), 1e-9);
    assertEquals(2.0 / 3, v.get("keywords.support_at_5"), 1e-9);
    assertEquals(3.0, v.get("keywords.per_user_at_5"), 1e-9);
  }

  @Test
  public void tfidfTopRanksByCountTimesIdf() {
    List<List<String>> reviews = List.of(List.of("买", "买", "买", "屏幕"), List.of("屏幕", "的"));
    Map<String, Double> idf = Map.of("买", 1.0, "屏幕", 2.0);
    assertEquals(List.of("屏幕", "买"), KeywordQuality.tfidfTop(reviews, t -> idf.getOrDefault(t, 0.0)));
  }

  @Test
  public void theCeilingKeepsTheBestThresholdOnTrueCategories() {
    LabelCeiling ceiling = new LabelCeiling();
    List<String> cats = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      cats.add("手机");
    }
    cats.add("酒店"); // 10% noise: an interest only for thresholds <= 0.10
    ceiling.add(Set.of("手机"), cats);
    ceiling.add(Set.of("手机", "酒店"), List.of("手机", "酒店", "酒店", "手机"));
    ceiling.add(Set.of("书籍"), List.of("", ""));
    Map<String, Long> c = new TreeMap<>();
    ceiling.writeTo("interest.ceiling", c);
    LabelCeiling.resolve("interest.ceiling", c);
    MultiLabelCounts m = MultiLabelCounts.readFrom("interest.ceiling", c);
    assertEquals(2, m.users()); // the user without review categories is not scored
    assertEquals(1.0, m.micro().f1(), 1e-9);
    assertEquals(Long.valueOf(12), c.get("interest.ceiling.threshold_pct"));
    assertEquals(0, c.keySet().stream().filter(k -> k.contains(".grid.")).count());
    List<MetricRow> rows = MetricsSummary.rows(c);
    assertEquals(0.12, rows.stream().filter(r -> r.metric().equals("baseline.ceiling.interest.threshold"))
        .findFirst().orElseThrow().value(), 1e-9);
  }
}
