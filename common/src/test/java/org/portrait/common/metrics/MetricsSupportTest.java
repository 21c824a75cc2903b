package org.portrait.common.metrics;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.Test;

/** Truth parsing, the interest rule, the centroid baseline, reconciliation, thresholds and PCA. */
public class MetricsSupportTest {
  private static final double EPS = 1e-9;

  @Test
  public void truthRow() {
    assertNull(TruthRow.parse(TruthRow.HEADER));
    assertNull(TruthRow.parse("  "));
    TruthRow r = TruthRow.parse("u7,test,手机:0.7000|计算机:0.3000,positive");
    assertEquals("u7", r.userId());
    assertEquals("test", r.split());
    assertEquals(Set.of("手机", "计算机"), r.interestSet(0));
    assertEquals(Set.of("手机"), r.interestSet(0.5));
    assertEquals("手机", r.topInterest());
    assertEquals("positive", r.sentiment());
    TruthRow q = TruthRow.parse("\"u,8\",train,书籍:1.0000,negative");
    assertEquals("u,8", q.userId());
    // Interests without weights count equally.
    TruthRow e = TruthRow.parse("u9,test,动作|喜剧|科幻,neutral");
    assertEquals(1.0 / 3, e.interests().get("喜剧"), 1e-12);
    assertEquals(Set.of("动作", "喜剧", "科幻"), e.interestSet(0.2));
    for (String bad : new String[] {"u1,test,a:1", "u1,dev,a:1,positive", "u1,test,a|b:1,positive",
        "u1,test,a:x,positive", "u1,test,a:1,great", ",test,a:1,positive", "u1,test,:1,positive"}) {
      try {
        TruthRow.parse(bad);
        fail("accepted " + bad);
      } catch (IllegalArgumentException expected) {
        assertFalse(expected.getMessage().isEmpty());
      }
    }
  }

  @Test
  public void interestRule() {
    InterestRule rule = new InterestRule(2, 0.5);
    assertEquals(List.of("a", "b"), rule.select(Map.of("a", 0.8, "b", 0.5, "c", 0.41, "d", 0.1)));
    assertEquals(List.of("a"), new InterestRule(3, 0.7).select(Map.of("a", 0.8, "b", 0.5)));
    assertEquals(List.of(), rule.select(Map.of("a", 0.0)));
    assertEquals(List.of(), rule.select(Map.of()));
  }

  @Test
  public void centroidBaselineFindsTheCategoryAndRoundTrips() throws Exception {
    CentroidModel.Builder b = new CentroidModel.Builder(1);
    b.add("phone", List.of("屏幕", "电池", "好"));
    b.add("phone", List.of("屏幕", "信号"));
    b.add("book", List.of("作者", "故事", "好"));
    b.add("book", List.of("故事", "印刷"));
    b.add(null, List.of("好"));
    CentroidModel m = b.build();
    Map<String, Double> s = m.score(List.of("屏幕", "屏幕", "电池"));
    assertTrue(s.get("phone") > 0.5);
    assertEquals(0.0, s.get("book"), EPS);
    assertEquals(Map.of("phone", 0.0, "book", 0.0), m.score(List.of("未知")));
    StringWriter w = new StringWriter();
    m.write(w);
    CentroidModel back = CentroidModel.read(new BufferedReader(new StringReader(w.toString())));
    assertEquals(s.get("phone"), back.score(List.of("屏幕", "屏幕", "电池")).get("phone"), 1e-12);
  }

  @Test
  public void reconciliation() {
    String rules = "ingest:READ = ingest:ACCEPTED + ingest:REJECTED; ingest:ACCEPTED = segment:IN;"
        + " segment:IN = profile:REVIEWS";
    Map<String, Map<String, Long>> c = Map.of(
        "ingest", Map.of("READ", 10L, "ACCEPTED", 8L, "REJECTED", 2L),
        "segment", Map.of("IN", 8L));
    List<Reconciliation.Check> out = Reconciliation.check(rules, c);
    assertEquals(3, out.size());
    assertTrue(out.get(0).ok());
    assertTrue(out.get(1).ok());
    assertTrue(out.get(2).skipped()); // no profile counters configured
    out = Reconciliation.check(rules, Map.of("ingest", Map.of("READ", 10L, "ACCEPTED", 7L, "REJECTED", 2L)));
    assertFalse(out.get(0).ok());
    assertTrue(out.get(0).detail(), out.get(0).detail().contains("1 records unaccounted for"));
    out = Reconciliation.check("ingest:READ = ingest:OK", Map.of("ingest", Map.of("READ", 1L)));
    assertFalse(out.get(0).ok());
    assertTrue(out.get(0).detail().contains("counter OK missing"));
    try {
      Reconciliation.check("ingest:READ", c);
      fail();
    } catch (IllegalArgumentException expected) {
      // a malformed rule is a configuration error
    }
  }

  @Test
  public void thresholds() {
    List<MetricRow> rows = new ArrayList<>();
    rows.add(new MetricRow("interest.micro_f1", MetricRow.ALL, 0.8));
    rows.add(new MetricRow("interest.f1", "手机", 0.9));
    Properties p = new Properties();
    p.setProperty("interest.micro_f1", "0.7");
    p.setProperty("interest.f1@手机", "0.85");
    assertEquals(List.of(), Thresholds.failures(p, rows));
    p.setProperty("interest.micro_f1", "0.85");
    p.setProperty("sentiment.user.accuracy", "0.5");
    List<String> f = Thresholds.failures(p, rows);
    assertEquals(2, f.size());
    assertTrue(f.get(0), f.get(0).startsWith("interest.micro_f1 = 0.8000 is below its floor 0.8500"));
    assertTrue(f.get(1), f.get(1).startsWith("sentiment.user.accuracy: not computed"));
  }

  @Test
  public void pcaFindsTheMainAxes() {
    List<float[]> rows = new ArrayList<>();
    for (int i = -5; i <= 5; i++) {
      rows.add(new float[] {3f * i, 0.5f * (i % 2 == 0 ? 1 : -1), 1f});
    }
    double[][] p = Pca.project2(rows);
    assertEquals(11, p.length);
    // first component is the x axis (spread 3 per step), second the alternating y
    assertEquals(15.0, Math.abs(p[0][0]), 1e-6);
    assertEquals(1.0, Math.abs(p[0][1] - p[1][1]), 1e-6);
    assertEquals(0, Pca.project2(List.of()).length);
    double[][] constant = Pca.project2(List.of(new float[] {1, 1}, new float[] {1, 1}));
    assertEquals(0.0, constant[0][0], EPS);
  }
}
