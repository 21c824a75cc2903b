package org.portrait.jobs.pipeline;

import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.portrait.jobs.CliArgs;
import org.portrait.jobs.PortraitTool;

/**
 * {@code publish --work ROOT --dt DT}: the last step of a run (the Oozie workflow's last action; the local
 * pipeline calls the same code). Copies each table of the run's stage outputs into its {@code dt=} partition
 * under the warehouse, replacing an earlier run of that dt, and the metrics report into the reports area.
 */
public class PublishCommand extends PortraitTool {

  @Override
  public String command() {
    return "publish";
  }

  @Override
  public String usage() {
    return String.join("\n",
        "portrait publish --work ROOT --dt yyyy-MM-dd",
        "  Publishes the tables of run dt from ROOT/staging/dt=<dt>/ to ROOT/warehouse/<table>/dt=<dt>/ and the",
        "  metrics report to ROOT/reports/dt=<dt>/. Each partition is replaced atomically; run",
        "  `MSCK REPAIR TABLE <table>` (or ALTER TABLE ... ADD PARTITION) in Hive afterwards.");
  }

  @Override
  protected List<String> options() {
    return List.of("work", "dt");
  }

  @Override
  protected int run(CliArgs args) throws Exception {
    PipelineLayout layout = new PipelineLayout(new Path(args.require("work")), null, null, null, null,
        args.require("dt"));
    for (Map.Entry<String, String> t : PipelineDriver.publish(getConf(), layout).entrySet()) {
      System.out.println("published " + t.getKey() + " " + t.getValue());
    }
    return 0;
  }
}
