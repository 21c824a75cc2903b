package org.portrait.jobs.usersegment;

import java.io.IOException;
import org.apache.hadoop.mapreduce.Mapper;
import org.portrait.common.profile.SegmentRules;
import org.portrait.schema.UserProfile;

/** Map-only rewrite of the profiles: sets each profile's published segment id. */
public class SegmentAssignMapper extends Mapper<Void, UserProfile, Void, UserProfile> {
  private SegmentCentroids centroids;

  @Override
  protected void setup(Context ctx) throws IOException {
    centroids = SegmentCentroids.read(ctx.getConfiguration());
  }

  @Override
  protected void map(Void k, UserProfile p, Context ctx) throws IOException, InterruptedException {
    int s = centroids.segment(p);
    p.setSegmentId(s);
    if (s == SegmentRules.OTHER) {
      ctx.getCounter(UserSegmentCounters.USERS_IN_OTHER).increment(1);
    }
    ctx.getCounter(UserSegmentCounters.PROFILES_REWRITTEN).increment(1);
    ctx.write(null, p);
  }
}
