package org.portrait.common.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.portrait.schema.SampledReview;
import org.portrait.schema.UserState;

/**
 * Turns one user's review-level category probabilities into per-category interest scores. The same code scores
 * profiles and the train users the threshold is tuned on, so both see identical scores.
 *
 * <p>Score: the mean of the reviews' probabilities, each review weighted by its confidence (max probability
 * squared) when {@code confidenceWeighting} — a generic review ("不错") spreads its probability and would otherwise
 * lift categories the user never wrote about. With a user prior ({@code userPrior > 0} and a corpus prior), each
 * review's probabilities are first re-weighted by {@code (π_c + userPrior) / prior_c}, π being the user's mean
 * probability over all reviews (one EM step): an ambiguous review (平板 vs 计算机) leans towards what the user writes
 * about most. Reviews are held (float[k] each) for that second look: at most {@code maxRows}, those with the
 * smallest review-id hashes beyond, so the sample does not depend on the order reviews arrive in (daily merges
 * equal one run over all days); π always uses every review.
 *
 * <p>Every review carries a weight (1, or its decay weight in the user state); {@link #decay} scales all of them.
 */
public final class InterestAggregator {
  private final int k;
  private final double[] prior;
  private final double userPrior;
  private final boolean confidenceWeighting;
  private final int maxRows;
  private final double[] probSum;
  private double countWeight;
  private long count;
  // Without a user prior the score streams; with one, rows are kept.
  private final double[] weightedSum;
  private double weightSum;
  private final TreeMap<Long, Row> rows;

  private static final class Row {
    final float[] p;
    double weight;

    Row(float[] p, double weight) {
      this.p = p;
      this.weight = weight;
    }
  }

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
    this.rows = this.prior == null ? null : new TreeMap<>();
  }

  /** True when scores use the user prior. */
  public boolean usesUserPrior() {
    return prior != null;
  }

  /** Adds one review's category probabilities (length k) with weight 1 and a hash from its arrival order. */
  public void add(double[] p) {
    add(p, ReviewIds.mix(count + 1), 1.0);
  }

  /** Adds one review: its probabilities, the hash of its id (which reviews the sample holds) and its weight. */
  public void add(double[] p, long idHash, double weight) {
    count++;
    countWeight += weight;
    for (int i = 0; i < k; i++) {
      probSum[i] += weight * p[i];
    }
    if (prior == null) {
      double w = weight * confidence(p);
      for (int i = 0; i < k; i++) {
        weightedSum[i] += w * p[i];
      }
      weightSum += w;
      return;
    }
    if (rows.size() >= maxRows && idHash >= rows.lastKey()) {
      return;
    }
    float[] row = new float[k];
    for (int i = 0; i < k; i++) {
      row[i] = (float) p[i];
    }
    rows.put(idHash, new Row(row, weight));
    if (rows.size() > maxRows) {
      rows.pollLastEntry();
    }
  }

  /** Multiplies every review's weight by {@code factor} (the daily decay of the user state). */
  public void decay(double factor) {
    countWeight *= factor;
    weightSum *= factor;
    for (int i = 0; i < k; i++) {
      probSum[i] *= factor;
      weightedSum[i] *= factor;
    }
    if (rows != null) {
      for (Row r : rows.values()) {
        r.weight *= factor;
      }
    }
  }

  /** Reviews added. */
  public long count() {
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
      factor[i] = prior[i] > 0 && countWeight > 0 ? (probSum[i] / countWeight + userPrior) / prior[i] : 1.0;
    }
    double[] q = new double[k];
    double wSum = 0;
    for (Row r : rows.values()) {
      double z = 0;
      for (int i = 0; i < k; i++) {
        q[i] = r.p[i] * factor[i];
        z += q[i];
      }
      if (z <= 0) {
        continue;
      }
      for (int i = 0; i < k; i++) {
        q[i] /= z;
      }
      double w = r.weight * confidence(q);
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

  private double confidence(double[] p) {
    if (!confidenceWeighting) {
      return 1.0;
    }
    double max = 0;
    for (double x : p) {
      max = Math.max(max, x);
    }
    return max * max;
  }

  /** Writes this aggregator's sums and sample into a user state row. */
  void writeTo(UserState s) {
    s.setCategoryProbSum(VectorMath.toList(probSum));
    s.setCategoryWeight(countWeight);
    s.setCategoryReviews(count);
    s.setWeightedProbSum(VectorMath.toList(weightedSum));
    s.setWeightedProbWeight(weightSum);
    List<SampledReview> sample = new ArrayList<>();
    if (rows != null) {
      for (Map.Entry<Long, Row> e : rows.entrySet()) {
        List<Float> p = new ArrayList<>(k);
        for (float x : e.getValue().p) {
          p.add(x);
        }
        sample.add(new SampledReview(e.getKey(), e.getValue().weight, p));
      }
    }
    s.setSample(sample);
  }

  /** Restores the sums and sample of a user state row written by {@link #writeTo} with the same settings. */
  void readFrom(UserState s) {
    if (s.getCategoryProbSum().size() != k) {
      throw new IllegalArgumentException("user state of " + s.getUserKey() + " has " + s.getCategoryProbSum().size()
          + " categories, the model " + k);
    }
    for (int i = 0; i < k; i++) {
      probSum[i] = s.getCategoryProbSum().get(i);
      weightedSum[i] = s.getWeightedProbSum().get(i);
    }
    countWeight = s.getCategoryWeight();
    count = s.getCategoryReviews();
    weightSum = s.getWeightedProbWeight();
    if (rows != null) {
      for (SampledReview r : s.getSample()) {
        float[] p = new float[k];
        for (int i = 0; i < k; i++) {
          p[i] = r.getProbs().get(i);
        }
        rows.put(r.getIdHash(), new Row(p, r.getWeight()));
      }
      while (rows.size() > maxRows) {
        rows.pollLastEntry();
      }
    }
  }
}
