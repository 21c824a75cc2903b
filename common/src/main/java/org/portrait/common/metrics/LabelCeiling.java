package org.portrait.common.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The label ceiling: the best threshold rule on test users' TRUE review categories (a category is an interest
 * when at least a share t of the user's reviews have it), i.e. what a perfect review classifier with our kind of
 * rule would reach. Counts are kept for every t of a grid and written under {@code <prefix>.grid.<i>};
 * {@link #resolve} keeps the t with the best micro-F1 as {@code <prefix>} (read like any system's counts) and
 * records t in percent as {@code <prefix>.threshold_pct}.
 */
public final class LabelCeiling {
  /** Thresholds tried: 0.02, 0.04, ..., 0.50. */
  static final int STEPS = 25;

  private final MultiLabelCounts[] grid = new MultiLabelCounts[STEPS];

  public LabelCeiling() {
    for (int i = 0; i < STEPS; i++) {
      grid[i] = new MultiLabelCounts();
    }
  }

  static double threshold(int i) {
    return (i + 1) * 0.02;
  }

  /** Adds one user: gold interests and the true category of each review (null or empty: no category). */
  public void add(Collection<String> gold, List<String> reviewCategories) {
    Map<String, Integer> n = new java.util.TreeMap<>();
    int total = 0;
    for (String c : reviewCategories) {
      if (c != null && !c.isEmpty()) {
        n.merge(c, 1, Integer::sum);
        total++;
      }
    }
    if (total == 0) {
      return; // nothing to know the categories from
    }
    for (int i = 0; i < STEPS; i++) {
      List<String> predicted = new ArrayList<>();
      for (Map.Entry<String, Integer> e : n.entrySet()) {
        // integer comparison: share >= t without rounding trouble at the grid points
        if (e.getValue() * 50L >= (i + 1L) * total) {
          predicted.add(e.getKey());
        }
      }
      grid[i].add(gold, predicted);
    }
  }

  public void writeTo(String prefix, Map<String, Long> out) {
    for (int i = 0; i < STEPS; i++) {
      if (grid[i].users() > 0) {
        grid[i].writeTo(prefix + ".grid." + i, out);
      }
    }
  }

  /**
   * Replaces the grid counts in {@code counts} by those of the best threshold (micro-F1; ties: the lower one)
   * under {@code prefix}. Nothing when there are none.
   */
  public static void resolve(String prefix, Map<String, Long> counts) {
    int best = -1;
    double bestF1 = -1;
    for (int i = 0; i < STEPS; i++) {
      MultiLabelCounts m = MultiLabelCounts.readFrom(prefix + ".grid." + i, counts);
      if (m.users() > 0 && m.micro().f1() > bestF1) {
        best = i;
        bestF1 = m.micro().f1();
      }
    }
    String gridPrefix = prefix + ".grid.";
    Map<String, Long> keep = new java.util.TreeMap<>();
    String bestPrefix = gridPrefix + best + ".";
    counts.forEach((k, v) -> {
      if (k.startsWith(bestPrefix)) {
        keep.put(prefix + "." + k.substring(bestPrefix.length()), v);
      }
    });
    counts.keySet().removeIf(k -> k.startsWith(gridPrefix));
    if (best >= 0) {
      counts.putAll(keep);
      counts.put(prefix + ".threshold_pct", Math.round(threshold(best) * 100));
    }
  }
}
