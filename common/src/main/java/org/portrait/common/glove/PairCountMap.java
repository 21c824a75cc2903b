package org.portrait.common.glove;

import java.util.Arrays;

/**
 * Open-addressing hash map from a word pair (packed into a long) to a summed weight, in two primitive arrays
 * (no boxing, no per-entry objects): the in-mapper combiner of the cooccur job. Its capacity is fixed when it
 * is created, from a memory budget; the caller flushes it when {@link #isFull()}.
 */
public final class PairCountMap {
  private static final long EMPTY = -1L;
  /** Bytes per slot: one long key and one double value. */
  public static final int BYTES_PER_SLOT = 16;
  private static final double MAX_LOAD = 0.7;

  /** Slot s: key at 2s, the weight's double bits at 2s + 1 (one cache line per probe, not two). */
  private final long[] table;
  private final int mask;
  private final int limit;
  private int size;

  /** A map with a power-of-two number of slots fitting into {@code budgetBytes} (at least 16 slots). */
  public static PairCountMap withBudget(long budgetBytes) {
    long slots = Math.max(16, budgetBytes / BYTES_PER_SLOT);
    int pow = 63 - Long.numberOfLeadingZeros(Math.min(slots, 1L << 30));
    return new PairCountMap(1 << pow);
  }

  public PairCountMap(int slots) {
    if (Integer.bitCount(slots) != 1) {
      throw new IllegalArgumentException("slots must be a power of two: " + slots);
    }
    table = new long[2 * slots];
    for (int s = 0; s < slots; s++) {
      table[2 * s] = EMPTY;
    }
    mask = slots - 1;
    limit = (int) (slots * MAX_LOAD);
  }

  public static long pack(int i, int j) {
    return ((long) i << 32) | (j & 0xffffffffL);
  }

  public static int row(long key) {
    return (int) (key >>> 32);
  }

  public static int col(long key) {
    return (int) key;
  }

  /** Adds {@code w} to the weight of pair (i, j), i and j non-negative. */
  public void add(int i, int j, double w) {
    long key = pack(i, j);
    int slot = (int) mix(key) & mask;
    while (true) {
      long k = table[2 * slot];
      if (k == key) {
        table[2 * slot + 1] = Double.doubleToRawLongBits(Double.longBitsToDouble(table[2 * slot + 1]) + w);
        return;
      }
      if (k == EMPTY) {
        table[2 * slot] = key;
        table[2 * slot + 1] = Double.doubleToRawLongBits(w);
        size++;
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** True once the load limit is reached; add() still works until the table is truly full, but slowly. */
  public boolean isFull() {
    return size >= limit;
  }

  public int size() {
    return size;
  }

  public int capacity() {
    return mask + 1;
  }

  /** The current weight of (i, j), 0 when absent. */
  public double get(int i, int j) {
    long key = pack(i, j);
    int slot = (int) mix(key) & mask;
    while (true) {
      long k = table[2 * slot];
      if (k == key) {
        return Double.longBitsToDouble(table[2 * slot + 1]);
      }
      if (k == EMPTY) {
        return 0;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Receives the entries on a flush. */
  public interface EntrySink {
    void accept(long key, double value) throws java.io.IOException, InterruptedException;
  }

  /** Hands every entry to {@code sink} (in slot order) and empties the map. */
  public void drainTo(EntrySink sink) throws java.io.IOException, InterruptedException {
    for (int s = 0; s < table.length; s += 2) {
      if (table[s] != EMPTY) {
        sink.accept(table[s], Double.longBitsToDouble(table[s + 1]));
        table[s] = EMPTY;
      }
    }
    size = 0;
  }

  /** Copies the keys (in slot order) into {@code out}, which must hold {@link #size()}; returns the count. */
  public int keysTo(long[] out) {
    int n = 0;
    for (int s = 0; s < table.length; s += 2) {
      if (table[s] != EMPTY) {
        out[n++] = table[s];
      }
    }
    return n;
  }

  /**
   * Groups the entries by row without a global sort (counting sort on the row, rows below {@code rows}):
   * afterwards row r's entries are {@code out[rowStart[r] .. rowStart[r + 1])}, each packed as
   * {@code col << 32 | floatBits((float) weight)} and sorted by column. {@code rowStart} must hold rows + 1,
   * {@code out} {@link #size()}. Replaces sorting every key and looking each value up again on a flush.
   */
  public void stripesTo(int rows, int[] rowStart, long[] out) {
    Arrays.fill(rowStart, 0, rows + 1, 0);
    for (int s = 0; s < table.length; s += 2) {
      if (table[s] != EMPTY) {
        rowStart[row(table[s]) + 1]++;
      }
    }
    for (int r = 0; r < rows; r++) {
      rowStart[r + 1] += rowStart[r];
    }
    int[] next = Arrays.copyOf(rowStart, rows);
    for (int s = 0; s < table.length; s += 2) {
      long k = table[s];
      if (k != EMPTY) {
        float x = (float) Double.longBitsToDouble(table[s + 1]);
        out[next[row(k)]++] = ((long) col(k) << 32) | (Float.floatToRawIntBits(x) & 0xffffffffL);
      }
    }
    for (int r = 0; r < rows; r++) {
      if (rowStart[r + 1] - rowStart[r] > 1) {
        Arrays.sort(out, rowStart[r], rowStart[r + 1]);
      }
    }
  }

  /** Empties the map. */
  public void clear() {
    for (int s = 0; s < table.length; s += 2) {
      table[s] = EMPTY;
    }
    size = 0;
  }

  private static long mix(long x) {
    x ^= x >>> 33;
    x *= 0xff51afd7ed558ccdL;
    x ^= x >>> 33;
    return x;
  }
}
