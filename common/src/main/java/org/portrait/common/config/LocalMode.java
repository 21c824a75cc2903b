package org.portrait.common.config;

import java.io.File;
import org.apache.hadoop.conf.Configuration;

/**
 * Settings for Hadoop's local job runner on the local file system (the embedded default). Temporary and
 * staging folders go under the run's work folder, not Hadoop's shared /tmp defaults, so parallel runs and
 * tests do not trip over each other.
 */
public final class LocalMode {
  private LocalMode() {}

  /** True when the configuration selects the local job runner. */
  public static boolean isLocal(Configuration conf) {
    return "local".equals(conf.get("mapreduce.framework.name", "local"));
  }

  /** Configures {@code conf} for a local run whose scratch space lives under {@code workDir}. */
  public static Configuration configure(Configuration conf, File workDir) {
    File scratch = new File(workDir, ".hadoop").getAbsoluteFile();
    conf.set("mapreduce.framework.name", "local");
    conf.set("fs.defaultFS", "file:///");
    conf.set("hadoop.tmp.dir", new File(scratch, "tmp").getPath());
    conf.set("mapreduce.jobtracker.staging.root.dir", new File(scratch, "staging").getPath());
    conf.set("yarn.app.mapreduce.am.staging-dir", new File(scratch, "staging").getPath());
    conf.set("mapreduce.cluster.local.dir", new File(scratch, "local").getPath());
    // Two cores: let the local runner execute two map tasks (and reducers) at once.
    conf.setIfUnset("mapreduce.local.map.tasks.maximum", "2");
    conf.setIfUnset("mapreduce.local.reduce.tasks.maximum", "2");
    return conf;
  }
}
