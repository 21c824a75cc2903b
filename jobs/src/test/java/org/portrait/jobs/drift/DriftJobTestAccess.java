package org.portrait.jobs.drift;

import org.portrait.schema.UserProfile;

/** Lets other packages' tests build profiles the way the drift tests do. */
public final class DriftJobTestAccess {
  private DriftJobTestAccess() {}

  public static UserProfile profile(String user, String interest, String label, Integer segment, float... v) {
    return DriftJobTest.profile(user, interest, label, segment, v);
  }
}
