package org.portrait.jobs.pipeline;

import org.apache.hadoop.fs.Path;
import org.portrait.common.layout.PortraitLayout;

/**
 * Where one pipeline run (one {@code dt}) keeps its stage outputs and publishes its tables, derived from the
 * HDFS layout definition: stage outputs under {@code <root>/staging/dt=<dt>/<stage>}, tables published, only
 * after every stage has succeeded, to {@code <root>/warehouse/<table>/dt=<dt>}, so Hive never sees a
 * half-written partition. In local mode the root is the work folder. {@code truth} (truth.csv of synthetic
 * users), {@code evalDir} (word-embedding test sets) and {@code thresholds} (metric floors) are optional:
 * null when absent.
 */
public record PipelineLayout(Path root, String input, String truth, String evalDir, String thresholds,
    String dt) {

  private Path area(String area) {
    return new Path(root, PortraitLayout.path(area));
  }

  private Path runFolder(String area) {
    return new Path(area(area), "dt=" + dt);
  }

  /** Output folder of one stage of this run. */
  public Path stage(String name) {
    return new Path(runFolder(PortraitLayout.STAGING), name);
  }

  /** The {@code dt=} partition folder of a table. */
  public Path partition(String table) {
    return new Path(new Path(root, PortraitLayout.tablePath(table)), "dt=" + dt);
  }

  /** The run lock of this root and dt. */
  public Path lockFile() {
    return new Path(runFolder(PortraitLayout.RUNS), "lock.json");
  }

  /** The manifest of the last run of this dt. */
  public Path manifestFile() {
    return new Path(runFolder(PortraitLayout.RUNS), RunManifest.FILE);
  }

  /** Checkpoints of a stage of this run (kept across failed attempts, for --resume). */
  public Path checkpoints(String stage) {
    return new Path(runFolder(PortraitLayout.CHECKPOINTS), stage);
  }

  /** Raw lines of the records ingest rejected (may hold PII): restricted, never a table. */
  public Path quarantine() {
    return runFolder(PortraitLayout.QUARANTINE);
  }

  /** The user state output of this run's day. */
  public Path state() {
    return runFolder(PortraitLayout.STATE);
  }

  /** The user state output of another day. */
  public Path state(String otherDt) {
    return new Path(area(PortraitLayout.STATE), "dt=" + otherDt);
  }

  /** Output folder of a stage of another day's run. */
  public Path stage(String otherDt, String name) {
    return new Path(new Path(area(PortraitLayout.STAGING), "dt=" + otherDt), name);
  }

  /** An area of the layout under this root. */
  public Path areaPath(String area) {
    return area(area);
  }

  /** Metrics report folder of this run. */
  public Path reports() {
    return runFolder(PortraitLayout.REPORTS);
  }
}
