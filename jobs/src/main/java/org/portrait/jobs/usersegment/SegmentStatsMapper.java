package org.portrait.jobs.usersegment;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;
import org.portrait.common.profile.SegmentRules;
import org.portrait.schema.UserProfile;
import org.portrait.schema.WeightedTerm;

/**
 * Assigns each profile to its nearest final centroid and emits (cluster index, "1\tinterest counts\tkeyword
 * counts\tvector"); users without a vector go to cluster -1 with an empty vector. The vectors are summed so that
 * a published centroid is the mean of exactly the users its size counts (k-anonymity), not Mahout's centre,
 * which comes from the previous iteration's membership. The input key (Parquet's, always null) is typed Object
 * so that MRUnit, which cannot copy a null key, can feed a placeholder.
 */
public class SegmentStatsMapper extends Mapper<Object, UserProfile, IntWritable, Text> {
  private SegmentCentroids centroids;
  private final IntWritable cluster = new IntWritable();
  private final Text out = new Text();

  @Override
  protected void setup(Context ctx) throws IOException {
    centroids = SegmentCentroids.read(ctx.getConfiguration());
  }

  @Override
  protected void map(Object k, UserProfile p, Context ctx) throws IOException, InterruptedException {
    int c = centroids.cluster(p);
    cluster.set(c);
    out.set(encode(p, c >= 0));
    ctx.write(cluster, out);
  }

  static String encode(UserProfile p, boolean withVector) {
    Map<String, Long> interests = new LinkedHashMap<>();
    p.getTopInterests().forEach(i -> interests.put(i, 1L));
    Map<String, Long> keywords = new LinkedHashMap<>();
    for (WeightedTerm t : p.getKeywords()) {
      keywords.put(t.getTerm(), 1L);
    }
    StringBuilder v = new StringBuilder();
    List<Float> x = p.getVector();
    if (withVector) {
      for (int i = 0; i < x.size(); i++) {
        v.append(i == 0 ? "" : " ").append(x.get(i));
      }
    }
    return "1\t" + SegmentRules.format(interests) + "\t" + SegmentRules.format(keywords) + "\t" + v;
  }
}
