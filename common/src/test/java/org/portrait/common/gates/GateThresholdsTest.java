package org.portrait.common.gates;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.StringReader;
import java.util.List;
import org.junit.Test;
import org.portrait.common.config.UserError;

public class GateThresholdsTest {
  @Test
  public void defaultsLoadWithEveryDocumentedGate() {
    GateThresholds t = GateThresholds.defaults();
    for (String key : List.of(GateThresholds.MODEL_LOSS_FINITE, GateThresholds.MODEL_LOSS_RATIO_MAX,
        GateThresholds.MODEL_VOCAB_COVERAGE_MIN, GateThresholds.MODEL_NEIGHBOUR_OVERLAP_MIN,
        GateThresholds.DAILY_RECONCILIATION, GateThresholds.DAILY_IN_VOCAB_SHARE_MIN,
        GateThresholds.DAILY_USERS_WITH_INTEREST_MIN, GateThresholds.DAILY_INTEREST_PSI_MAX,
        GateThresholds.DAILY_SENTIMENT_PSI_MAX)) {
      assertTrue(key, t.keys().contains(key));
      assertTrue(t.source(key), t.source(key).startsWith(GateThresholds.RESOURCE + ":"));
    }
    assertEquals(9, t.keys().size());
    assertEquals(0.9, t.bound(GateThresholds.MODEL_LOSS_RATIO_MAX), 0);
    assertEquals(0.80, t.bound(GateThresholds.MODEL_VOCAB_COVERAGE_MIN), 0);
    assertEquals(0.25, t.bound(GateThresholds.DAILY_INTEREST_PSI_MAX), 0);
    assertTrue(t.enforced(GateThresholds.DAILY_RECONCILIATION));
    assertEquals(GateThresholds.Kind.MAX, t.kind(GateThresholds.DAILY_SENTIMENT_PSI_MAX));
    assertEquals(GateThresholds.Kind.CHECK, t.kind(GateThresholds.MODEL_LOSS_FINITE));
  }

  @Test
  public void aSiteFileOverridesOnlyItsEntries() throws Exception {
    GateThresholds t = GateThresholds.defaults().withOverrides("site.properties", new StringReader(
        "# stricter coverage\n\nmodel.vocab-coverage.min = 0.9\ndaily.reconciliation=false\n"));
    assertEquals(0.9, t.bound(GateThresholds.MODEL_VOCAB_COVERAGE_MIN), 0);
    assertEquals("site.properties:3", t.source(GateThresholds.MODEL_VOCAB_COVERAGE_MIN));
    assertFalse(t.enforced(GateThresholds.DAILY_RECONCILIATION));
    assertEquals(0.2, t.bound(GateThresholds.MODEL_NEIGHBOUR_OVERLAP_MIN), 0);
    assertEquals("defaults untouched", 0.80, GateThresholds.defaults().bound(GateThresholds.MODEL_VOCAB_COVERAGE_MIN), 0);
  }

  @Test
  public void badLinesAreRefusedInOneLineNamingTheLine() throws Exception {
    refused("model.vocab-coverage.min=0.8\nmodel.vocab-coverag.min=0.9\n", "site.properties:2: unknown gate model.vocab-coverag.min");
    refused("# c\nmodel.vocab-coverage.min=high\n", "site.properties:2: model.vocab-coverage.min=high: not a number");
    refused("daily.interest-psi.max=NaN\n", "site.properties:1: daily.interest-psi.max=NaN: not a number");
    refused("daily.reconciliation=1\n", "site.properties:1: daily.reconciliation=1: must be true");
    refused("just words\n", "site.properties:1: expected key=value");
  }

  private static void refused(String file, String start) throws Exception {
    try {
      GateThresholds.defaults().withOverrides("site.properties", new StringReader(file));
      fail("accepted " + file);
    } catch (UserError e) {
      assertTrue(e.getMessage(), e.getMessage().startsWith(start));
      assertFalse(e.getMessage(), e.getMessage().contains("\n"));
    }
  }
}
