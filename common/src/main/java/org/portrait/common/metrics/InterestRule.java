package org.portrait.common.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns per-category scores into an interest set: categories whose score is at least {@code minRelative}
 * times the best score, best first, at most {@code topK}; empty when every score is 0. The baselines use it so
 * that they are judged by the same kind of rule as the profiles' {@code top_interests}.
 */
public record InterestRule(int topK, double minRelative) {

  public List<String> select(Map<String, Double> scores) {
    double best = 0;
    for (double s : scores.values()) {
      best = Math.max(best, s);
    }
    List<String> out = new ArrayList<>();
    if (best <= 0) {
      return out;
    }
    double floor = minRelative * best;
    scores.entrySet().stream()
        .filter(e -> e.getValue() >= floor && e.getValue() > 0)
        .sorted((a, b) -> a.getValue().equals(b.getValue())
            ? a.getKey().compareTo(b.getKey()) : Double.compare(b.getValue(), a.getValue()))
        .limit(topK)
        .forEach(e -> out.add(e.getKey()));
    return out;
  }
}
