package org.portrait.common.gates;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.util.List;
import org.junit.Test;

public class GateCheckTest {
  @Test
  public void boundsPassAndFailWithOneLineReasons() {
    GateCheck c = new GateCheck();
    assertTrue(c.atLeast(GateThresholds.MODEL_VOCAB_COVERAGE_MIN, 0.85));
    assertTrue("the bound itself passes", c.atMost(GateThresholds.DAILY_INTEREST_PSI_MAX, 0.25));
    assertFalse(c.atMost(GateThresholds.DAILY_SENTIMENT_PSI_MAX, 0.4));
    assertFalse(c.atLeast(GateThresholds.DAILY_USERS_WITH_INTEREST_MIN, 0.3));
    GateReport r = c.report();
    assertFalse(r.passed());
    assertEquals(2, r.failures().size());
    assertEquals("gate daily.sentiment-psi.max failed: 0.4 is above the ceiling 0.25", r.firstFailure().get());
    assertEquals("gate model.vocab-coverage.min passed: 0.85 >= 0.8", r.gates().get(0).reason());
  }

  @Test
  public void nanFailsSayingSo() {
    GateCheck c = new GateCheck();
    assertFalse(c.atMost(GateThresholds.MODEL_LOSS_RATIO_MAX, Double.NaN));
    assertFalse(c.atLeast(GateThresholds.MODEL_NEIGHBOUR_OVERLAP_MIN, Double.NaN));
    assertTrue(c.report().firstFailure().get(), c.report().firstFailure().get().contains("NaN"));
    assertTrue(c.report().toJson().path("gates").get(0).path("value").isNull());
  }

  @Test
  public void checksHonourEnforcement() throws Exception {
    GateCheck strict = new GateCheck();
    assertFalse(strict.isTrue(GateThresholds.DAILY_RECONCILIATION, false, "ingest: 10 in, 9 out"));
    assertEquals("gate daily.reconciliation failed: ingest: 10 in, 9 out", strict.report().firstFailure().get());
    GateCheck lax = new GateCheck(GateThresholds.defaults().withOverrides("site",
        new StringReader("daily.reconciliation=false\n")));
    assertTrue(lax.isTrue(GateThresholds.DAILY_RECONCILIATION, false, "ingest: 10 in, 9 out"));
    assertTrue(lax.report().passed());
    assertTrue(lax.report().gates().get(0).reason().contains("not enforced"));
  }

  @Test(expected = IllegalArgumentException.class)
  public void theWrongKindOfHelperIsAProgrammingError() {
    new GateCheck().atLeast(GateThresholds.DAILY_INTEREST_PSI_MAX, 0.1);
  }

  @Test
  public void reportAsJsonAndAlignedLines() {
    GateCheck c = new GateCheck();
    c.isTrue(GateThresholds.MODEL_LOSS_FINITE, true, "5 rounds");
    c.atLeast(GateThresholds.MODEL_VOCAB_COVERAGE_MIN, 0.7);
    GateReport r = c.report();
    ObjectNode json = r.toJson();
    assertFalse(json.path("passed").asBoolean());
    assertEquals("at_least", json.path("gates").get(1).path("comparison").asText());
    assertEquals(0.8, json.path("gates").get(1).path("bound").asDouble(), 0);
    GateReport back = GateReport.fromJson(json);
    assertEquals("round trip", r.gates(), back.gates());
    assertEquals(List.of(
        "PASS  model.loss.finite         yes",
        "FAIL  model.vocab-coverage.min  0.7 >= 0.8"), r.lines());
    assertTrue(new GateReport(List.of()).passed());
    assertTrue(new GateReport(List.of()).firstFailure().isEmpty());
  }
}
