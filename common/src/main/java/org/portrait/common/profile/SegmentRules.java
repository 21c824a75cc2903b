package org.portrait.common.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Hadoop-free rules of the segments stage: nearest centroid, k-anonymity merge, top terms of a segment. */
public final class SegmentRules {
  /** Segment id of users in segments below the k-anonymity size (and users without a vector). */
  public static final int OTHER = -1;

  private SegmentRules() {}

  /** Index of the centroid with the largest cosine to {@code v} (ties: lowest index); -1 for a zero vector. */
  public static int nearest(double[] v, List<double[]> centroids) {
    if (VectorMath.norm(v) == 0) {
      return -1;
    }
    int best = -1;
    double bestCos = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < centroids.size(); i++) {
      double c = VectorMath.cosine(v, centroids.get(i));
      if (c > bestCos) {
        bestCos = c;
        best = i;
      }
    }
    return best;
  }

  /**
   * Published id of each cluster: itself when it has at least {@code minSize} users, else {@link #OTHER}
   * (k-anonymity: a small segment's description could single out its users).
   */
  public static Map<Integer, Integer> publishMapping(Map<Integer, Integer> sizes, int minSize) {
    Map<Integer, Integer> out = new TreeMap<>();
    sizes.forEach((id, size) -> out.put(id, size >= minSize ? id : OTHER));
    return out;
  }

  /** The {@code k} keys with the largest counts (ties by key). */
  public static List<String> top(Map<String, Long> counts, int k) {
    List<Map.Entry<String, Long>> e = new ArrayList<>(counts.entrySet());
    e.sort((a, b) -> !a.getValue().equals(b.getValue()) ? Long.compare(b.getValue(), a.getValue())
        : a.getKey().compareTo(b.getKey()));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < Math.min(k, e.size()); i++) {
      out.add(e.get(i).getKey());
    }
    return out;
  }

  /** Parses {@code a:3,b:1} (as written by {@link #format}). */
  public static Map<String, Long> parseCounts(String s) {
    Map<String, Long> m = new LinkedHashMap<>();
    if (s == null || s.isEmpty()) {
      return m;
    }
    for (String part : s.split(",")) {
      int c = part.lastIndexOf(':');
      if (c > 0) {
        m.merge(part.substring(0, c), Long.parseLong(part.substring(c + 1)), Long::sum);
      }
    }
    return m;
  }

  /** Formats counts as {@code a:3,b:1}; terms containing ',' or ':' are dropped (never keywords anyway). */
  public static String format(Map<String, Long> counts) {
    StringBuilder s = new StringBuilder();
    counts.forEach((k, v) -> {
      if (k.indexOf(',') < 0 && k.indexOf(':') < 0) {
        s.append(s.length() == 0 ? "" : ",").append(k).append(':').append(v);
      }
    });
    return s.toString();
  }
}
