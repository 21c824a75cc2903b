package org.portrait.common.metrics;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import org.junit.Test;

public class PsiTest {
  @Test
  public void handComputedTwoBins() {
    // a = (0.5, 0.5), e = (0.25, 0.75): 0.25·ln 2 + (−0.25)·ln(2/3) = 0.173287 + 0.101366
    assertEquals(0.274653, Psi.psi(Map.of("a", 50L, "b", 50L), Map.of("a", 25L, "b", 75L)), 1e-6);
  }

  @Test
  public void binEmptyOnOneSideUsesEpsilon() {
    // a = (1, ε), e = (0.5, 0.5): 0.5·ln 2 + (1e-4 − 0.5)·ln(1e-4 / 0.5) = 0.346574 + 4.257745
    double expected = 0.5 * Math.log(2) + (1e-4 - 0.5) * Math.log(1e-4 / 0.5);
    assertEquals(4.604319, expected, 1e-6);
    assertEquals(expected, Psi.psi(Map.of("a", 100L), Map.of("a", 50L, "b", 50L)), 1e-9);
  }

  @Test
  public void identicalDistributionsGiveZeroAndAreScaleFree() {
    assertEquals(0, Psi.psi(Map.of("a", 3L, "b", 7L), Map.of("a", 30L, "b", 70L)), 1e-12);
  }

  @Test
  public void symmetricAndNonNegative() {
    Map<String, Long> x = Map.of("a", 10L, "b", 1L, "c", 5L);
    Map<String, Long> y = Map.of("a", 2L, "b", 9L);
    assertEquals(Psi.psi(x, y), Psi.psi(y, x), 1e-12);
    assertTrue(Psi.psi(x, y) > 0);
  }

  @Test
  public void emptySideIsNaN() {
    assertTrue(Double.isNaN(Psi.psi(Map.of(), Map.of("a", 1L))));
    assertTrue(Double.isNaN(Psi.psi(Map.of("a", 1L), Map.of("a", 0L))));
  }
}
