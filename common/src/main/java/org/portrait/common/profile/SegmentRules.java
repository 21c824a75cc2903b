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

  /**
   * Smallest allowed k-anonymity size: with 1, a published segment (its centroid, interests, keywords) may
   * describe a single user.
   */
  public static final int MIN_ANONYMITY = 2;

  /**
   * What one run may publish. {@code mapping}: published id of each cluster (see {@link #publishMapping}).
   * "Other" (-1) holds the merged clusters plus the users without a vector; it is always published so that
   * the sizes sum to the users, but when it has fewer than {@code minSize} users it is suppressed: size only,
   * no centroid, interests or keywords. Its centroid is further withheld unless at least {@code minSize} of its
   * users have a vector, because users without a vector add nothing to it: one clustered user among 30
   * without vectors would otherwise be published as that user's vector.
   */
  public record Publication(Map<Integer, Integer> mapping, int otherSize, int otherVectorUsers, int minSize) {
    /** "Other" has users but fewer than the k-anonymity size: published with its size only. */
    public boolean otherSuppressed() {
      return otherSize > 0 && otherSize < minSize;
    }

    /** "Other" may carry a centroid: enough of its users contributed a vector to it. */
    public boolean otherCentroidPublished() {
      return !otherSuppressed() && otherVectorUsers >= minSize;
    }
  }

  /**
   * The k-anonymity decision. {@code sizes}: users per cluster index, plus key {@link #OTHER} for the users
   * without a vector (never clustered).
   */
  public static Publication publish(Map<Integer, Integer> sizes, int minSize) {
    if (minSize < MIN_ANONYMITY) {
      throw new IllegalArgumentException("k-anonymity size must be at least " + MIN_ANONYMITY + ", got " + minSize);
    }
    Map<Integer, Integer> clusters = new TreeMap<>(sizes);
    int noVector = clusters.getOrDefault(OTHER, 0);
    clusters.remove(OTHER);
    Map<Integer, Integer> mapping = publishMapping(clusters, minSize);
    int merged = 0;
    for (Map.Entry<Integer, Integer> e : clusters.entrySet()) {
      if (mapping.get(e.getKey()) == OTHER) {
        merged += e.getValue();
      }
    }
    mapping.put(OTHER, OTHER);
    return new Publication(mapping, merged + noVector, merged, minSize);
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
