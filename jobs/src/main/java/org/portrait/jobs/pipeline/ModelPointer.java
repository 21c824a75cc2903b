package org.portrait.jobs.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Reads models/current (placeholder until the registry lands). */
final class ModelPointer {
  private ModelPointer() {}

  static String current(Configuration conf, Path models) throws IOException {
    Path p = new Path(models, "current");
    FileSystem fs = p.getFileSystem(conf);
    if (!fs.exists(p)) {
      return null;
    }
    return new String(fs.open(p).readAllBytes(), StandardCharsets.UTF_8).trim();
  }
}
