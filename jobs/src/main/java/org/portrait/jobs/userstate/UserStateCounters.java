package org.portrait.jobs.userstate;

/**
 * Counters of the user-state job. Every input record is accounted for: {@code REVIEWS_IN = REVIEWS_TODAY +
 * REVIEWS_FROM_HISTORY + REVIEWS_REPEATED + REVIEWS_DEFERRED + REVIEWS_NO_USER + REVIEWS_FUTURE},
 * {@code STATES_IN = STATES_CARRIED + STATES_DEFERRED} and {@code USERS = STATES_CARRIED + USERS_NEW +
 * USERS_REPLACED}. The {@code REPLACE_*}, {@code USERS_REPLACED} and {@code STATE_REBUILDS} counters are set by the
 * driver from its replace pass (the users who were sent a review id again, rebuilt from the retained history);
 * the pass's profiles, predictions and day tokens are added to {@code USERS}, {@code PREDICTIONS_OUT}, the
 * {@code USERS_*} and the {@code *_OF_DAY} counters.
 */
public enum UserStateCounters {
  REVIEWS_IN,
  /** Reviews read from the as-of day's files (what today's segment stage wrote). */
  REVIEWS_IN_OF_DAY,
  /** Reviews of the as-of day (each gets a review prediction). */
  REVIEWS_TODAY,
  /** Reviews of earlier days merged while rebuilding the state from the segmented history. */
  REVIEWS_FROM_HISTORY,
  /**
   * Copies of a review id the user already had: never counted twice. Rebuilding from history, the older copies
   * (the newest counts); merging into a state without a replace history, the new copy (the earlier one stays).
   */
  REVIEWS_REPEATED,
  /**
   * Reviews of users who were sent a review id their state already had: not merged; the replace pass rebuilds
   * these users from the retained history, where the newest copy of the review replaces the earlier one.
   */
  REVIEWS_DEFERRED,
  /** State rows of those users (one per user sent to the replace pass). */
  STATES_DEFERRED,
  /** In the replace pass: reviews of other users, skipped. */
  REVIEWS_NOT_REPLACED,
  /** Users rebuilt by the replace pass (equals STATES_DEFERRED). */
  USERS_REPLACED,
  /** Reviews the replace pass read, and the older copies of a review id it replaced by the newest. */
  REPLACE_REVIEWS_IN,
  REPLACE_REVIEWS_REPLACED,
  /** 1 when more users than portrait.state.max-replaced-users needed replacing and the whole state was rebuilt. */
  STATE_REBUILDS,
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
