package org.portrait.jobs.cooccur;

import java.io.IOException;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.TaskType;

/**
 * Sums the stripes of one word row into one stripe (column-sorted); also the combiner. Only the real reduce
 * phase counts {@link CooccurCounters#ENTRIES_OUT} (the non-zeros written).
 */
public class CooccurReducer extends Reducer<IntWritable, BytesWritable, IntWritable, BytesWritable> {
  private final Stripes.Accumulator acc = new Stripes.Accumulator();
  private final BytesWritable out = new BytesWritable();
  private boolean combiner;

  @Override
  protected void setup(Context context) {
    combiner = context.getTaskAttemptID() != null && context.getTaskAttemptID().getTaskType() == TaskType.MAP;
  }

  @Override
  protected void reduce(IntWritable row, Iterable<BytesWritable> stripes, Context context)
      throws IOException, InterruptedException {
    for (BytesWritable s : stripes) {
      acc.add(s);
    }
    int n = acc.size();
    if (n == 0) {
      return;
    }
    acc.drainTo(out);
    context.write(row, out);
    if (!combiner) {
      context.getCounter(CooccurCounters.ENTRIES_OUT).increment(n);
    }
  }
}
