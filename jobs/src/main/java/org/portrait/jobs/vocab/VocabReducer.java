package org.portrait.jobs.vocab;

import java.io.IOException;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;

/**
 * Totals per word and applies min-count (each word's total is complete in exactly one reducer, so the filter
 * is exact whatever the number of reducers). Ordering and ids are assigned by the driver afterwards.
 */
public class VocabReducer extends Reducer<Text, TermStats, Text, TermStats> {
  private final TermStats sum = new TermStats();
  private long minCount;

  @Override
  protected void setup(Context context) {
    minCount = context.getConfiguration().getLong(VocabDriver.MIN_COUNT, VocabDriver.DEFAULT_MIN_COUNT);
  }

  @Override
  protected void reduce(Text word, Iterable<TermStats> values, Context context) throws IOException, InterruptedException {
    sum.setToSum(values);
    context.getCounter(VocabCounters.DISTINCT_WORDS).increment(1);
    if (sum.count() < minCount) {
      context.getCounter(VocabCounters.WORDS_BELOW_MIN_COUNT).increment(1);
      return;
    }
    context.getCounter(VocabCounters.WORDS_ABOVE_MIN_COUNT).increment(1);
    context.write(word, sum);
  }
}
