package org.portrait.jobs.usersegment;

/** Counters of the segments stage. */
public enum UserSegmentCounters {
  PROFILES_IN,
  /** Profiles without a vector (no evidence): not clustered, published in segment -1. */
  PROFILES_NO_VECTOR,
  VECTORS_OUT,
  /** Profiles written to the stage's own user_profile/ with their segment id (= PROFILES_IN). */
  PROFILES_OUT,
  USERS_IN_OTHER,
  SEGMENTS_PUBLISHED,
  SEGMENTS_MERGED,
  /** Per-cluster stats values that could not be read (never written by the stage's own mapper). */
  STATS_VALUES_SKIPPED,
  /** 1 when segment -1 has fewer users than the k-anonymity size: published with its size only. */
  OTHER_SUPPRESSED,
  /** 1 when segment -1 is published without centroid (suppressed, or too few of its users have a vector). */
  OTHER_CENTROID_WITHHELD,
  /** Clusters that kept the id of one of yesterday's (--previous); 0 without it. */
  SEGMENTS_MATCHED,
  /** Clusters with a fresh id: all of them without --previous, those left unmatched with it. */
  SEGMENTS_NEW
}
