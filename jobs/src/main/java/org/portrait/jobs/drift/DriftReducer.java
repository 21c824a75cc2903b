package org.portrait.jobs.drift;

import java.io.IOException;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;
import org.portrait.common.profile.VectorMath;

/**
 * Joins one user's profiles of the two days: counts the user as today's, yesterday's, returning, new or gone
 * (counters), adds their bins to the distributions and, for a returning user, the cosine shift and whether the
 * segment changed. Writes nothing per user: its partial {@link DriftSums} go out once, in cleanup.
 */
public class DriftReducer extends Reducer<Text, DriftRecord, NullWritable, Text> {
  private final DriftSums sums = new DriftSums();
  private final Text line = new Text();

  @Override
  protected void reduce(Text user, Iterable<DriftRecord> values, Context ctx) throws IOException, InterruptedException {
    DriftRecord today = null;
    DriftRecord yesterday = null;
    for (DriftRecord r : values) {
      boolean isToday = r.day == DriftRecord.TODAY;
      if ((isToday ? today : yesterday) != null) {
        ctx.getCounter(DriftCounters.DUPLICATE_USERS).increment(1);
      } else if (isToday) {
        today = r.copy(); // the framework reuses the value object
      } else {
        yesterday = r.copy();
      }
    }
    if (today != null) {
      ctx.getCounter(DriftCounters.USERS_TODAY).increment(1);
      sums.add(DriftSums.INTEREST_TODAY, today.interest);
      sums.add(DriftSums.SENTIMENT_TODAY, today.sentiment);
    }
    if (yesterday != null) {
      ctx.getCounter(DriftCounters.USERS_YESTERDAY).increment(1);
      sums.add(DriftSums.INTEREST_YESTERDAY, yesterday.interest);
      sums.add(DriftSums.SENTIMENT_YESTERDAY, yesterday.sentiment);
    }
    if (today == null || yesterday == null) {
      ctx.getCounter(today == null ? DriftCounters.USERS_GONE : DriftCounters.USERS_NEW).increment(1);
      return;
    }
    ctx.getCounter(DriftCounters.USERS_RETURNING).increment(1);
    if (today.vector.length > 0 && today.vector.length == yesterday.vector.length) {
      sums.shiftSum += 1 - VectorMath.cosine(doubles(today.vector), doubles(yesterday.vector));
      ctx.getCounter(DriftCounters.SHIFT_USERS).increment(1);
    } else {
      ctx.getCounter(DriftCounters.SHIFT_SKIPPED).increment(1);
    }
    if (today.segment == DriftRecord.NO_SEGMENT || yesterday.segment == DriftRecord.NO_SEGMENT) {
      ctx.getCounter(DriftCounters.SEGMENT_UNKNOWN).increment(1);
    } else {
      ctx.getCounter(DriftCounters.SEGMENT_COMPARED).increment(1);
      if (today.segment != yesterday.segment) {
        ctx.getCounter(DriftCounters.SEGMENT_CHANGED).increment(1);
      }
    }
  }

  @Override
  protected void cleanup(Context ctx) throws IOException, InterruptedException {
    for (String l : sums.lines()) {
      line.set(l);
      ctx.write(NullWritable.get(), line);
    }
  }

  private static double[] doubles(float[] v) {
    double[] x = new double[v.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = v[i];
    }
    return x;
  }
}
