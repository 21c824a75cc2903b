package org.portrait.jobs.userstate;

/**
 * Counters of the user-state job. Every input record is accounted for: {@code REVIEWS_IN = REVIEWS_TODAY +
 * REVIEWS_FROM_HISTORY + REVIEWS_REPEATED + REVIEWS_NO_USER + REVIEWS_FUTURE}, {@code STATES_IN =
 * STATES_CARRIED} and {@code USERS = STATES_CARRIED + USERS_NEW}.
 */
public enum UserStateCounters {
  REVIEWS_IN,
  /** Reviews read from the as-of day's files (what today's segment stage wrote). */
  REVIEWS_IN_OF_DAY,
  /** Reviews of the as-of day (each gets a review prediction). */
  REVIEWS_TODAY,
  /** Reviews of earlier days merged while rebuilding the state from the segmented history. */
  REVIEWS_FROM_HISTORY,
  /** Reviews whose id the user already had: never counted twice. */
  REVIEWS_REPEATED,
  /** Reviews without a user key: dropped (ingest never lets them through). */
  REVIEWS_NO_USER,
  /** Reviews of a day after the as-of day (a wrong history window): dropped. */
  REVIEWS_FUTURE,
  /** Reviews under a path without dt=: taken as the as-of day. */
  REVIEWS_UNDATED,
  STATES_IN,
  /** Users of the previous state, decayed and carried into today's. */
  STATES_CARRIED,
  /** Users with no previous state (first review today, or a rebuild). */
  USERS_NEW,
  /** Profiles written: one per user of the new state. */
  USERS,
  USERS_LOW_CONFIDENCE,
  USERS_NO_EVIDENCE,
  PREDICTIONS_OUT,
  /** Users with at least one top interest. */
  USERS_WITH_INTEREST,
  /** Tokens of the as-of day's counted reviews, and those of them in the model's vocabulary (the coverage gate). */
  TOKENS_OF_DAY,
  IN_VOCAB_TOKENS_OF_DAY
}
