package org.portrait.common.profile;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.Test;

/** The interest score with a user-level prior, and the Poisson stand-in for threshold tuning. */
public class InterestScoringTest {
  private static final double[] FLAT = {1 / 3.0, 1 / 3.0, 1 / 3.0};

  @Test
  public void withoutPriorTheScoreIsTheConfidenceWeightedMean() {
    InterestAggregator a = new InterestAggregator(2, null, 0.02, true, 10);
    a.add(new double[] {0.9, 0.1});
    a.add(new double[] {0.5, 0.5});
    double w1 = 0.81;
    double w2 = 0.25;
    double expected = (w1 * 0.9 + w2 * 0.5) / (w1 + w2);
    assertFalse(a.usesUserPrior());
    assertEquals(expected, a.scores()[0], 1e-12);
    assertEquals(1 - expected, a.scores()[1], 1e-12);
    // A zero ε also disables the prior.
    assertFalse(new InterestAggregator(3, FLAT, 0, true, 10).usesUserPrior());
  }

  @Test
  public void ambiguousReviewsLeanTowardsTheUsersMainCategory() {
    InterestAggregator plain = new InterestAggregator(3, null, 0, true, 100);
    InterestAggregator prior = new InterestAggregator(3, FLAT, 0.02, true, 100);
    for (int i = 0; i < 8; i++) {
      double[] sure = {0.95, 0.04, 0.01};
      plain.add(sure);
      prior.add(sure);
    }
    for (int i = 0; i < 4; i++) {
      double[] ambiguous = {0.5, 0.45, 0.05}; // e.g. 平板 vs 计算机
      plain.add(ambiguous);
      prior.add(ambiguous);
    }
    assertTrue(prior.usesUserPrior());
    assertTrue(prior.scores()[0] > plain.scores()[0]);
    assertTrue(prior.scores()[1] < plain.scores()[1]);
    double sum = 0;
    for (double s : prior.scores()) {
      sum += s;
    }
    assertEquals(1.0, sum, 1e-9);
  }

  @Test
  public void aConfidentMinorReviewSurvivesThePrior() {
    InterestAggregator a = new InterestAggregator(3, FLAT, 0.02, true, 100);
    for (int i = 0; i < 9; i++) {
      a.add(new double[] {0.97, 0.02, 0.01});
    }
    a.add(new double[] {0.01, 0.01, 0.98});
    assertTrue("one confident review of a minor interest keeps a clear score", a.scores()[2] > 0.05);
  }

  @Test
  public void heavyUserHoldsBoundedRowsAndIsReproducible() {
    double[] prior = {0.5, 0.3, 0.2};
    InterestAggregator a = new InterestAggregator(3, prior, 0.02, true, 50);
    InterestAggregator b = new InterestAggregator(3, prior, 0.02, true, 50);
    Random rnd = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      double x = rnd.nextDouble();
      double[] p = {0.6 * x, 0.6 * (1 - x), 0.4};
      a.add(p);
      b.add(p);
    }
    assertEquals(20_000, a.count());
    assertArrayEquals(a.scores(), b.scores(), 0.0);
    for (double s : a.scores()) {
      assertTrue(s > 0 && s < 1);
    }
  }

  @Test
  public void emptyUserScoresZero() {
    assertArrayEquals(new double[3], new InterestAggregator(3, FLAT, 0.02, true, 5).scores(), 0.0);
  }

  @Test(expected = IllegalArgumentException.class)
  public void priorMustMatchTheClassifier() {
    new InterestAggregator(2, FLAT, 0.02, true, 5);
  }

  @Test
  public void poissonTail() {
    assertEquals(1.0, ThresholdTuner.poissonTail(0, 2.0), 0.0);
    assertEquals(1 - Math.exp(-2.0), ThresholdTuner.poissonTail(1, 2.0), 1e-12);
    assertEquals(1 - Math.exp(-2.0) * (1 + 2.0), ThresholdTuner.poissonTail(2, 2.0), 1e-12);
    assertEquals(0.0, ThresholdTuner.poissonTail(1, 0.0), 0.0);
    // Heavy user: exp(-lambda) alone would underflow; the median of Poisson(5000) is about 5000.
    assertEquals(0.5, ThresholdTuner.poissonTail(5000, 5000.0), 0.01);
  }

  @Test
  public void standInKeepsARareMinorInterestAndDropsCommonNoise() {
    List<String> labels = List.of("common", "main", "rare");
    double[] prior = {0.5, 0.49, 0.01};
    ThresholdTuner t = new ThresholdTuner(labels, 0.12, prior, 0.2, 0.01);
    // 40 reviews: random draws give the common category about 4 on average, the rare one 0.08.
    assertEquals(Set.of("main", "rare"), t.standIn(new int[] {4, 34, 2}));
    assertEquals(Set.of("main"), t.standIn(new int[] {4, 35, 1})); // one rare review: P = 0.077, could be noise
    assertEquals(Set.of("common", "main"), t.standIn(new int[] {14, 26, 0}));
    // Without a prior (or with p-value 0) the share rule applies.
    ThresholdTuner share = new ThresholdTuner(labels, 0.12);
    assertEquals(Set.of("main"), share.standIn(new int[] {4, 34, 2}));
    assertEquals(Set.of("main"), new ThresholdTuner(labels, 0.12, prior, 0.2, 0).standIn(new int[] {4, 34, 2}));
  }
}
