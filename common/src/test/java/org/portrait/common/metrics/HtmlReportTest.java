package org.portrait.common.metrics;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class HtmlReportTest {
  @Test
  public void emptyDataStillRendersEverySection() {
    String html = HtmlReport.render(new HtmlReport.Data("r<1>", List.of(), Map.of(), new Confusion(), List.of(),
        List.of(), new double[0][2], Map.of(), List.of(), List.of(), Map.of()));
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertTrue(html.contains("<meta charset=\"utf-8\"/>"));
    assertTrue(html.contains("r&lt;1&gt;"));
    assertTrue(html.contains("No loss file given."));
    assertTrue(html.contains("No embedding evaluation configured."));
    assertFalse(html.contains("<script"));
  }

  @Test
  public void chartsEscapeLabelsAndShowFailures() {
    MultiLabelCounts ours = new MultiLabelCounts();
    ours.add(List.of("手机", "a&b"), List.of("手机"));
    Map<String, MultiLabelCounts> systems = new LinkedHashMap<>();
    systems.put("ours", ours);
    Confusion c = new Confusion();
    c.add("手机", "手机");
    c.add("a&b", "(none)");
    String html = HtmlReport.render(new HtmlReport.Data("r", MetricsSummary.rows(Map.of()), systems, c,
        List.of(new double[] {1, 0.5}, new double[] {2, 0.25}), List.of("手机", "a&b"),
        new double[][] {{0, 0}, {1, 1}}, Map.of(-1, 3L, 0, 5L), List.of(new Reconciliation.Check("x:A = y:B", false,
        false, "MISMATCH")), List.of("interest.micro_f1 = 0.1 is below its floor 0.8"), Map.of("TEST_USERS", 1L)));
    assertTrue(html.contains("a&amp;b"));
    assertFalse(html.contains("a&b"));
    assertTrue(html.contains("class=\"bad\">interest.micro_f1 = 0.1 is below its floor 0.8"));
    assertTrue(html.contains(">other<"));
    assertTrue(html.split("<svg ").length - 1 >= 7);
  }
}
