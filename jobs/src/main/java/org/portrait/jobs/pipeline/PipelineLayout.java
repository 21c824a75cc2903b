package org.portrait.jobs.pipeline;

import org.apache.hadoop.fs.Path;

/**
 * Where one pipeline run keeps its stage outputs and publishes its tables. Stage outputs live under
 * {@code <work>/stages/<stage>}; tables are published, only after every stage has succeeded, to
 * {@code <work>/warehouse/<table>/dt=<dt>}, so Hive never sees a half-written partition.
 */
public record PipelineLayout(Path work, String input, String truth, String dt) {

  public Path stage(String name) {
    return new Path(new Path(work, "stages"), name);
  }

  public Path warehouse() {
    return new Path(work, "warehouse");
  }

  /** The {@code dt=} partition folder of a table. */
  public Path partition(String table) {
    return new Path(new Path(warehouse(), table), "dt=" + dt);
  }

  public Path logs() {
    return new Path(work, "logs");
  }
}
