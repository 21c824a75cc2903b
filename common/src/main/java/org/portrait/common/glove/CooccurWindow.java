package org.portrait.common.glove;

/**
 * GloVe's co-occurrence counting for one document (one review), as the reference implementation does it:
 * out-of-vocabulary tokens are dropped first (so distance is counted in the token stream after their removal),
 * every pair within {@code window} positions is weighted 1/distance, and, the context being symmetric, each
 * pair adds to both (i, j) and (j, i). A word paired with itself adds twice to (i, i), as the reference does.
 */
public final class CooccurWindow {
  private CooccurWindow() {}

  /** Receives weighted pairs. */
  public interface PairSink {
    void add(int i, int j, double weight);
  }

  /**
   * Counts each unordered pair of {@code ids[from..to)} and the tokens before them within the window once,
   * with weight 1/distance: half the work of {@link #count}, whose (i, j) and (j, i) are always equal (see
   * {@link SymmetricPairCounts#toStripes} for mirroring). Returns the pair increments the symmetric count would
   * have made (two per pair), so counters stay comparable.
   */
  public static long countUpper(int[] ids, int from, int to, int window, SymmetricPairCounts into) {
    long pairs = 0;
    for (int p = from; p < to; p++) {
      int w2 = ids[p];
      int lo = Math.max(0, p - window);
      for (int q = p - 1; q >= lo; q--) {
        into.add(ids[q], w2, 1.0 / (p - q));
      }
      pairs += 2L * (p - lo);
    }
    return pairs;
  }

  /**
   * Counts the pairs of {@code ids[0..n)} (vocabulary ids, OOV already removed) into {@code sink}; returns the
   * number of pair increments (two per pair, symmetric).
   */
  public static long count(int[] ids, int n, int window, PairSink sink) {
    long pairs = 0;
    for (int p = 0; p < n; p++) {
      int w2 = ids[p];
      int from = Math.max(0, p - window);
      for (int q = p - 1; q >= from; q--) {
        int w1 = ids[q];
        double weight = 1.0 / (p - q);
        sink.add(w1, w2, weight);
        sink.add(w2, w1, weight);
        pairs += 2;
      }
    }
    return pairs;
  }
}
