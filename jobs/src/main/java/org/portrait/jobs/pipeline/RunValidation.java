package org.portrait.jobs.pipeline;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsAction;
import org.portrait.common.config.UserError;

/** The checks a run makes before any work: a real dt, a usable work root, inputs that exist. One line each. */
final class RunValidation {
  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
      .withResolverStyle(ResolverStyle.STRICT);

  private RunValidation() {}

  /** {@code dt} when it is a real calendar date written yyyy-MM-dd, else a UserError. */
  static String dt(String dt) {
    try {
      return LocalDate.parse(dt, ISO).format(ISO);
    } catch (DateTimeParseException e) {
      throw new UserError("--dt " + dt + ": not a date (yyyy-MM-dd, e.g. 2026-12-02)");
    }
  }

  /** The work root exists or can be created, is a folder, and this user can write it. */
  static void workRoot(Configuration conf, Path root) throws IOException {
    FileSystem fs;
    try {
      fs = root.getFileSystem(conf);
      fs.makeQualified(root);
    } catch (IllegalArgumentException | IOException e) {
      throw new UserError("--work " + root + ": unusable file system (" + e.getMessage() + ")");
    }
    Path existing = root;
    while (existing != null && !fs.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      throw new UserError("--work " + root + ": no such file system root");
    }
    FileStatus s = fs.getFileStatus(existing);
    if (!s.isDirectory()) {
      throw new UserError("--work " + root + ": " + existing + " is a file, not a folder");
    }
    try {
      fs.access(existing, FsAction.WRITE);
    } catch (org.apache.hadoop.security.AccessControlException e) {
      throw new UserError("--work " + root + ": " + existing + " is not writable by this user");
    }
  }

  /** An input the run reads: present and, when a folder, not empty. */
  static void input(Configuration conf, String option, String path, boolean folder) throws IOException {
    if (path == null) {
      return;
    }
    Path p = new Path(path);
    FileSystem fs = p.getFileSystem(conf);
    if (!fs.exists(p)) {
      throw new UserError("--" + option + " " + path + ": not found");
    }
    FileStatus s = fs.getFileStatus(p);
    if (folder && !s.isDirectory()) {
      throw new UserError("--" + option + " " + path + ": expected a folder");
    }
    if (!folder && s.isDirectory() && !option.equals("input")) {
      throw new UserError("--" + option + " " + path + ": expected a file, found a folder");
    }
    if (s.isDirectory() && fs.listStatus(p, q -> !q.getName().startsWith(".") && !q.getName().startsWith("_"))
        .length == 0) {
      throw new UserError("--" + option + " " + path + ": empty folder");
    }
  }
}
