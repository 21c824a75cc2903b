package org.portrait.jobs.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.portrait.common.config.UserError;
import org.portrait.common.io.FaultInjector;
import org.portrait.common.io.PartitionSetSwap;
import org.portrait.common.layout.PortraitLayout;

/**
 * Publishes one run: the tables whose stages the run's manifest lists become the {@code dt=} partitions, the
 * metrics folder becomes the report, all together ({@link PartitionSetSwap}); a table or report whose stage the
 * run did not complete is removed from the dt rather than left over from an earlier run. Every path it moves or
 * deletes is checked to lie inside the warehouse or the reports area of the run's root.
 */
public final class Publisher {
  /** Tables the run publishes: table name → stage and folder inside the stage output. */
  static final Map<String, String> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put("review_reject", "ingest/rejects");
    TABLES.put("word_vector", "glove-train/word_vector");
    TABLES.put("user_profile", "segments/user_profile");
    TABLES.put("user_segment", "segments/user_segment");
    TABLES.put("profile_metrics", "metrics/profile_metrics");
  }

  /** Name of the report entry in what {@link #publish} returns. */
  static final String REPORT = "metrics report";

  private Publisher() {}

  /** Where the swap keeps its journal for a dt: inside the warehouse, so every delete stays there. */
  static Path journal(PipelineLayout layout) {
    return new Path(new Path(layout.root(), PortraitLayout.path(PortraitLayout.WAREHOUSE)), "_publish/dt=" + layout.dt());
  }

  /** Finishes or drops a publish of this dt that was interrupted (call under the run lock). */
  static void recover(Configuration conf, PipelineLayout layout) throws IOException {
    PartitionSetSwap.recover(conf, journal(layout), FaultInjector.NONE);
  }

  /** Publishes the run of {@code manifest}; returns what was published (name → location). */
  static Map<String, String> publish(Configuration conf, PipelineLayout layout, RunManifest manifest,
      FaultInjector faults) throws IOException {
    FileSystem fs = layout.root().getFileSystem(conf);
    List<String> ran = manifest.stages();
    List<PartitionSetSwap.Entry> entries = new ArrayList<>();
    Map<String, String> published = new LinkedHashMap<>();
    for (Map.Entry<String, String> t : TABLES.entrySet()) {
      String[] stageAndFolder = t.getValue().split("/", 2);
      Path source = new Path(layout.stage(stageAndFolder[0]), stageAndFolder[1]);
      Path target = inside(conf, layout, PortraitLayout.WAREHOUSE, layout.partition(t.getKey()));
      boolean produced = ran.contains(stageAndFolder[0]) && fs.exists(source);
      entries.add(new PartitionSetSwap.Entry(t.getKey(), produced ? source : null, target));
      if (produced) {
        published.put(t.getKey(), fs.makeQualified(target).toString());
      }
    }
    Path report = inside(conf, layout, PortraitLayout.REPORTS, layout.reports());
    boolean hasReport = ran.contains("metrics") && fs.exists(layout.stage("metrics"));
    entries.add(new PartitionSetSwap.Entry("report", hasReport ? layout.stage("metrics") : null, report));
    if (hasReport) {
      published.put(REPORT, fs.makeQualified(new Path(report, "report.html")).toString());
    }
    if (published.isEmpty()) {
      throw new UserError("run " + manifest.runId() + " produced no table to publish for dt=" + layout.dt());
    }
    PartitionSetSwap.swap(conf, inside(conf, layout, PortraitLayout.WAREHOUSE, journal(layout)), entries, faults);
    return published;
  }

  /** {@code p} itself, after checking that it lies strictly inside {@code area} of the run's root. */
  static Path inside(Configuration conf, PipelineLayout layout, String area, Path p) throws IOException {
    FileSystem fs = layout.root().getFileSystem(conf);
    String base = fs.makeQualified(new Path(layout.root(), PortraitLayout.path(area))).toUri().normalize().getPath();
    String path = fs.makeQualified(p).toUri().normalize().getPath();
    if (!path.startsWith(base + "/") || path.contains("/../")) {
      throw new UserError("refusing to write " + path + ": outside " + base);
    }
    return p;
  }
}
