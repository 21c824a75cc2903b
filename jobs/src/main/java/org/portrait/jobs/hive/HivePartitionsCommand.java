package org.portrait.jobs.hive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.portrait.common.config.UserError;
import org.portrait.common.layout.PortraitLayout;
import org.portrait.jobs.ActionOutput;
import org.portrait.jobs.CliArgs;
import org.portrait.jobs.PortraitTool;
import org.portrait.jobs.pipeline.PipelineLayout;

/**
 * {@code hive-partitions --work ROOT --dt D [--database DB] [--output FILE]}: the HiveQL that registers the dt's
 * published partitions, one {@code ALTER TABLE ... ADD IF NOT EXISTS PARTITION} per table that has a
 * {@code dt=D} folder in the warehouse. Idempotent, so a rerun of the day (or of this action) is harmless, and
 * cheaper than {@code MSCK REPAIR}, which lists every partition of every table. The last action of the daily
 * workflow; a hive2 action or the site's metastore job runs the file.
 */
public class HivePartitionsCommand extends PortraitTool {

  /** The statements for {@code dt}, in the layout's table order; a UserError when nothing is published. */
  public static List<String> statements(Configuration conf, Path root, String dt, String database)
      throws IOException {
    try {
      if (!java.time.LocalDate.parse(dt).toString().equals(dt)) {
        throw new java.time.format.DateTimeParseException("not yyyy-MM-dd", dt, 0);
      }
    } catch (java.time.format.DateTimeParseException e) {
      throw new UserError("--dt " + dt + ": not a date (yyyy-MM-dd)");
    }
    if (!database.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new UserError("--database " + database + ": not a Hive database name");
    }
    PipelineLayout layout = new PipelineLayout(root, null, null, null, null, dt);
    FileSystem fs = root.getFileSystem(conf);
    List<String> out = new ArrayList<>();
    for (String table : PortraitLayout.tables()) {
      Path partition = layout.partition(table);
      if (fs.isDirectory(partition)) {
        out.add("ALTER TABLE `" + database + "`.`" + table + "` ADD IF NOT EXISTS PARTITION (dt='" + dt
            + "') LOCATION '" + fs.makeQualified(partition) + "';");
      }
    }
    if (out.isEmpty()) {
      throw new UserError("no table has a published partition dt=" + dt + " under "
          + layout.areaPath(PortraitLayout.WAREHOUSE));
    }
    return out;
  }

  @Override
  public String command() {
    return "hive-partitions";
  }

  @Override
  public String usage() {
    return String.join("\n",
        "portrait hive-partitions --work ROOT --dt yyyy-MM-dd [--database DB] [--output FILE]",
        "  Prints (and with --output writes, on any Hadoop file system) one ALTER TABLE ... ADD IF NOT EXISTS",
        "  PARTITION statement per table published for the dt under ROOT's warehouse (database default: default).",
        "  Exits 2 when no table has a partition for the dt.");
  }

  @Override
  protected List<String> options() {
    return List.of("work", "dt", "database", "output");
  }

  @Override
  protected int run(CliArgs args) throws Exception {
    Configuration conf = getConf();
    List<String> sql = statements(conf, new Path(args.require("work")), args.require("dt"),
        args.get("database", "default"));
    String text = String.join("\n", sql) + "\n";
    System.out.print(text);
    if (args.has("output")) {
      Path file = new Path(args.require("output"));
      try (OutputStream os = file.getFileSystem(conf).create(file, true)) {
        os.write(text.getBytes(StandardCharsets.UTF_8));
      }
      ActionOutput.put("file", file.toString());
    }
    ActionOutput.put("statements", Integer.toString(sql.size()));
    return 0;
  }
}
