package org.portrait.jobs.usersegment;

import java.io.IOException;
import org.apache.hadoop.mapreduce.Mapper;
import org.portrait.common.profile.SegmentRules;
import org.portrait.schema.UserProfile;

/**
 * Map-only copy of the profiles into the stage's own output, each with its published segment id. The input key
 * (Parquet's, always null) is typed Object so that MRUnit, which cannot copy a null key, can feed a placeholder.
 */
public class SegmentAssignMapper extends Mapper<Object, UserProfile, Void, UserProfile> {
  private SegmentCentroids centroids;

  @Override
  protected void setup(Context ctx) throws IOException {
    centroids = SegmentCentroids.read(ctx.getConfiguration());
  }

  @Override
  protected void map(Object k, UserProfile p, Context ctx) throws IOException, InterruptedException {
    int s = centroids.segment(p);
    p.setSegmentId(s);
    if (s == SegmentRules.OTHER) {
      ctx.getCounter(UserSegmentCounters.USERS_IN_OTHER).increment(1);
    }
    ctx.getCounter(UserSegmentCounters.PROFILES_OUT).increment(1);
    writeProfile(p, ctx);
  }

  /** Parquet's output key is always null (tests override this: MRUnit cannot copy a null key either). */
  protected void writeProfile(UserProfile p, Context ctx) throws IOException, InterruptedException {
    ctx.write(null, p);
  }
}
