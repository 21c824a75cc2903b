package org.portrait.jobs.drift;

/** Counters of the drift job. */
public enum DriftCounters {
  /** Profiles read from --today / --yesterday (bad ones included). */
  PROFILES_TODAY,
  PROFILES_YESTERDAY,
  /** Profiles without a user key: skipped, counted in no figure. */
  BAD_PROFILES,
  /** Profiles with a missing, empty, all-zero or non-finite vector: counted, but in no cosine shift. */
  NO_VECTOR,
  /** Second and later profiles of one user on one day: ignored (the first one counts). */
  DUPLICATE_USERS,
  /** Distinct users of each day, and how they split: in both days, today only, yesterday only. */
  USERS_TODAY,
  USERS_YESTERDAY,
  USERS_RETURNING,
  USERS_NEW,
  USERS_GONE,
  /** Returning users whose cosine shift was measured (a vector of the same dimension on both days). */
  SHIFT_USERS,
  /** Returning users without such a pair of vectors. */
  SHIFT_SKIPPED,
  /** Returning users with a segment id on both days, and those of them whose id changed. */
  SEGMENT_COMPARED,
  SEGMENT_CHANGED,
  /** Returning users without a segment id on one of the days (not from a segments run). */
  SEGMENT_UNKNOWN
}
