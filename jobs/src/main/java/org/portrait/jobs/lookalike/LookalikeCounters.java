package org.portrait.jobs.lookalike;

/** Counters of the lookalike command (its centroid job and its top-N job). */
public enum LookalikeCounters {
  /** Profiles read by the top-N job. */
  PROFILES,
  /** Profiles without a user key, or with a missing, all-zero or non-finite vector, or of another dimension. */
  BAD_PROFILES,
  /** Seeds found in the profiles (centroid job); seeds skipped by the top-N job. */
  SEEDS_FOUND,
  SEEDS_EXCLUDED,
  /** Profiles left out by --interest or --sentiment. */
  FILTERED,
  /** Profiles scored against the centroid. */
  CANDIDATES,
  /** Candidate lines the reducer could not read (never from this job's own mappers). */
  BAD_CANDIDATES,
  /** Rows of the audience written. */
  AUDIENCE
}
