package org.portrait.jobs;

import java.util.Map;
import org.apache.hadoop.fs.Path;

/** What a stage's typed entry point returns: the committed output folder and the stage's counters. */
public final class StageResult {
  public final Path output;
  public final Map<String, Long> counters;

  public StageResult(Path output, Map<String, Long> counters) {
    this.output = output;
    this.counters = counters;
  }
}
