package org.portrait.jobs.models;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.portrait.common.config.UserError;
import org.portrait.common.gates.GateThresholds;

/** The gate thresholds a command applies: the bundled defaults, overridden by the site file {@link GateThresholds#FILE}. */
public final class GateFiles {
  private GateFiles() {}

  /**
   * The defaults with the entries of the file named by {@link GateThresholds#FILE} (any Hadoop file system)
   * applied; a missing file or a bad line is a one-line UserError.
   */
  public static GateThresholds thresholds(Configuration conf) throws IOException {
    String file = conf.getTrimmed(GateThresholds.FILE, "");
    if (file.isEmpty()) {
      return GateThresholds.defaults();
    }
    Path p = new Path(file);
    FileSystem fs = p.getFileSystem(conf);
    if (!fs.exists(p) || fs.getFileStatus(p).isDirectory()) {
      throw new UserError(GateThresholds.FILE + "=" + file + ": no such file");
    }
    try (Reader in = new InputStreamReader(fs.open(p), StandardCharsets.UTF_8)) {
      return GateThresholds.defaults().withOverrides(file, in);
    }
  }
}
