package org.portrait.jobs.pipeline;

import java.util.List;
import java.util.function.Function;

/**
 * One step of the pipeline: the command that runs it, how its arguments follow from the run's layout, and
 * which of its counters make the one-line progress summary.
 */
record PipelineStage(String name, String command, Function<PipelineLayout, List<String>> arguments,
    Function<PipelineLayout, String> outputDir, List<String> headlineCounters) {
}
