package org.portrait.common.glove;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;

/**
 * One training task's co-occurrence entries in memory, ready for the kernel: columns row, col, log x and f(x)
 * (log and weight computed once at load, not per update), grouped into {@code t x t} blocks by
 * (row mod t, col mod t) and shuffled inside each block with a seed. Block (p, q) holds exactly the entries
 * whose word row is in stripe p and context row in stripe q, so t threads working on blocks
 * (0, s), (1, 1+s), ... never touch the same parameters: lock-free and deterministic.
 *
 * <p>File format (written by the cooccur job): records of big-endian int i, int j, float x (12 bytes).
 */
public final class CooccurEntries {
  /** Bytes of one record in a co-occurrence file. */
  public static final int RECORD_BYTES = 12;
  /** Bytes one loaded entry takes in memory. */
  public static final int ENTRY_BYTES = 16;

  public final int stripes;
  public final int[] row;
  public final int[] col;
  public final float[] logx;
  public final float[] fx;
  /** Start offset of block (p, q) at index p * stripes + q; length stripes^2 + 1. */
  public final int[] blockStart;

  private CooccurEntries(int stripes, int[] row, int[] col, float[] logx, float[] fx, int[] blockStart) {
    this.stripes = stripes;
    this.row = row;
    this.col = col;
    this.logx = logx;
    this.fx = fx;
    this.blockStart = blockStart;
  }

  public int size() {
    return row.length;
  }

  /** Raw records read from co-occurrence files, before blocking. */
  public static final class Raw {
    public final int[] i;
    public final int[] j;
    public final float[] x;
    public int n;

    public Raw(long capacity) {
      if (capacity > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("too many entries for one task: " + capacity + "; use more tasks");
      }
      i = new int[(int) capacity];
      j = new int[(int) capacity];
      x = new float[(int) capacity];
    }

    /** Appends up to {@code records} records from {@code in}; a truncated file is an error. */
    public void read(InputStream in, long records) throws IOException {
      DataInputStream d = new DataInputStream(in);
      byte[] buf = new byte[RECORD_BYTES * 8192];
      ByteBuffer bb = ByteBuffer.wrap(buf);
      long left = records;
      while (left > 0) {
        int k = (int) Math.min(left, 8192);
        d.readFully(buf, 0, k * RECORD_BYTES);
        bb.clear();
        for (int r = 0; r < k; r++) {
          i[n] = bb.getInt();
          j[n] = bb.getInt();
          x[n] = bb.getFloat();
          n++;
        }
        left -= k;
      }
    }

    /**
     * Splits the records by column block (j mod {@code blocks}), keeping their order: the column strata of
     * cross-task DSGD. Negative columns (rejected later by {@link #build}) go to block 0.
     */
    public Raw[] splitByColumn(int blocks) {
      int[] count = new int[blocks];
      for (int e = 0; e < n; e++) {
        count[Math.floorMod(j[e], blocks)]++;
      }
      Raw[] out = new Raw[blocks];
      for (int q = 0; q < blocks; q++) {
        out[q] = new Raw(count[q]);
      }
      for (int e = 0; e < n; e++) {
        out[Math.floorMod(j[e], blocks)].add(i[e], j[e], x[e]);
      }
      return out;
    }

    /** Adds one entry (tests). */
    public void add(int a, int b, float v) {
      i[n] = a;
      j[n] = b;
      x[n] = v;
      n++;
    }
  }

  /**
   * Builds the blocked, shuffled entries from {@code raw}. Entries with a word id outside [0, vocab) or a
   * weight that is not a positive finite number are dropped; their count is {@link Built#rejected}.
   */
  public static Built build(Raw raw, int vocab, int stripes, GloveParams p, long seed) {
    return build(raw, vocab, stripes, 1, 1, p, seed);
  }

  /**
   * As {@link #build(Raw, int, int, GloveParams, long)}, with thread stripes (i / rowStride) mod t and
   * (j / colStride) mod t: a task whose rows (or columns) are all congruent modulo the task count (or the
   * number of column strata) would otherwise put every entry into one stripe and leave threads idle.
   */
  public static Built build(Raw raw, int vocab, int stripes, int rowStride, int colStride, GloveParams p,
      long seed) {
    int n = raw.n;
    int blocks = stripes * stripes;
    int[] blockOf = new int[n];
    int[] count = new int[blocks + 1];
    long rejected = 0;
    for (int e = 0; e < n; e++) {
      int a = raw.i[e];
      int b = raw.j[e];
      float v = raw.x[e];
      if (a < 0 || a >= vocab || b < 0 || b >= vocab || !(v > 0) || !Float.isFinite(v)) {
        blockOf[e] = -1;
        rejected++;
        continue;
      }
      int blk = ((a / rowStride) % stripes) * stripes + ((b / colStride) % stripes);
      blockOf[e] = blk;
      count[blk + 1]++;
    }
    for (int k = 0; k < blocks; k++) {
      count[k + 1] += count[k];
    }
    int[] start = count.clone();
    int kept = count[blocks];
    int[] order = new int[kept];
    int[] fill = start.clone();
    for (int e = 0; e < n; e++) {
      if (blockOf[e] >= 0) {
        order[fill[blockOf[e]]++] = e;
      }
    }
    SplittableRandom r = new SplittableRandom(seed);
    for (int k = 0; k < blocks; k++) {
      for (int s = start[k + 1] - 1; s > start[k]; s--) {
        int t = start[k] + r.nextInt(s - start[k] + 1);
        int tmp = order[s];
        order[s] = order[t];
        order[t] = tmp;
      }
    }
    int[] row = new int[kept];
    int[] col = new int[kept];
    float[] logx = new float[kept];
    float[] fx = new float[kept];
    for (int s = 0; s < kept; s++) {
      int e = order[s];
      row[s] = raw.i[e];
      col[s] = raw.j[e];
      logx[s] = (float) Math.log(raw.x[e]);
      fx[s] = p.weight(raw.x[e]);
    }
    return new Built(new CooccurEntries(stripes, row, col, logx, fx, start), rejected);
  }

  /** Result of {@link #build}. */
  public static final class Built {
    public final CooccurEntries entries;
    public final long rejected;

    Built(CooccurEntries entries, long rejected) {
      this.entries = entries;
      this.rejected = rejected;
    }
  }
}
