package org.portrait.jobs.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.portrait.common.config.UserError;
import org.portrait.common.io.FaultInjector;
import org.portrait.common.run.RunLock;
import org.portrait.jobs.CliArgs;
import org.portrait.jobs.Jobs;
import org.portrait.jobs.PortraitTool;

/**
 * {@code publish --work ROOT --dt DT}: the last step of a run (the Oozie workflow's last action; the local
 * pipeline calls the same code). Under the run lock, installs the tables of the run's manifest as the dt's
 * partitions, all together, and the metrics report. {@code --stages} names the stages the run completed when no
 * pipeline wrote a manifest (the Oozie workflow): the manifest is then made from those stages' outputs.
 */
public class PublishCommand extends PortraitTool {

  @Override
  public String command() {
    return "publish";
  }

  @Override
  public String usage() {
    return String.join("\n",
        "portrait publish --work ROOT --dt yyyy-MM-dd [--stages ingest,segment,...] [--break-lock]",
        "  Publishes the tables of run dt from ROOT/staging/dt=<dt>/ to ROOT/warehouse/<table>/dt=<dt>/ and the",
        "  metrics report to ROOT/reports/dt=<dt>/, all together: a kill at any moment leaves the complete old set",
        "  or the complete new set (the next run or publish of the dt finishes or drops an interrupted one).",
        "  Only the tables of stages the run completed are published (ROOT/runs/dt=<dt>/manifest.json, or",
        "  --stages); a table whose stage did not run is removed from the dt, never republished from an older run.",
        "  Register the partitions in Hive afterwards (ALTER TABLE ... ADD IF NOT EXISTS PARTITION).");
  }

  @Override
  protected List<String> options() {
    return List.of("work", "dt", "stages");
  }

  @Override
  protected List<String> flags() {
    return List.of("break-lock");
  }

  @Override
  protected int run(CliArgs args) throws Exception {
    PipelineLayout layout = new PipelineLayout(new Path(args.require("work")), null, null, null, null,
        RunValidation.dt(args.require("dt")));
    Configuration conf = getConf();
    RunValidation.workRoot(conf, layout.root());
    Duration maxAge = PipelineDriver.lockMaxAge(conf);
    try (RunLock lock = RunLock.acquire(conf, layout.lockFile(), "publish " + layout.dt(), maxAge,
        args.has("break-lock"))) {
      Publisher.recover(conf, layout);
      RunManifest manifest = args.has("stages") ? fromStages(conf, layout, args.get("stages", ""))
          : existing(conf, layout);
      for (Map.Entry<String, String> t : Publisher.publish(conf, layout, manifest, FaultInjector.NONE).entrySet()) {
        System.out.println("published " + t.getKey() + " " + t.getValue());
      }
    }
    return 0;
  }

  private static RunManifest existing(Configuration conf, PipelineLayout layout) throws java.io.IOException {
    if (!layout.root().getFileSystem(conf).exists(layout.manifestFile())) {
      throw new UserError("no run manifest " + layout.manifestFile() + ": run the pipeline for dt=" + layout.dt()
          + " first, or name the stages that ran with --stages");
    }
    return RunManifest.read(conf, layout.manifestFile());
  }

  private static RunManifest fromStages(Configuration conf, PipelineLayout layout, String list)
      throws java.io.IOException {
    RunManifest m = RunManifest.create(conf, layout, Map.of("stages", list));
    FileSystem fs = layout.root().getFileSystem(conf);
    List<String> known = PipelineDriver.stages().stream().map(PipelineStage::name).toList();
    for (String name : list.split(",")) {
      String stage = name.trim();
      if (stage.isEmpty()) {
        continue;
      }
      if (!known.contains(stage)) {
        throw new UserError("--stages: no stage named " + stage + " (stages: " + String.join(" ", known) + ")");
      }
      Path out = layout.stage(stage);
      if (!fs.exists(out)) {
        throw new UserError("--stages: stage " + stage + " has no committed output in " + out);
      }
      m.addStage(stage, out, Jobs.readCounters(conf, out));
    }
    m.write(conf, layout.manifestFile());
    return m;
  }
}
