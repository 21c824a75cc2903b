package org.portrait.common.profile;

import java.util.Random;

/**
 * Turns one user's review-level category probabilities into per-category interest scores. The same code scores
 * profiles and the train users the threshold is tuned on, so both see identical scores.
 *
 * <p>Score: the mean of the reviews' probabilities, each review weighted by its confidence (max probability
 * squared) when {@code confidenceWeighting} — a generic review ("不错") spreads its probability and would otherwise
 * lift categories the user never wrote about. With a user prior ({@code userPrior > 0} and a corpus prior), each
 * review's probabilities are first re-weighted by {@code (π_c + userPrior) / prior_c}, π being the user's mean
 * probability over all reviews (one EM step): an ambiguous review (平板 vs 计算机) leans towards what the user writes
 * about most. Reviews are held (float[k] each) for that second look: at most {@code maxRows}, a seeded uniform
 * sample beyond, so memory stays bounded; π always uses every review.
 */
public final class InterestAggregator {
  private final int k;
  private final double[] prior;
  private final double userPrior;
  private final boolean confidenceWeighting;
  private final int maxRows;
  private final double[] probSum;
  private int count;
  // Without a user prior the score streams; with one, rows are kept.
  private final double[] weightedSum;
  private double weightSum;
  private float[][] rows;
  private int held;
  private final Random rnd;

  /**
   * @param k number of categories
   * @param prior corpus share per category (train reviews' labels), or null: no user prior
   * @param userPrior the ε floor of the user prior; ≤ 0 disables it
   */
  public InterestAggregator(int k, double[] prior, double userPrior, boolean confidenceWeighting, int maxRows) {
    if (prior != null && prior.length != k) {
      throw new IllegalArgumentException("category prior has " + prior.length + " entries, classifier " + k);
    }
    if (maxRows < 1) {
      throw new IllegalArgumentException("maxRows must be positive");
    }
    this.k = k;
    this.prior = prior != null && userPrior > 0 ? prior.clone() : null;
    this.userPrior = userPrior;
    this.confidenceWeighting = confidenceWeighting;
    this.maxRows = maxRows;
    this.probSum = new double[k];
    this.weightedSum = new double[k];
    this.rows = this.prior == null ? null : new float[Math.min(maxRows, 64)][];
    this.rnd = new Random(1);
  }

  /** True when scores use the user prior. */
  public boolean usesUserPrior() {
    return prior != null;
  }

  /** Adds one review's category probabilities (length k). */
  public void add(double[] p) {
    count++;
    for (int i = 0; i < k; i++) {
      probSum[i] += p[i];
    }
    if (prior == null) {
      double w = weight(p);
      for (int i = 0; i < k; i++) {
        weightedSum[i] += w * p[i];
      }
      weightSum += w;
      return;
    }
    float[] row = new float[k];
    for (int i = 0; i < k; i++) {
      row[i] = (float) p[i];
    }
    if (held < maxRows) {
      ensureRoom();
      rows[held++] = row;
    } else {
      int j = rnd.nextInt(count); // reservoir sampling: every review equally likely to be held
      if (j < maxRows) {
        rows[j] = row;
      }
    }
  }

  private void ensureRoom() {
    if (held == rows.length) {
      rows = java.util.Arrays.copyOf(rows, Math.min(maxRows, rows.length * 2));
    }
  }

  /** Reviews added. */
  public int count() {
    return count;
  }

  /** Per-category scores in [0, 1] (zeros without reviews). */
  public double[] scores() {
    double[] s = new double[k];
    if (count == 0) {
      return s;
    }
    if (prior == null) {
      if (weightSum > 0) {
        for (int i = 0; i < k; i++) {
          s[i] = weightedSum[i] / weightSum;
        }
      }
      return s;
    }
    double[] factor = new double[k];
    for (int i = 0; i < k; i++) {
      // A category never seen in training keeps its probability unchanged rather than dividing by zero.
      factor[i] = prior[i] > 0 ? (probSum[i] / count + userPrior) / prior[i] : 1.0;
    }
    double[] q = new double[k];
    double wSum = 0;
    float[][] r = rows;
    for (int j = 0; j < held; j++) {
      double z = 0;
      for (int i = 0; i < k; i++) {
        q[i] = r[j][i] * factor[i];
        z += q[i];
      }
      if (z <= 0) {
        continue;
      }
      for (int i = 0; i < k; i++) {
        q[i] /= z;
      }
      double w = weight(q);
      for (int i = 0; i < k; i++) {
        s[i] += w * q[i];
      }
      wSum += w;
    }
    if (wSum > 0) {
      for (int i = 0; i < k; i++) {
        s[i] /= wSum;
      }
    }
    return s;
  }

  private double weight(double[] p) {
    if (!confidenceWeighting) {
      return 1.0;
    }
    double max = 0;
    for (double x : p) {
      max = Math.max(max, x);
    }
    return max * max;
  }
}
