package org.portrait.jobs.ingest;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.portrait.common.layout.PortraitLayout;

/** The move of raw rejects into the quarantine. */
final class IngestGuards {
  /** Permission of the quarantine folder: the layout's mode of the quarantine area (700). */
  static final FsPermission QUARANTINE_DIR_MODE = new FsPermission(PortraitLayout.mode(PortraitLayout.QUARANTINE));

  private IngestGuards() {}

  /**
   * Replaces {@code quarantine} by a folder (mode 700) holding the files of {@code staged} (mode 600), then
   * deletes {@code staged}. Both must be on the same file system (files are renamed, never copied).
   */
  static void publishQuarantine(Configuration conf, Path staged, Path quarantine) throws IOException {
    FileSystem fs = quarantine.getFileSystem(conf);
    if (fs.exists(quarantine) && !fs.delete(quarantine, true)) {
      throw new IOException("cannot replace quarantine folder " + quarantine);
    }
    fs.mkdirs(quarantine, QUARANTINE_DIR_MODE);
    fs.setPermission(quarantine, QUARANTINE_DIR_MODE); // mkdirs applies the umask
    if (!fs.exists(staged)) {
      return; // no reject
    }
    for (FileStatus st : fs.listStatus(staged)) {
      String name = st.getPath().getName();
      if (name.startsWith(".")) {
        continue; // checksum files of the local file system move with their data file
      }
      Path dest = new Path(quarantine, name);
      if (!fs.rename(st.getPath(), dest)) {
        throw new IOException("cannot move " + st.getPath() + " to " + dest);
      }
      fs.setPermission(dest, QuarantineOutputFormat.FILE_MODE);
    }
    fs.delete(staged, true);
  }
}
