package org.portrait.common.glove;

import java.util.Arrays;

/**
 * GloVe co-occurrence weights of unordered word pairs, for in-mapper combining. Word ids are frequency ranks
 * (0 = most frequent), as the vocabulary assigns them. Like the reference's {@code cooccur.c}, pairs of
 * frequent words, those with (i + 1)(j + 1) below a product limit, live in a dense upper-triangle array: most
 * pair occurrences fall there, and an array cell costs no hashing, probing or key compare and little cache.
 * The rest go to a {@link PairCountMap}. Each unordered pair is stored once; {@link #toStripes} mirrors them.
 */
public final class SymmetricPairCounts {
  /** Share of the memory budget given to the dense array, and its cap. */
  private static final double DENSE_SHARE = 0.25;
  private static final long DENSE_MAX_BYTES = 32L << 20;

  private final int words;
  /** Row i's dense cells are columns [i, denseEnd[i]); cell (i, j) is dense[denseStart[i] + j - i]. */
  private final int[] denseEnd;
  private final int[] denseStart;
  private final double[] dense;
  private final PairCountMap sparse;

  private SymmetricPairCounts(int words, long productLimit, long sparseBudget) {
    this.words = words;
    denseEnd = new int[words];
    denseStart = new int[words];
    long cells = 0;
    for (int i = 0; i < words; i++) {
      denseStart[i] = (int) cells;
      denseEnd[i] = (int) Math.max(i, Math.min(words, productLimit / (i + 1)));
      cells += denseEnd[i] - i;
    }
    dense = new double[(int) cells];
    sparse = PairCountMap.withBudget(sparseBudget);
  }

  /**
   * Counts over {@code words} word ids in about {@code budgetBytes}: a quarter (at most 32 MB) for the dense
   * array, the rest for the hash map.
   */
  public static SymmetricPairCounts withBudget(int words, long budgetBytes) {
    long denseBytes = Math.min(DENSE_MAX_BYTES, (long) (budgetBytes * DENSE_SHARE));
    long limit = largestProductLimit(words, denseBytes / Double.BYTES);
    return new SymmetricPairCounts(words, limit, Math.max(0, budgetBytes - cells(words, limit) * Double.BYTES));
  }

  /** Cells of the dense triangle for a product limit. */
  static long cells(int words, long productLimit) {
    long cells = 0;
    for (int i = 0; i < words; i++) {
      long end = Math.min(words, productLimit / (i + 1));
      if (end <= i) {
        break; // end shrinks as i grows
      }
      cells += end - i;
    }
    return cells;
  }

  private static long largestProductLimit(int words, long maxCells) {
    long lo = 0;
    long hi = (long) words * words + 1;
    while (lo < hi) { // largest limit whose triangle fits
      long mid = (lo + hi + 1) >>> 1;
      if (cells(words, mid) <= maxCells) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** Adds {@code w} to the unordered pair {a, b} (word ids below the vocabulary size). */
  public void add(int a, int b, double w) {
    int i = Math.min(a, b);
    int j = Math.max(a, b);
    if (j < denseEnd[i]) {
      dense[denseStart[i] + j - i] += w;
    } else {
      sparse.add(i, j, w);
    }
  }

  /** True when fewer than {@code newPairs} more distinct sparse pairs fit: time to flush. */
  public boolean needsFlush(long newPairs) {
    return sparse.isFull() || sparse.capacity() - sparse.size() <= newPairs;
  }

  /** Distinct pairs held in the hash map (dense cells not included). */
  public int sparseSize() {
    return sparse.size();
  }

  /** Cells in the dense array (for tests and sizing). */
  public int denseCells() {
    return dense.length;
  }

  /** An upper bound of the entries {@link #toStripes} writes (a scan of the dense cells): size {@code out} with it. */
  public long maxStripeEntries() {
    long used = 0;
    for (double w : dense) {
      if (w != 0) {
        used++;
      }
    }
    return 2L * (sparse.size() + used);
  }

  /**
   * Groups every pair, mirrored, by row without a global sort (counting sort on the row): afterwards row r's
   * entries are {@code out[rowStart[r] .. rowStart[r + 1])}, each packed as
   * {@code col << 32 | floatBits((float) weight)}, sorted by column. A pair {i, j} with i != j comes out in
   * row i and row j; a self-pair (i, i) once with twice its weight (the symmetric count adds it from both
   * sides). {@code rowStart} must hold words + 1. Returns the number of entries written; then empties.
   */
  public int toStripes(int[] rowStart, long[] out) {
    Arrays.fill(rowStart, 0, words + 1, 0);
    forEachPair((i, j, w) -> {
      rowStart[i + 1]++;
      if (i != j) {
        rowStart[j + 1]++;
      }
    });
    for (int r = 0; r < words; r++) {
      rowStart[r + 1] += rowStart[r];
    }
    int[] next = Arrays.copyOf(rowStart, words);
    forEachPair((i, j, w) -> {
      if (i == j) {
        out[next[i]++] = ((long) j << 32) | (Float.floatToRawIntBits((float) (2 * w)) & 0xffffffffL);
      } else {
        long bits = Float.floatToRawIntBits((float) w) & 0xffffffffL;
        out[next[i]++] = ((long) j << 32) | bits;
        out[next[j]++] = ((long) i << 32) | bits;
      }
    });
    for (int r = 0; r < words; r++) {
      if (rowStart[r + 1] - rowStart[r] > 1) {
        Arrays.sort(out, rowStart[r], rowStart[r + 1]);
      }
    }
    clear();
    return rowStart[words];
  }

  private interface PairVisitor {
    void visit(int i, int j, double w);
  }

  private void forEachPair(PairVisitor v) {
    for (int i = 0; i < words && denseEnd[i] > i; i++) {
      int base = denseStart[i] - i;
      for (int j = i; j < denseEnd[i]; j++) {
        double w = dense[base + j];
        if (w != 0) {
          v.visit(i, j, w);
        }
      }
    }
    long[] table = sparse.slots();
    for (int s = 0; s < table.length; s += 2) {
      long k = table[s];
      if (k != PairCountMap.EMPTY) {
        v.visit(PairCountMap.row(k), PairCountMap.col(k), Double.longBitsToDouble(table[s + 1]));
      }
    }
  }

  /** Empties both parts. */
  public void clear() {
    Arrays.fill(dense, 0);
    sparse.clear();
  }
}
