package org.portrait.common.profile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tunes the supervised interest threshold on TRAIN users: their interests are approximated by the categories
 * making up at least {@code truthShare} of their labelled reviews (a truth user's interest gets ≈ 0.8·weight of
 * its reviews, a noise category ≈ 2%), and the threshold on the predicted score that maximises micro-F1 against
 * that is chosen from a grid.
 */
public final class ThresholdTuner {
  private final List<String> labels;
  private final double truthShare;
  private final List<double[]> predicted = new ArrayList<>();
  private final List<Set<String>> truth = new ArrayList<>();

  public ThresholdTuner(List<String> labels, double truthShare) {
    this.labels = labels;
    this.truthShare = truthShare;
  }

  /** One train user: mean predicted probability per label, and their labelled review count per label. */
  public void addUser(double[] meanProbs, int[] labelCounts) {
    int n = 0;
    for (int c : labelCounts) {
      n += c;
    }
    if (n == 0) {
      return;
    }
    Set<String> t = new HashSet<>();
    for (int i = 0; i < labelCounts.length; i++) {
      if (labelCounts[i] >= truthShare * n) {
        t.add(labels.get(i));
      }
    }
    predicted.add(meanProbs.clone());
    truth.add(t);
  }

  public int users() {
    return predicted.size();
  }

  /** The best threshold in [0.05, 0.5] (step 0.01), or {@code fallback} without users. */
  public double best(double fallback) {
    if (predicted.isEmpty()) {
      return fallback;
    }
    double bestT = fallback;
    double bestF = -1;
    for (int step = 5; step <= 50; step++) {
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
