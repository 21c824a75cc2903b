package org.portrait.common.apps;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Ranking figures of the lookalike and next-interest evaluations (binary relevance). */
public final class Ranking {
  private Ranking() {}

  /** Share of {@code retrieved} that is relevant; NaN when nothing was retrieved. */
  public static double precision(Collection<String> retrieved, Set<String> relevant) {
    if (retrieved.isEmpty()) {
      return Double.NaN;
    }
    long hits = retrieved.stream().filter(relevant::contains).count();
    return (double) hits / retrieved.size();
  }

  /** 1 when one of the first k predictions is relevant, else 0. */
  public static double hitRate(List<String> predicted, Set<String> relevant, int k) {
    for (int i = 0; i < Math.min(k, predicted.size()); i++) {
      if (relevant.contains(predicted.get(i))) {
        return 1;
      }
    }
    return 0;
  }

  /**
   * NDCG@k: DCG of the first k predictions (gain 1 for a relevant one at rank i, discounted by log2(i + 1))
   * over the DCG of an ideal list (min(k, |relevant|) relevant ones first). NaN when nothing is relevant (the
   * user is then left out of the mean).
   */
  public static double ndcg(List<String> predicted, Set<String> relevant, int k) {
    if (relevant.isEmpty()) {
      return Double.NaN;
    }
    double dcg = 0;
    for (int i = 0; i < Math.min(k, predicted.size()); i++) {
      if (relevant.contains(predicted.get(i))) {
        dcg += discount(i);
      }
    }
    double ideal = 0;
    for (int i = 0; i < Math.min(k, relevant.size()); i++) {
      ideal += discount(i);
    }
    return dcg / ideal;
  }

  private static double discount(int zeroBasedRank) {
    return 1 / (Math.log(zeroBasedRank + 2) / Math.log(2));
  }
}
