package org.portrait.jobs.profile;

/** Counters of the profile job (and its SIF component pass). */
public enum ProfileCounters {
  REVIEWS_IN,
  /** Reviews without a user key: counted and dropped (ingest should never let them through). */
  REVIEWS_NO_USER,
  REVIEWS_EMPTY_TOKENS,
  USERS,
  USERS_LOW_CONFIDENCE,
  USERS_NO_EVIDENCE,
  PREDICTIONS_OUT,
  /** Reviews whose id the user already had (in this input or their state): the first is counted, the repeat dropped. */
  REVIEWS_REPEATED,
  SIF_USERS
}
