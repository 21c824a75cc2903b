package org.portrait.common.embeval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Neighbour overlap@k of two embeddings of (partly) the same words: for each sampled shared word, the share of
 * its k cosine nearest neighbours in A that are also among its k nearest in B, averaged. It compares the
 * geometry, not the coordinates, so it is 1.0 for a rotated or scaled copy, and it needs no test set (two GloVe
 * runs are never coordinate-equal, even from different seeds on the same data). Neighbours are searched among
 * the shared words only, so a word one side lacks cannot count against the other.
 *
 * <p>The sample is deterministic: the first {@code sample} shared words in A's row order. glove-train writes
 * vectors.txt in vocabulary id order, i.e. most frequent first, so that is the most frequent shared words, whose
 * neighbours are the best trained. Cost: sample x shared words x dim per side.
 */
public final class NeighbourOverlap {
  /** Sample size used when none is given. */
  public static final int DEFAULT_SAMPLE = 1000;

  private NeighbourOverlap() {}

  /** Overlap@k over the {@link #DEFAULT_SAMPLE} first shared words. */
  public static double atK(WordVectors a, WordVectors b, int k) {
    return atK(a, b, k, DEFAULT_SAMPLE);
  }

  /**
   * Mean over the first {@code sample} shared words (A's order) of |top-k in A ∩ top-k in B| / k. With fewer
   * than k + 1 shared words, k is lowered to shared - 1 (every other word is a neighbour).
   */
  public static double atK(WordVectors a, WordVectors b, int k, int sample) {
    if (k < 1 || sample < 1) {
      throw new IllegalArgumentException("k and sample must be >= 1: " + k + ", " + sample);
    }
    List<String> shared = new ArrayList<>();
    for (int r = 0; r < a.size(); r++) {
      String w = a.word(r);
      if (a.row(w) == r && b.row(w) >= 0) { // a repeated word counts once: the row lookups find
        shared.add(w);
      }
    }
    if (shared.size() < 2) {
      throw new IllegalArgumentException("the two vector sets share " + shared.size() + " words, need 2");
    }
    WordVectors sa = restrict(a, shared);
    WordVectors sb = restrict(b, shared);
    int kk = Math.min(k, shared.size() - 1);
    int n = Math.min(sample, shared.size());
    double sum = 0;
    for (int q = 0; q < n; q++) {
      Set<Integer> na = new HashSet<>();
      for (int r : sa.nearest(q, kk)) {
        na.add(r);
      }
      int common = 0;
      for (int r : sb.nearest(q, kk)) {
        if (na.contains(r)) {
          common++;
        }
      }
      sum += (double) common / kk;
    }
    return sum / n;
  }

  /** The unit vectors of {@code words} (all in {@code v}), in that order: row i is words[i] on both sides. */
  private static WordVectors restrict(WordVectors v, List<String> words) {
    List<float[]> rows = new ArrayList<>(words.size());
    for (String w : words) {
      int r = v.row(w);
      float[] x = new float[v.dim()];
      for (int d = 0; d < x.length; d++) {
        x[d] = v.unit(r, d);
      }
      rows.add(x);
    }
    return new WordVectors(words, rows);
  }
}
