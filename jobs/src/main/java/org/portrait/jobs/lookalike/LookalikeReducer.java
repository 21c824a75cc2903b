package org.portrait.jobs.lookalike;

import java.io.IOException;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;
import org.portrait.common.apps.TopN;
import org.portrait.schema.Lookalike;

/**
 * Top-N job, the single reducer: merges the splits' best N into the global best N (common TopN, the same
 * order as the mappers) and writes them as lookalike rows ranked from 1. Unreadable lines are counted.
 */
public class LookalikeReducer extends Reducer<NullWritable, Text, Void, Lookalike> {
  @Override
  protected void reduce(NullWritable k, Iterable<Text> lines, Context ctx) throws IOException, InterruptedException {
    TopN best = new TopN(ctx.getConfiguration().getInt(LookalikeDriver.K, 1));
    for (Text t : lines) {
      String[] f = t.toString().split("\t");
      double score;
      try {
        score = f.length == 2 && !f[0].isEmpty() ? Double.parseDouble(f[1]) : Double.NaN;
      } catch (NumberFormatException e) {
        score = Double.NaN;
      }
      if (!Double.isFinite(score)) {
        ctx.getCounter(LookalikeCounters.BAD_CANDIDATES).increment(1);
        continue;
      }
      best.offer(f[0], score);
    }
    String audience = ctx.getConfiguration().get(LookalikeDriver.AUDIENCE_ID);
    int rank = 0;
    for (TopN.Scored s : best.sorted()) {
      write(Lookalike.newBuilder().setAudienceId(audience).setUserKey(s.key()).setScore(s.score())
          .setRank(++rank).build(), ctx);
      ctx.getCounter(LookalikeCounters.AUDIENCE).increment(1);
    }
  }

  /** Parquet's output key is always null (tests override this: MRUnit cannot copy a null key). */
  protected void write(Lookalike row, Context ctx) throws IOException, InterruptedException {
    ctx.write(null, row);
  }
}
