package org.portrait.common.metrics;

import static org.junit.Assert.assertEquals;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.Test;

public class ConfusionTest {
  private static final double EPS = 1e-9;

  static Confusion sentiment() {
    Confusion c = new Confusion();
    c.add("positive", "positive", 3);
    c.add("positive", "neutral"); // neutral is never gold: just wrong
    c.add("negative", "positive");
    c.add("negative", "negative");
    return c;
  }

  @Test
  public void accuracyAndPerClass() {
    Confusion c = sentiment();
    assertEquals(6, c.total());
    assertEquals(4.0 / 6, c.accuracy(), EPS);
    Prf pos = c.of("positive"); // tp 3, fp 1, fn 1
    assertEquals(0.75, pos.precision(), EPS);
    assertEquals(0.75, pos.recall(), EPS);
    assertEquals(0.75, pos.f1(), EPS);
    assertEquals(4, pos.support());
    Prf neg = c.of("negative"); // tp 1, fp 0, fn 1
    assertEquals(1.0, neg.precision(), EPS);
    assertEquals(0.5, neg.recall(), EPS);
    assertEquals(2.0 / 3, neg.f1(), EPS);
    assertEquals((0.75 + 2.0 / 3) / 2, c.macroF1(), EPS);
    assertEquals(Set.of("positive", "negative"), c.goldLabels());
    assertEquals(Set.of("positive", "negative", "neutral"), c.labels());
  }

  @Test
  public void classNeverPredictedAndEmpty() {
    Confusion c = new Confusion();
    c.add("negative", "positive", 2);
    Prf neg = c.of("negative");
    assertEquals(0.0, neg.precision(), EPS);
    assertEquals(0.0, neg.recall(), EPS);
    assertEquals(0.0, c.accuracy(), EPS);
    Confusion empty = new Confusion();
    assertEquals(0.0, empty.accuracy(), EPS);
    assertEquals(0.0, empty.macroF1(), EPS);
  }

  @Test
  public void roundTripThroughCounts() {
    Map<String, Long> m = new TreeMap<>();
    sentiment().writeTo("sentiment.user.ours", m);
    sentiment().writeTo("sentiment.user.ours", m);
    Confusion back = Confusion.readFrom("sentiment.user.ours", m);
    assertEquals(12, back.total());
    assertEquals(6, back.count("positive", "positive"));
    assertEquals(4.0 / 6, back.accuracy(), EPS);
  }
}
