package org.portrait.jobs.lookalike;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;
import org.portrait.common.apps.TopN;
import org.portrait.common.profile.VectorMath;
import org.portrait.schema.UserProfile;

/**
 * Top-N job, map side: scores every non-seed profile that passes the filters by cosine to the seed centroid
 * (from the configuration) and keeps only its split's best N (common TopN), written at the end as
 * {@code userKey<TAB>score} lines. Exact: the global best N are among the union of every split's best N, so
 * the single reducer's merge has recall 1.0 against a full sort, in O(N) memory per task. Bad profiles are
 * counted, never a crash.
 */
public class LookalikeMapper extends Mapper<Object, UserProfile, NullWritable, Text> {
  private Set<String> seeds;
  private double[] centroid;
  private String interest;
  private String sentiment;
  private TopN best;

  @Override
  protected void setup(Context ctx) throws IOException {
    Configuration conf = ctx.getConfiguration();
    seeds = LookalikeConf.readSeeds(conf, new Path(conf.get(LookalikeDriver.SEEDS)),
        conf.getInt(LookalikeDriver.MAX_SEEDS, LookalikeDriver.DEFAULT_MAX_SEEDS));
    centroid = LookalikeConf.decode(conf.get(LookalikeDriver.CENTROID));
    interest = conf.get(LookalikeDriver.INTEREST, "");
    sentiment = conf.get(LookalikeDriver.SENTIMENT, "");
    best = new TopN(conf.getInt(LookalikeDriver.K, 1));
  }

  @Override
  protected void map(Object k, UserProfile p, Context ctx) {
    ctx.getCounter(LookalikeCounters.PROFILES).increment(1);
    if (p == null || p.getUserKey() == null || p.getUserKey().isEmpty()) {
      ctx.getCounter(LookalikeCounters.BAD_PROFILES).increment(1);
      return;
    }
    String key = p.getUserKey().toString();
    if (seeds.contains(key)) {
      ctx.getCounter(LookalikeCounters.SEEDS_EXCLUDED).increment(1);
      return;
    }
    if (!passes(p)) {
      ctx.getCounter(LookalikeCounters.FILTERED).increment(1);
      return;
    }
    double[] v = LookalikeConf.vector(p.getVector());
    if (v == null || v.length != centroid.length) {
      ctx.getCounter(LookalikeCounters.BAD_PROFILES).increment(1);
      return;
    }
    ctx.getCounter(LookalikeCounters.CANDIDATES).increment(1);
    best.offer(key, VectorMath.cosine(v, centroid));
  }

  /** --interest: the category is among the user's top interests; --sentiment: the user's label is that one. */
  private boolean passes(UserProfile p) {
    if (!interest.isEmpty()) {
      List<String> top = p.getTopInterests();
      if (top == null || top.stream().noneMatch(interest::equals)) {
        return false;
      }
    }
    return sentiment.isEmpty() || (p.getSentimentLabel() != null && sentiment.equals(p.getSentimentLabel().toString()));
  }

  @Override
  protected void cleanup(Context ctx) throws IOException, InterruptedException {
    for (TopN.Scored s : best.sorted()) {
      ctx.write(NullWritable.get(), new Text(s.key() + "\t" + s.score()));
    }
  }
}
