package org.portrait.common.io;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Output committed atomically by rename-aside. A job writes to a temporary sibling of its final path whose name
 * is unique to this attempt ({@code _tmp.<name>.<token>}), so a zombie task of an earlier attempt can never write
 * into it. {@link #commit()} moves the old output aside ({@code _old.<name>.<token>}), renames the new one in,
 * then deletes the old one; a failure between the two renames puts the old one back. A failed or killed run
 * therefore leaves the previous output (or, after a kill between the renames, an aside copy that the next
 * {@link #begin} restores), never a half-written one.
 */
public final class AtomicOutput {
  private static final Logger LOG = LoggerFactory.getLogger(AtomicOutput.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  static final String TEMP_PREFIX = "_tmp.";
  static final String ASIDE_PREFIX = "_old.";

  private final FileSystem fs;
  private final Path target;
  private final Path temp;
  private final Path aside;
  private final FaultInjector faults;

  private AtomicOutput(FileSystem fs, Path target, String token, FaultInjector faults) {
    this.fs = fs;
    this.target = target;
    this.temp = new Path(target.getParent(), TEMP_PREFIX + target.getName() + "." + token);
    this.aside = new Path(target.getParent(), ASIDE_PREFIX + target.getName() + "." + token);
    this.faults = faults;
  }

  /** Prepares a fresh, uniquely named temporary path next to {@code target}. */
  public static AtomicOutput begin(Configuration conf, Path target) throws IOException {
    return begin(conf, target, FaultInjector.NONE);
  }

  /** As {@link #begin(Configuration, Path)}, with a fault injector called before each step of the commit. */
  public static AtomicOutput begin(Configuration conf, Path target, FaultInjector faults) throws IOException {
    FileSystem fs = target.getFileSystem(conf);
    // A target given with a trailing slash (e.g. from File.toURI()) would otherwise have an empty name.
    String text = fs.makeQualified(target).toString();
    while (text.endsWith("/") && text.length() > 1 && !text.endsWith(":/") && !text.endsWith("//")) {
      text = text.substring(0, text.length() - 1);
    }
    Path qualified = new Path(text);
    if (qualified.getParent() == null) {
      throw new IOException("cannot write a stage output at the file system root: " + qualified);
    }
    recover(fs, qualified);
    String token = String.format(Locale.ROOT, "%d-%08x", System.currentTimeMillis(), RANDOM.nextInt());
    return new AtomicOutput(fs, qualified, token, faults);
  }

  /**
   * Cleans up after an earlier attempt that was killed: an aside copy whose target is missing (killed between
   * the two renames of a commit) is put back; other asides and temporary folders of this target are removed.
   * One writer per output is assumed: the run lock guarantees it for pipeline runs.
   */
  static void recover(FileSystem fs, Path target) throws IOException {
    Path parent = target.getParent();
    if (!fs.exists(parent)) {
      return;
    }
    String name = target.getName();
    FileStatus[] leftovers = fs.listStatus(parent, p -> p.getName().startsWith(TEMP_PREFIX + name + ".")
        || p.getName().startsWith(ASIDE_PREFIX + name + "."));
    for (FileStatus s : leftovers) {
      Path p = s.getPath();
      if (p.getName().startsWith(ASIDE_PREFIX) && !fs.exists(target)) {
        if (fs.rename(p, target)) {
          LOG.warn("restored {} from {} (an earlier run was stopped while installing it)", target, p.getName());
          continue;
        }
      }
      fs.delete(p, true);
    }
  }

  /** Where the job writes. */
  public Path tempPath() {
    return temp;
  }

  /** The path the output will have once committed. */
  public Path target() {
    return target;
  }

  /** Installs the temporary output as the target: old aside, new in, old deleted; restores the old on failure. */
  public void commit() throws IOException {
    if (!fs.exists(temp)) {
      throw new IOException("nothing to commit: " + temp + " does not exist");
    }
    fs.mkdirs(target.getParent());
    boolean hadOld = fs.exists(target);
    if (hadOld) {
      faults.before("aside");
      if (!fs.rename(target, aside)) {
        throw new IOException("cannot move " + target + " aside to " + aside.getName());
      }
    }
    try {
      faults.before("install");
      if (!fs.rename(temp, target)) {
        throw new IOException("cannot rename " + temp + " to " + target);
      }
    } catch (IOException | RuntimeException e) {
      if (hadOld && !fs.exists(target) && !fs.rename(aside, target)) {
        e.addSuppressed(new IOException("could not restore " + target + " from " + aside));
      }
      throw e;
    }
    if (hadOld) {
      try {
        faults.before("delete-old");
        fs.delete(aside, true);
      } catch (IOException e) {
        // The new output is in place; the aside copy is removed by the next begin() of this target.
        LOG.warn("could not delete {}: {}", aside, e.getMessage());
      }
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
