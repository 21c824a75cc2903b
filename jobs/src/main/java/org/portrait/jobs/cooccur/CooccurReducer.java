package org.portrait.jobs.cooccur;

import java.io.IOException;
import org.apache.hadoop.io.DoubleWritable;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.TaskType;

/**
 * Sums the weights of one (i, j) pair; also the combiner. Non-finite or non-positive sums cannot come from
 * the mapper, so none are filtered here. Only the real reduce phase counts {@link CooccurCounters#ENTRIES_OUT}.
 */
public class CooccurReducer extends Reducer<LongWritable, DoubleWritable, LongWritable, DoubleWritable> {
  private final DoubleWritable out = new DoubleWritable();
  private boolean combiner;

  @Override
  protected void setup(Context context) {
    combiner = context.getTaskAttemptID() != null && context.getTaskAttemptID().getTaskType() == TaskType.MAP;
  }

  @Override
  protected void reduce(LongWritable key, Iterable<DoubleWritable> values, Context context)
      throws IOException, InterruptedException {
    double sum = 0;
    for (DoubleWritable v : values) {
      sum += v.get();
    }
    out.set(sum);
    context.write(key, out);
    if (!combiner) {
      context.getCounter(CooccurCounters.ENTRIES_OUT).increment(1);
    }
  }
}
