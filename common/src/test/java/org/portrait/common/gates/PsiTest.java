package org.portrait.common.gates;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import org.junit.Test;

public class PsiTest {
  @Test
  public void identicalDistributionsHaveIndexZero() {
    Map<String, Double> d = Map.of("food", 30.0, "travel", 50.0, "tech", 20.0);
    assertEquals(0.0, Psi.of(d, d), 1e-12);
  }

  @Test
  public void countsAndSharesGiveTheSameIndex() {
    assertEquals(0.0, Psi.of(Map.of("a", 1.0, "b", 3.0), Map.of("a", 25.0, "b", 75.0)), 1e-12);
  }

  @Test
  public void handComputedExample() {
    // (0.25-0.5)*ln(0.25/0.5) + (0.75-0.5)*ln(0.75/0.5) = 0.25*ln2 + 0.25*ln1.5 = 0.173287 + 0.101366
    double psi = Psi.of(Map.of("pos", 0.5, "neg", 0.5), Map.of("pos", 0.25, "neg", 0.75));
    assertEquals(0.274653, psi, 1e-6);
    assertEquals("symmetric", psi, Psi.of(Map.of("pos", 0.25, "neg", 0.75), Map.of("pos", 0.5, "neg", 0.5)), 1e-12);
  }

  @Test
  public void aCategoryMissingOnOneSideUsesTheEmptyBinShare() {
    double e = Psi.EMPTY_BIN_SHARE;
    double expected = (0.5 - 1) * Math.log(0.5) + (0.5 - e) * Math.log(0.5 / e);
    assertEquals(expected, Psi.of(Map.of("a", 1.0), Map.of("a", 1.0, "b", 1.0)), 1e-12);
    assertTrue(Double.isFinite(Psi.of(Map.of("a", 1.0), Map.of("b", 1.0))));
  }

  @Test
  public void noMassOnASideIsNaN() {
    assertTrue(Double.isNaN(Psi.of(Map.of(), Map.of("a", 1.0))));
    assertTrue(Double.isNaN(Psi.of(Map.of("a", 1.0), Map.of("a", 0.0))));
  }

  @Test(expected = IllegalArgumentException.class)
  public void negativeCountsAreRefused() {
    Psi.of(Map.of("a", -1.0), Map.of("a", 1.0));
  }
}
