package org.portrait.jobs.vocab;

/** Counters of the vocab job (written to {@code _counters.json} of its output). */
public enum VocabCounters {
  /** TokenizedReview records read. */
  REVIEWS_IN,
  /** Reviews counted (all, or only the configured split); the N of document frequencies. */
  REVIEWS_COUNTED,
  /** Reviews left out because of their split. */
  REVIEWS_OTHER_SPLIT,
  /** Counted reviews without tokens (including a null token list). */
  EMPTY_REVIEWS,
  /** Token occurrences counted. */
  TOKENS_IN,
  /** Blank tokens, or tokens containing a tab/newline (would break vocab.tsv), skipped. */
  BAD_TOKENS,
  /** Distinct words seen (reducer groups). */
  DISTINCT_WORDS,
  /** Distinct words dropped by min-count. */
  WORDS_BELOW_MIN_COUNT,
  /** Words passing min-count (before max-vocab). */
  WORDS_ABOVE_MIN_COUNT,
  /** Words dropped by max-vocab (set by the driver). */
  WORDS_CUT_BY_MAX_VOCAB,
  /** Final vocabulary size (set by the driver). */
  VOCAB_SIZE
}
