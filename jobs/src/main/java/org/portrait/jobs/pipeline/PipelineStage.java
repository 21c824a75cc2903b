package org.portrait.jobs.pipeline;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One step of the pipeline: the command that runs it, how its arguments follow from the run's layout, and
 * which of its counters make the one-line progress summary. A stage whose {@code enabled} test fails for a
 * run (e.g. embedding-eval without test sets) is skipped with a note.
 */
record PipelineStage(String name, String command, Function<PipelineLayout, List<String>> arguments,
    Function<PipelineLayout, String> outputDir, List<String> headlineCounters,
    Predicate<PipelineLayout> enabled, String skippedBecause) {

  PipelineStage(String name, String command, Function<PipelineLayout, List<String>> arguments,
      Function<PipelineLayout, String> outputDir, List<String> headlineCounters) {
    this(name, command, arguments, outputDir, headlineCounters, l -> true, null);
  }
}
