package org.portrait.jobs.usersegment;

/** Counters of the segments stage. */
public enum UserSegmentCounters {
  PROFILES_IN,
  /** Profiles without a vector (no evidence): not clustered, published in segment -1. */
  PROFILES_NO_VECTOR,
  VECTORS_OUT,
  PROFILES_REWRITTEN,
  USERS_IN_OTHER,
  SEGMENTS_PUBLISHED,
  SEGMENTS_MERGED
}
