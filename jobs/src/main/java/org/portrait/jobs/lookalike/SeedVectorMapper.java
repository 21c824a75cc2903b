package org.portrait.jobs.lookalike;

import java.io.IOException;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;
import org.portrait.schema.UserProfile;

/**
 * Centroid job (map only): sums the unit vectors of the seeds found in its split and writes one line at the
 * end, {@code count<TAB>v1,v2,...} (nothing when it found none); the driver adds up these few lines. Holds the
 * seed keys in memory (at most {@link LookalikeDriver#MAX_SEEDS}). The input key (Parquet's, always null) is
 * typed Object so that MRUnit can feed a placeholder.
 */
public class SeedVectorMapper extends Mapper<Object, UserProfile, NullWritable, Text> {
  private Set<String> seeds;
  private double[] sum;
  private long count;

  @Override
  protected void setup(Context ctx) throws IOException {
    seeds = LookalikeConf.readSeeds(ctx.getConfiguration(), new Path(ctx.getConfiguration().get(LookalikeDriver.SEEDS)),
        ctx.getConfiguration().getInt(LookalikeDriver.MAX_SEEDS, LookalikeDriver.DEFAULT_MAX_SEEDS));
  }

  @Override
  protected void map(Object k, UserProfile p, Context ctx) {
    if (p == null || p.getUserKey() == null || !seeds.contains(p.getUserKey().toString())) {
      return;
    }
    double[] v = LookalikeConf.vector(p.getVector());
    if (v == null || (sum != null && v.length != sum.length)) {
      ctx.getCounter(LookalikeCounters.BAD_PROFILES).increment(1);
      return;
    }
    if (sum == null) {
      sum = new double[v.length];
    }
    double norm = Math.sqrt(org.portrait.common.profile.VectorMath.dot(v, v));
    for (int i = 0; i < v.length; i++) {
      sum[i] += v[i] / norm;
    }
    count++;
    ctx.getCounter(LookalikeCounters.SEEDS_FOUND).increment(1);
  }

  @Override
  protected void cleanup(Context ctx) throws IOException, InterruptedException {
    if (count > 0) {
      ctx.write(NullWritable.get(), new Text(count + "\t" + LookalikeConf.encode(sum)));
    }
  }
}
