package org.portrait.jobs.cooccur;

import java.nio.ByteBuffer;
import org.apache.hadoop.io.BytesWritable;

/**
 * A stripe: the co-occurrences of one word row as (int j, float x) pairs sorted by j, in a BytesWritable.
 * Emitting one record per row instead of one per pair cuts the records Hadoop must sort and spill by the
 * average row length (tens to hundreds), which dominates the job's cost otherwise.
 */
final class Stripes {
  static final int PAIR_BYTES = 8;

  /** Accumulates stripes of one row densely (by column), then writes them back sorted. */
  static final class Accumulator {
    private float[] dense = new float[1024];
    private boolean[] used = new boolean[1024];
    private int[] touched = new int[1024];
    private int n;

    void add(BytesWritable stripe) {
      ByteBuffer b = ByteBuffer.wrap(stripe.getBytes(), 0, stripe.getLength());
      while (b.remaining() >= PAIR_BYTES) {
        add(b.getInt(), b.getFloat());
      }
    }

    void add(int j, float x) {
      if (j >= dense.length) {
        int len = Math.max(j + 1, dense.length * 2);
        dense = java.util.Arrays.copyOf(dense, len);
        used = java.util.Arrays.copyOf(used, len);
      }
      if (!used[j]) {
        used[j] = true;
        if (n == touched.length) {
          touched = java.util.Arrays.copyOf(touched, n * 2);
        }
        touched[n++] = j;
        dense[j] = 0f;
      }
      dense[j] += x;
    }

    int size() {
      return n;
    }

    /** Writes the accumulated pairs sorted by column into {@code out} and resets. */
    void drainTo(BytesWritable out) {
      int lo = Integer.MAX_VALUE;
      int hi = -1;
      for (int k = 0; k < n; k++) {
        lo = Math.min(lo, touched[k]);
        hi = Math.max(hi, touched[k]);
      }
      if (n > 0 && (long) n * 8 >= hi - lo + 1) {
        // Dense rows (frequent words): a scan of the column range is cheaper than sorting their columns.
        int k = 0;
        for (int j = lo; j <= hi; j++) {
          if (used[j]) {
            touched[k++] = j;
          }
        }
      } else {
        java.util.Arrays.sort(touched, 0, n);
      }
      out.setSize(n * PAIR_BYTES);
      ByteBuffer b = ByteBuffer.wrap(out.getBytes(), 0, n * PAIR_BYTES);
      for (int k = 0; k < n; k++) {
        int j = touched[k];
        b.putInt(j);
        b.putFloat(dense[j]);
        used[j] = false;
      }
      n = 0;
    }
  }

  private Stripes() {}
}
