package org.portrait.common.glove;

import java.util.Arrays;

/**
 * Open-addressing hash map from a word pair (packed into a long) to a summed weight, in one primitive array
 * (no boxing, no per-entry objects): the in-mapper combiner of the cooccur job. It starts small and doubles up
 * to a maximum fixed from a memory budget (a small split never touches the whole budget: allocating and
 * faulting in memory it will not use is most of a small task's cost); the caller flushes it when
 * {@link #isFull()}. {@link SymmetricPairCounts} puts frequent pairs in a dense array in front of it.
 */
public final class PairCountMap {
  static final long EMPTY = -1L;
  /** Bytes per slot: one long key and one double value. */
  public static final int BYTES_PER_SLOT = 16;
  private static final double MAX_LOAD = 0.7;
  private static final int INITIAL_SLOTS = 1 << 16;

  /** Slot s: key at 2s, the weight's double bits at 2s + 1 (one cache line per probe, not two). */
  private long[] table;
  private int mask;
  private int limit;
  private final int maxSlots;
  private int size;

  /** A map growing up to the power-of-two number of slots fitting into {@code budgetBytes} (at least 16). */
  public static PairCountMap withBudget(long budgetBytes) {
    long slots = Math.max(16, budgetBytes / BYTES_PER_SLOT);
    int pow = 63 - Long.numberOfLeadingZeros(Math.min(slots, 1L << 30));
    return new PairCountMap(Math.min(1 << pow, INITIAL_SLOTS), 1 << pow);
  }

  /** A map of a fixed number of slots. */
  public PairCountMap(int slots) {
    this(slots, slots);
  }

  private PairCountMap(int slots, int maxSlots) {
    if (Integer.bitCount(slots) != 1 || Integer.bitCount(maxSlots) != 1) {
      throw new IllegalArgumentException("slots must be a power of two: " + slots + ", " + maxSlots);
    }
    this.maxSlots = maxSlots;
    allocate(slots);
  }

  private void allocate(int slots) {
    table = new long[2 * slots];
    for (int s = 0; s < slots; s++) {
      table[2 * s] = EMPTY;
    }
    mask = slots - 1;
    limit = (int) (slots * MAX_LOAD);
  }

  /** Doubles the table (at the load limit, below the maximum): re-inserts every entry. */
  private void grow() {
    long[] old = table;
    allocate(Math.min(2 * (mask + 1), maxSlots));
    for (int s = 0; s < old.length; s += 2) {
      long key = old[s];
      if (key != EMPTY) {
        int slot = (int) mix(key) & mask;
        while (table[2 * slot] != EMPTY) {
          slot = (slot + 1) & mask;
        }
        table[2 * slot] = key;
        table[2 * slot + 1] = old[s + 1];
      }
    }
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
        if (++size >= limit && mask + 1 < maxSlots) {
          grow();
        }
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  /**
   * True once the load limit of the largest table is reached; add() still works until the table is truly
   * full, but slowly.
   */
  public boolean isFull() {
    return size >= (int) (maxSlots * MAX_LOAD);
  }

  public int size() {
    return size;
  }

  /** The number of slots the map may grow to. */
  public int capacity() {
    return maxSlots;
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

  /** The slot array (key at 2s, weight bits at 2s + 1; {@link #EMPTY} keys are free), for grouping. */
  long[] slots() {
    return table;
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
