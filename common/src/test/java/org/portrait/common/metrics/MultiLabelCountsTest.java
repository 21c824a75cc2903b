package org.portrait.common.metrics;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.Test;

public class MultiLabelCountsTest {
  private static final double EPS = 1e-9;

  /** Four users, hand-computed: A perfect, B half recalled, C only a false positive, D never predicted. */
  static MultiLabelCounts handCase() {
    MultiLabelCounts m = new MultiLabelCounts();
    m.add(List.of("A", "B"), List.of("A"));
    m.add(List.of("A"), List.of("A", "C"));
    m.add(List.of("B"), List.of("B"));
    m.add(List.of("D"), List.of());
    return m;
  }

  @Test
  public void perCategory() {
    MultiLabelCounts m = handCase();
    assertEquals(Set.of("A", "B", "C", "D"), m.categories());
    Prf a = m.category("A");
    assertEquals(1.0, a.precision(), EPS);
    assertEquals(1.0, a.recall(), EPS);
    assertEquals(2, a.support());
    Prf b = m.category("B");
    assertEquals(1.0, b.precision(), EPS);
    assertEquals(0.5, b.recall(), EPS);
    assertEquals(2.0 / 3, b.f1(), EPS);
    Prf c = m.category("C"); // predicted once, never gold
    assertEquals(0.0, c.precision(), EPS);
    assertEquals(0.0, c.recall(), EPS);
    assertEquals(0, c.support());
    Prf d = m.category("D"); // gold once, never predicted: precision 0 by convention, not NaN
    assertEquals(0.0, d.precision(), EPS);
    assertEquals(0.0, d.recall(), EPS);
    assertEquals(0.0, d.f1(), EPS);
  }

  @Test
  public void microVersusMacro() {
    MultiLabelCounts m = handCase();
    Prf micro = m.micro(); // tp 3, fp 1, fn 2
    assertEquals(0.75, micro.precision(), EPS);
    assertEquals(0.6, micro.recall(), EPS);
    assertEquals(2 * 0.75 * 0.6 / 1.35, micro.f1(), EPS);
    Prf macro = m.macro(); // mean over A, B, C, D
    assertEquals(0.5, macro.precision(), EPS);
    assertEquals(0.375, macro.recall(), EPS);
    assertEquals((1 + 2.0 / 3) / 4, macro.f1(), EPS);
  }

  @Test
  public void exactSetAccuracy() {
    assertEquals(0.25, handCase().exactSetAccuracy(), EPS);
    MultiLabelCounts order = new MultiLabelCounts();
    order.add(List.of("x", "y"), List.of("y", "x")); // order does not matter
    assertEquals(1.0, order.exactSetAccuracy(), EPS);
  }

  @Test
  public void emptyCountsAreZeroNotNaN() {
    MultiLabelCounts m = new MultiLabelCounts();
    assertEquals(0.0, m.exactSetAccuracy(), EPS);
    assertEquals(0.0, m.micro().f1(), EPS);
    assertEquals(0.0, m.macro().f1(), EPS);
    assertEquals(0.0, m.category("unknown").f1(), EPS);
    assertFalse(m.categories().contains("unknown"));
    // a user with empty gold and empty prediction is an exact match but adds no category
    m.add(List.of(), List.of());
    assertEquals(1.0, m.exactSetAccuracy(), EPS);
    assertEquals(Set.of(), m.categories());
  }

  @Test
  public void countsSumAcrossWriters() {
    Map<String, Long> sum = new TreeMap<>();
    MultiLabelCounts part1 = new MultiLabelCounts();
    part1.add(List.of("A", "B"), List.of("A"));
    part1.add(List.of("A"), List.of("A", "C"));
    MultiLabelCounts part2 = new MultiLabelCounts();
    part2.add(List.of("B"), List.of("B"));
    part2.add(List.of("D"), List.of());
    part1.writeTo("interest.ours", sum);
    part2.writeTo("interest.ours", sum);
    new MultiLabelCounts().writeTo("interest.other", sum);
    MultiLabelCounts back = MultiLabelCounts.readFrom("interest.ours", sum);
    MultiLabelCounts whole = handCase();
    assertEquals(whole.users(), back.users());
    assertEquals(whole.micro(), back.micro());
    assertEquals(whole.macro(), back.macro());
    assertEquals(whole.exactSetAccuracy(), back.exactSetAccuracy(), EPS);
  }
}
