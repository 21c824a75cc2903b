package org.portrait.common.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps segment ids stable across days: matches today's cluster centroids to yesterday's, one-to-one, greedily
 * on cosine similarity (all pairs sorted by similarity, best first; a pair is taken when neither side is taken
 * yet; ties broken by the lower today index, then the lower old id, so the result is deterministic). Today's
 * clusters left without a partner (more clusters than yesterday, or centroids of another dimension) get fresh
 * ids above the largest old id.
 * Greedy is not the optimal assignment, but when today's k-means starts from yesterday's centroids the best
 * pairs are far apart from the rest and greedy finds the same answer as Hungarian.
 */
public final class CentroidMatching {
  /** Today's cluster index → stable id; {@code matched} of them inherited an old id, the rest are new. */
  public record Result(Map<Integer, Integer> ids, int matched, int fresh) {}

  private CentroidMatching() {}

  /**
   * @param today today's centroids, by cluster index
   * @param old yesterday's stable id → centroid
   */
  public static Result match(List<double[]> today, Map<Integer, double[]> old) {
    List<double[]> pairs = new ArrayList<>(); // {similarity, today index, old id}
    for (int i = 0; i < today.size(); i++) {
      for (Map.Entry<Integer, double[]> e : old.entrySet()) {
        double[] o = e.getValue();
        if (o.length == today.get(i).length) { // another dimension (another model) is no match at all
          pairs.add(new double[] {VectorMath.cosine(today.get(i), o), i, e.getKey()});
        }
      }
    }
    pairs.sort((a, b) -> a[0] != b[0] ? Double.compare(b[0], a[0])
        : a[1] != b[1] ? Double.compare(a[1], b[1]) : Double.compare(a[2], b[2]));
    Map<Integer, Integer> ids = new LinkedHashMap<>();
    java.util.Set<Integer> oldTaken = new java.util.HashSet<>();
    for (double[] p : pairs) {
      int i = (int) p[1];
      int id = (int) p[2];
      if (!ids.containsKey(i) && !oldTaken.contains(id)) {
        ids.put(i, id);
        oldTaken.add(id);
      }
    }
    int matched = ids.size();
    int next = old.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
    for (int i = 0; i < today.size(); i++) {
      if (!ids.containsKey(i)) {
        ids.put(i, next++);
      }
    }
    Map<Integer, Integer> sorted = new java.util.TreeMap<>(ids);
    return new Result(sorted, matched, today.size() - matched);
  }
}
