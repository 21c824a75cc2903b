package org.portrait.jobs.profile;

import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.portrait.schema.UserProfile;

/** Lets tests of other packages read profile Parquet folders the way ProfileDriverTest does. */
public final class ProfileDriverTestAccess {
  private ProfileDriverTestAccess() {}

  public static List<UserProfile> readProfiles(Configuration conf, Path dir) throws Exception {
    return ProfileDriverTest.readProfiles(conf, dir);
  }
}
