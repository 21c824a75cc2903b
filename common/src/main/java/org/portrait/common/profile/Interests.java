package org.portrait.common.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Picking top interests from per-category scores. */
public final class Interests {
  private Interests() {}

  /**
   * Categories with score ≥ {@code threshold} and ≥ {@code relative} × the best score, best first (ties by
   * name). With {@code atLeastOne}, the best category is kept even below the threshold when its score is > 0
   * (every real user has at least one interest).
   */
  public static List<String> top(Map<String, Float> scores, double threshold, double relative, boolean atLeastOne) {
    List<Map.Entry<String, Float>> sorted = new ArrayList<>(scores.entrySet());
    sorted.sort((a, b) -> !a.getValue().equals(b.getValue()) ? Float.compare(b.getValue(), a.getValue())
        : a.getKey().compareTo(b.getKey()));
    List<String> out = new ArrayList<>();
    if (sorted.isEmpty()) {
      return out;
    }
    float best = sorted.get(0).getValue();
    for (Map.Entry<String, Float> e : sorted) {
      if (e.getValue() >= threshold && e.getValue() >= relative * best && e.getValue() > 0) {
        out.add(e.getKey());
      }
    }
    if (out.isEmpty() && atLeastOne && best > 0) {
      out.add(sorted.get(0).getKey());
    }
    return out;
  }
}
