package org.portrait.jobs.usersegment;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;
import org.portrait.common.profile.SegmentRules;

/**
 * Sums sizes and interest/keyword counts per cluster (also usable as the combiner: its output has the input's
 * form). Keyword counts are cut to the {@value #KEEP} most frequent to bound the line.
 */
public class SegmentStatsReducer extends Reducer<IntWritable, Text, IntWritable, Text> {
  static final int KEEP = 200;
  private final Text out = new Text();

  @Override
  protected void reduce(IntWritable cluster, Iterable<Text> values, Context ctx)
      throws IOException, InterruptedException {
    long size = 0;
    Map<String, Long> interests = new HashMap<>();
    Map<String, Long> keywords = new HashMap<>();
    for (Text t : values) {
      String[] f = t.toString().split("\t", -1);
      if (f.length != 3) {
        continue; // never written by our mapper; ignore rather than fail the stage
      }
      size += Long.parseLong(f[0]);
      SegmentRules.parseCounts(f[1]).forEach((k, v) -> interests.merge(k, v, Long::sum));
      SegmentRules.parseCounts(f[2]).forEach((k, v) -> keywords.merge(k, v, Long::sum));
    }
    Map<String, Long> keptKeywords = new LinkedHashMap<>();
    for (String k : SegmentRules.top(keywords, KEEP)) {
      keptKeywords.put(k, keywords.get(k));
    }
    Map<String, Long> sortedInterests = new LinkedHashMap<>();
    for (String k : SegmentRules.top(interests, interests.size())) {
      sortedInterests.put(k, interests.get(k));
    }
    out.set(size + "\t" + SegmentRules.format(sortedInterests) + "\t" + SegmentRules.format(keptKeywords));
    ctx.write(cluster, out);
  }
}
