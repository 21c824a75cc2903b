package org.portrait.jobs.vocab;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.mapred.AvroKey;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;
import org.portrait.schema.TokenizedReview;

/**
 * Emits (word, (occurrences in the review, 1)) once per distinct word of a review, so one sum gives both the
 * count and the document frequency. Reviews of another split (when {@code portrait.vocab.split} is set) are
 * skipped and counted.
 */
public class VocabMapper extends Mapper<AvroKey<TokenizedReview>, NullWritable, Text, TermStats> {
  private final Map<String, int[]> perReview = new HashMap<>();
  private final Text word = new Text();
  private final TermStats stats = new TermStats();
  private String split;

  @Override
  protected void setup(Context context) {
    String s = context.getConfiguration().getTrimmed(VocabDriver.SPLIT, VocabDriver.DEFAULT_SPLIT);
    split = s.isEmpty() || s.equals("all") ? null : s;
  }

  @Override
  protected void map(AvroKey<TokenizedReview> key, NullWritable value, Context context)
      throws IOException, InterruptedException {
    TokenizedReview r = key.datum();
    context.getCounter(VocabCounters.REVIEWS_IN).increment(1);
    if (split != null && !split.equals(r.getSplit())) {
      context.getCounter(VocabCounters.REVIEWS_OTHER_SPLIT).increment(1);
      return;
    }
    context.getCounter(VocabCounters.REVIEWS_COUNTED).increment(1);
    List<String> tokens = r.getTokens();
    if (tokens == null || tokens.isEmpty()) {
      context.getCounter(VocabCounters.EMPTY_REVIEWS).increment(1);
      return;
    }
    perReview.clear();
    long bad = 0;
    for (String t : tokens) {
      if (t == null || t.isBlank() || t.indexOf('\t') >= 0 || t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0) {
        bad++;
        continue;
      }
      perReview.computeIfAbsent(t, k -> new int[1])[0]++;
    }
    context.getCounter(VocabCounters.TOKENS_IN).increment(tokens.size() - bad);
    if (bad > 0) {
      context.getCounter(VocabCounters.BAD_TOKENS).increment(bad);
    }
    for (Map.Entry<String, int[]> e : perReview.entrySet()) {
      word.set(e.getKey());
      context.write(word, stats.set(e.getValue()[0], 1));
    }
  }
}
