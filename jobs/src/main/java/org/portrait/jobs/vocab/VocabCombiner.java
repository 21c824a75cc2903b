package org.portrait.jobs.vocab;

import java.io.IOException;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;

/** Sums partial (count, df) pairs on the map side; no filtering (min-count needs the global total). */
public class VocabCombiner extends Reducer<Text, TermStats, Text, TermStats> {
  private final TermStats sum = new TermStats();

  @Override
  protected void reduce(Text word, Iterable<TermStats> values, Context context) throws IOException, InterruptedException {
    context.write(word, sum.setToSum(values));
  }
}
