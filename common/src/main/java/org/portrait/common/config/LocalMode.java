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

  /** True when jobs run in the local runner over the local file system (the embedded default). */
  public static boolean isEmbedded(Configuration conf) {
    return isLocal(conf) && conf.get("fs.defaultFS", "file:///").startsWith("file:");
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
    useAllCores(conf);
    return conf;
  }

  /**
   * Lets the local runner execute as many map (and reduce) tasks at once as there are cores (its default of
   * one task at a time would leave the second core of a 2-core machine idle), and notice a finished job fast.
   */
  public static Configuration useAllCores(Configuration conf) {
    String cores = Integer.toString(Runtime.getRuntime().availableProcessors());
    conf.setIfUnset("mapreduce.local.map.tasks.maximum", cores);
    conf.setIfUnset("mapreduce.local.reduce.tasks.maximum", cores);
    // The client polls a job's completion every 5 s by default: pure waiting for jobs that take seconds.
    conf.setIfUnset("mapreduce.client.completion.pollinterval", "100");
    return conf;
  }
}
