package org.portrait.jobs.glove;

/** Counters of glove-train (per round job; the driver's _counters.json sums them over the run). */
public enum GloveCounters {
  /** Rounds completed in this run (resumed rounds not included). */
  ROUNDS,
  /** Entry updates applied (non-zeros x rounds, minus skipped ones). */
  UPDATES,
  /** Updates skipped because the entry's error was NaN or infinite (never written into the vectors). */
  NONFINITE_SKIPPED,
  /** Co-occurrence records dropped at load: id outside the vocabulary or weight not a positive number. */
  BAD_ENTRIES,
  /** Lines of the task list that were not a valid task number. */
  BAD_TASK_LINES,
  /** Warm start: words of this vocabulary whose rows (vectors, biases, AdaGrad sums) came from the earlier model. */
  WARM_WORDS_CARRIED,
  /** Warm start: words the earlier vocabulary lacked, initialised as in a cold start. */
  WARM_WORDS_NEW,
  /** Loss of the last completed round times 1e9 (counters are integers). */
  LOSS_E9
}
