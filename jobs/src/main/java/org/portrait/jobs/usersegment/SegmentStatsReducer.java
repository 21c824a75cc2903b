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
 * Sums sizes, interest/keyword counts and vectors per cluster (also usable as the combiner: its output has the
 * input's form, "size\tinterest counts\tkeyword counts\tvector sum"). Keyword counts are cut to the
 * {@value #KEEP} most frequent to bound the line. Values it cannot read are skipped and counted
 * (STATS_VALUES_SKIPPED), never half-merged.
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
    double[] sum = new double[0];
    for (Text t : values) {
      String[] f = t.toString().split("\t", -1);
      long n;
      double[] v;
      try {
        if (f.length != 4) {
          throw new NumberFormatException("expected 4 fields, got " + f.length);
        }
        n = Long.parseLong(f[0]);
        v = parseVector(f[3]);
      } catch (NumberFormatException e) {
        // never written by our mapper; skip rather than fail the stage, but count it
        ctx.getCounter(UserSegmentCounters.STATS_VALUES_SKIPPED).increment(1);
        continue;
      }
      if (v.length > 0 && sum.length > 0 && v.length != sum.length) {
        ctx.getCounter(UserSegmentCounters.STATS_VALUES_SKIPPED).increment(1);
        continue;
      }
      if (sum.length == 0) {
        sum = new double[v.length];
      }
      for (int i = 0; i < v.length; i++) {
        sum[i] += v[i];
      }
      size += n;
      SegmentRules.parseCounts(f[1]).forEach((k, c) -> interests.merge(k, c, Long::sum));
      SegmentRules.parseCounts(f[2]).forEach((k, c) -> keywords.merge(k, c, Long::sum));
    }
    Map<String, Long> keptKeywords = new LinkedHashMap<>();
    for (String k : SegmentRules.top(keywords, KEEP)) {
      keptKeywords.put(k, keywords.get(k));
    }
    Map<String, Long> sortedInterests = new LinkedHashMap<>();
    for (String k : SegmentRules.top(interests, interests.size())) {
      sortedInterests.put(k, interests.get(k));
    }
    out.set(size + "\t" + SegmentRules.format(sortedInterests) + "\t" + SegmentRules.format(keptKeywords) + "\t"
        + formatVector(sum));
    ctx.write(cluster, out);
  }

  /** Space-separated numbers; empty for no vector. */
  static double[] parseVector(String s) {
    if (s.isEmpty()) {
      return new double[0];
    }
    String[] t = s.split(" ");
    double[] v = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      v[i] = Double.parseDouble(t[i]);
      if (!Double.isFinite(v[i])) {
        throw new NumberFormatException("not finite: " + t[i]);
      }
    }
    return v;
  }

  static String formatVector(double[] v) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < v.length; i++) {
      s.append(i == 0 ? "" : " ").append(v[i]);
    }
    return s.toString();
  }
}
