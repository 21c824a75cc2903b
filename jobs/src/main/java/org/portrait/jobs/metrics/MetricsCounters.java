package org.portrait.jobs.metrics;

/** Counters of the metrics job: what was read, joined and scored, and every record that was not. */
public enum MetricsCounters {
  /** Profiles read. */
  PROFILES,
  /** Truth rows read (train and test). */
  TRUTH_ROWS,
  /** Truth lines that could not be parsed (skipped, logged). */
  TRUTH_BAD,
  /** Review predictions of test users read. */
  PREDICTIONS_TEST,
  /** Review predictions of train users (not scored). */
  PREDICTIONS_TRAIN_SKIPPED,
  /** Tokenized reviews of test users (for the TF-IDF baseline). */
  TOKENIZED_TEST,
  /** Tokenized reviews of train users (used by the driver for the centroids, not here). */
  TOKENIZED_TRAIN_SKIPPED,
  /** Records of an unknown type, or without a user key. */
  BAD_RECORDS,
  /** Users whose truth row says train (not scored). */
  TRAIN_USERS,
  /** Test users scored. */
  TEST_USERS,
  /**
   * Users the truth file marks test whose reviews are of the train split (the classifiers learned their labels):
   * not scored, and the driver refuses the truth file.
   */
  TEST_USERS_TRAINED_ON,
  /** Test users with no profile: scored as an empty prediction, so a missing profile costs recall. */
  TRUTH_WITHOUT_PROFILE,
  /** Profiles whose user has no truth row (not scored). */
  PROFILE_WITHOUT_TRUTH,
  /** Review predictions whose user has no truth row (not scored). */
  PREDICTIONS_WITHOUT_TRUTH,
  /** Users with more than one truth row or profile (the first is used). */
  DUPLICATE_USER_RECORDS,
  /** Reviews of test users scored for sentiment. */
  REVIEWS_SCORED,
  /** Reviews of test users without a gold label (not scored). */
  REVIEWS_NO_LABEL
}
