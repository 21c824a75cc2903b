package org.portrait.common.profile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tunes the supervised interest threshold on TRAIN users against a stand-in for their interests derived from
 * their labelled reviews, and picks the threshold on the predicted score that maximises micro-F1 against it.
 * Stand-in, by default ({@code pValue > 0} with a corpus prior): a category is an interest when its labelled
 * review count is clearly above what random reviews would give — P(X ≥ count) < pValue for X ~ Poisson(
 * noiseShare · n · prior_c), n the user's labelled reviews. That keeps a minor interest in a rare category (two
 * 热水器 reviews in 40) and drops four reviews of a common one. Otherwise: categories making up at least
 * {@code truthShare} of the user's labelled reviews.
 */
public final class ThresholdTuner {
  private final List<String> labels;
  private final double truthShare;
  private final double[] prior;
  private final double noiseShare;
  private final double pValue;
  private final List<double[]> predicted = new ArrayList<>();
  private final List<Set<String>> truth = new ArrayList<>();

  /** Share-rule stand-in only. */
  public ThresholdTuner(List<String> labels, double truthShare) {
    this(labels, truthShare, null, 0, 0);
  }

  /** Poisson stand-in when {@code prior} is given and {@code pValue > 0}, else the share rule. */
  public ThresholdTuner(List<String> labels, double truthShare, double[] prior, double noiseShare, double pValue) {
    this.labels = labels;
    this.truthShare = truthShare;
    this.prior = prior == null ? null : prior.clone();
    this.noiseShare = noiseShare;
    this.pValue = pValue;
  }

  /** The stand-in interests of a user with these labelled review counts (label order). */
  public Set<String> standIn(int[] labelCounts) {
    int n = 0;
    for (int c : labelCounts) {
      n += c;
    }
    Set<String> t = new HashSet<>();
    for (int i = 0; i < labelCounts.length; i++) {
      boolean interest;
      if (prior != null && pValue > 0) {
        interest = labelCounts[i] > 0 && poissonTail(labelCounts[i], noiseShare * n * prior[i]) < pValue;
      } else {
        interest = n > 0 && labelCounts[i] >= truthShare * n;
      }
      if (interest) {
        t.add(labels.get(i));
      }
    }
    return t;
  }

  /** P(X ≥ c) for X ~ Poisson(lambda). */
  public static double poissonTail(int c, double lambda) {
    if (c <= 0) {
      return 1.0;
    }
    if (lambda <= 0) {
      return 0.0;
    }
    double logTerm = -lambda; // log space: exp(-lambda) underflows for heavy users
    double cdf = 0;
    for (int x = 0; x < c; x++) {
      cdf += Math.exp(logTerm);
      logTerm += Math.log(lambda / (x + 1));
    }
    return Math.max(0.0, 1.0 - cdf);
  }

  /** One train user: interest score per label, and their labelled review count per label. */
  public void addUser(double[] meanProbs, int[] labelCounts) {
    int n = 0;
    for (int c : labelCounts) {
      n += c;
    }
    if (n == 0) {
      return;
    }
    predicted.add(meanProbs.clone());
    truth.add(standIn(labelCounts));
  }

  public int users() {
    return predicted.size();
  }

  /** The best threshold in [0.05, 0.5] (step 0.01), or {@code fallback} without users. */
  public double best(double fallback) {
    return best(fallback, 0.05);
  }

  /**
   * The best threshold in [floor, 0.5] (step 0.01), or {@code fallback} without users. The floor keeps the tuning
   * from running away on skewed label sets, where a tiny threshold buys recall on the few rare labels at the
   * price of users with one review getting every category.
   */
  public double best(double fallback, double floor) {
    if (predicted.isEmpty()) {
      return fallback;
    }
    double bestT = fallback;
    double bestF = -1;
    for (int step = (int) Math.round(Math.max(0.01, Math.min(0.5, floor)) * 100); step <= 50; step++) {
      double t = step / 100.0;
      double f = microF1(t);
      if (f > bestF + 1e-12) {
        bestF = f;
        bestT = t;
      }
    }
    return bestT;
  }

  /** Micro-F1 on the train users at threshold {@code t}. */
  public double microF1(double t) {
    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (int u = 0; u < predicted.size(); u++) {
      Map<String, Float> scores = new LinkedHashMap<>();
      for (int i = 0; i < labels.size(); i++) {
        scores.put(labels.get(i), (float) predicted.get(u)[i]);
      }
      Set<String> p = new HashSet<>(Interests.top(scores, t, 0, true));
      for (String c : p) {
        if (truth.get(u).contains(c)) {
          tp++;
        } else {
          fp++;
        }
      }
      for (String c : truth.get(u)) {
        if (!p.contains(c)) {
          fn++;
        }
      }
    }
    return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
  }
}
