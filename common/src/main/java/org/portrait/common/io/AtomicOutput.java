package org.portrait.common.io;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Output committed atomically: a job writes to a temporary sibling of its final path, and only a successful
 * job renames it into place. A rerun of the same partition therefore replaces, never duplicates, and a failed
 * run leaves the previous output untouched.
 */
public final class AtomicOutput {
  private final FileSystem fs;
  private final Path target;
  private final Path temp;

  private AtomicOutput(FileSystem fs, Path target, Path temp) {
    this.fs = fs;
    this.target = target;
    this.temp = temp;
  }

  /** Prepares a fresh temporary path next to {@code target} (deleting leftovers of a failed attempt). */
  public static AtomicOutput begin(Configuration conf, Path target) throws IOException {
    FileSystem fs = target.getFileSystem(conf);
    // A target given with a trailing slash (e.g. from File.toURI()) would otherwise have an empty name.
    String text = fs.makeQualified(target).toString();
    while (text.endsWith("/") && text.length() > 1 && !text.endsWith(":/") && !text.endsWith("//")) {
      text = text.substring(0, text.length() - 1);
    }
    Path qualified = new Path(text);
    Path temp = new Path(qualified.getParent(), "_tmp." + qualified.getName());
    if (fs.exists(temp)) {
      fs.delete(temp, true);
    }
    return new AtomicOutput(fs, qualified, temp);
  }

  /** Where the job writes. */
  public Path tempPath() {
    return temp;
  }

  /** The path the output will have once committed. */
  public Path target() {
    return target;
  }

  /** Replaces the target with the temporary output. */
  public void commit() throws IOException {
    if (!fs.exists(temp)) {
      throw new IOException("nothing to commit: " + temp + " does not exist");
    }
    if (fs.exists(target) && !fs.delete(target, true)) {
      throw new IOException("cannot replace " + target);
    }
    fs.mkdirs(target.getParent());
    if (!fs.rename(temp, target)) {
      throw new IOException("cannot rename " + temp + " to " + target);
    }
  }

  /** Removes the temporary output after a failure; the previous target is left as it was. */
  public void abort() {
    try {
      fs.delete(temp, true);
    } catch (IOException ignored) {
      // best effort: a leftover temp folder is deleted by the next begin()
    }
  }
}
