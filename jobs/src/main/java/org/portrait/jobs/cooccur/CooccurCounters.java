package org.portrait.jobs.cooccur;

/** Counters of the cooccur job. */
public enum CooccurCounters {
  /** Reviews read. */
  REVIEWS,
  /** Reviews without tokens (nothing to count). */
  EMPTY_REVIEWS,
  /** Tokens read. */
  TOKENS,
  /** Tokens dropped because they are not in the vocabulary (as the reference does). */
  TOKENS_OOV,
  /** Pair increments counted (each pair twice, symmetric). */
  PAIRS,
  /** Entries the mappers emitted after in-mapper combining. */
  MAP_ENTRIES_EMITTED,
  /** Times an in-mapper map was flushed because it was full (the final flush not included). */
  FLUSHES,
  /** Distinct (i, j) entries written by the reducers: the non-zeros of the co-occurrence matrix. */
  ENTRIES_OUT
}
