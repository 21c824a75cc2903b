package org.portrait.jobs.usersegment;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;
import org.portrait.common.profile.SegmentRules;
import org.portrait.schema.UserProfile;
import org.portrait.schema.WeightedTerm;

/**
 * Assigns each profile to its nearest final centroid and emits (cluster index, "1\tinterest counts\tkeyword
 * counts"); users without a vector go to cluster -1.
 */
public class SegmentStatsMapper extends Mapper<Void, UserProfile, IntWritable, Text> {
  private SegmentCentroids centroids;
  private final IntWritable cluster = new IntWritable();
  private final Text out = new Text();

  @Override
  protected void setup(Context ctx) throws IOException {
    centroids = SegmentCentroids.read(ctx.getConfiguration());
  }

  @Override
  protected void map(Void k, UserProfile p, Context ctx) throws IOException, InterruptedException {
    cluster.set(centroids.cluster(p));
    out.set(encode(p));
    ctx.write(cluster, out);
  }

  static String encode(UserProfile p) {
    Map<String, Long> interests = new LinkedHashMap<>();
    p.getTopInterests().forEach(i -> interests.put(i, 1L));
    Map<String, Long> keywords = new LinkedHashMap<>();
    for (WeightedTerm t : p.getKeywords()) {
      keywords.put(t.getTerm(), 1L);
    }
    return "1\t" + SegmentRules.format(interests) + "\t" + SegmentRules.format(keywords);
  }
}
