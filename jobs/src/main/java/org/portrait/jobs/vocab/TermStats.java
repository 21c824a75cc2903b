package org.portrait.jobs.vocab;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableUtils;

/** Occurrence count and document frequency of one word (variable-length longs on the wire). */
public class TermStats implements Writable {
  private long count;
  private long df;

  public TermStats() {}

  public TermStats(long count, long df) {
    this.count = count;
    this.df = df;
  }

  public long count() {
    return count;
  }

  public long df() {
    return df;
  }

  public TermStats set(long count, long df) {
    this.count = count;
    this.df = df;
    return this;
  }

  /** Sets this to the totals of {@code parts} (the combiner's and the reducer's sum). */
  public TermStats setToSum(Iterable<TermStats> parts) {
    long c = 0;
    long d = 0;
    for (TermStats p : parts) {
      c += p.count;
      d += p.df;
    }
    return set(c, d);
  }

  @Override
  public void write(DataOutput out) throws IOException {
    WritableUtils.writeVLong(out, count);
    WritableUtils.writeVLong(out, df);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    count = WritableUtils.readVLong(in);
    df = WritableUtils.readVLong(in);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TermStats && ((TermStats) o).count == count && ((TermStats) o).df == df;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(count) * 31 + Long.hashCode(df);
  }

  @Override
  public String toString() {
    return count + "/" + df;
  }
}
