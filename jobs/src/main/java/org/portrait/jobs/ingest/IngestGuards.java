package org.portrait.jobs.ingest;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.portrait.common.config.UserError;
import org.portrait.common.ingest.RejectReason;
import org.portrait.common.layout.PortraitLayout;
import org.portrait.common.privacy.PseudonymKey;

/** The checks of an ingest run that are user errors, and the move of raw rejects into the quarantine. */
final class IngestGuards {
  /** Permission of the quarantine folder: the layout's mode of the quarantine area (700). */
  static final FsPermission QUARANTINE_DIR_MODE = new FsPermission(PortraitLayout.mode(PortraitLayout.QUARANTINE));

  private IngestGuards() {}

  /**
   * The public development key makes pseudonyms reversible by anyone (hash candidate ids with it), so it is
   * refused when the output is on a cluster file system (anything but {@code file:}) unless explicitly allowed.
   */
  static void requireUsableKey(Configuration conf, PseudonymKey key, Path output) {
    String scheme = output.toUri().getScheme();
    if (scheme == null) {
      scheme = FileSystem.getDefaultUri(conf).getScheme();
    }
    if (!key.isDevelopmentKey() || scheme == null || scheme.equals("file")
        || conf.getBoolean(IngestDriver.ALLOW_DEVELOPMENT_KEY, false)) {
      return;
    }
    throw new UserError("ingest refuses the public development pseudonym key for output on " + scheme + ": put"
        + " the HMAC key in a Hadoop credential provider under the alias " + PseudonymKey.KEY
        + " (-D hadoop.security.credential.provider.path=jceks://hdfs/...) or set -D " + PseudonymKey.KEY
        + "=...; only for test data, -D " + IngestDriver.ALLOW_DEVELOPMENT_KEY + "=true");
  }

  /** The error of a run that accepted no record (an empty input included), with what to check. */
  static UserError nothingAccepted(Configuration conf, List<Path> inputs, long read, Map<RejectReason, Long> byReason) {
    StringJoiner reasons = new StringJoiner(", ");
    long rejected = 0;
    for (Map.Entry<RejectReason, Long> e : byReason.entrySet()) {
      if (e.getValue() > 0) {
        reasons.add(e.getKey() + " " + e.getValue());
        rejected += e.getValue();
      }
    }
    ReviewParser.Columns c = IngestDriver.columns(conf);
    String p = IngestDriver.COLUMN_PREFIX;
    return new UserError("ingest accepted no record from " + inputs + " (read " + read + ", rejected " + rejected
        + (rejected > 0 ? ": " + reasons : "") + "); check the format " + IngestDriver.FORMAT + "="
        + conf.get(IngestDriver.FORMAT, IngestDriver.DEFAULT_FORMAT) + " (auto: by extension .csv .tsv .jsonl"
        + " .avro, also .gz) and the column mapping " + p + "user_id=" + c.userId + ", " + p + "text=" + c.text
        + ", " + p + "review_id=" + c.reviewId + ", " + p + "ts=" + c.ts + ", " + p + "label=" + c.label + ", "
        + p + "category=" + c.category);
  }

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
