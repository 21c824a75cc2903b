package org.portrait.common.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a set of folders (the tables of one dt) all together, through a journal folder:
 * <ol>
 *   <li>prepare: every new folder is copied into {@code journal/new/<i>} and the plan written;</li>
 *   <li>commit point: the file {@code journal/COMMITTED} appears by one rename;</li>
 *   <li>apply: each target is moved into {@code journal/old/<i>} and its new copy renamed in (a target with no
 *       new copy, such as a table this run did not produce, is only moved out);</li>
 *   <li>clean: the journal, holding the old copies, is deleted.</li>
 * </ol>
 * Every step of apply is idempotent, so {@link #recover} after a kill finishes it (journal committed: the whole
 * new set) or drops it (not committed: the targets were never touched, the whole old set). Old copies are deleted
 * only inside the journal, so the swap deletes nothing outside the folder that holds the journal.
 */
public final class PartitionSetSwap {
  private static final Logger LOG = LoggerFactory.getLogger(PartitionSetSwap.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String PLAN = "plan.json";
  static final String COMMITTED = "COMMITTED";

  /** One folder to replace: {@code source} null removes {@code target} (it is not part of the new set). */
  public record Entry(String name, Path source, Path target) {}

  private PartitionSetSwap() {}

  /** Replaces every entry's target with a copy of its source, all or none; see the class comment. */
  public static void swap(Configuration conf, Path journal, List<Entry> entries, FaultInjector faults)
      throws IOException {
    FileSystem fs = journal.getFileSystem(conf);
    recover(conf, journal, faults);
    try {
      faults.before("prepare");
      fs.mkdirs(new Path(journal, "new"));
      ArrayNode plan = JSON.createArrayNode();
      for (int i = 0; i < entries.size(); i++) {
        Entry e = entries.get(i);
        ObjectNode n = plan.addObject();
        n.put("name", e.name());
        n.put("target", fs.makeQualified(e.target()).toString());
        n.put("new", e.source() != null);
        if (e.source() != null) {
          faults.before("copy " + e.name());
          if (!FileUtil.copy(fs, e.source(), fs, new Path(journal, "new/" + i), false, conf)) {
            throw new IOException("cannot copy " + e.source() + " into " + journal);
          }
        }
      }
      faults.before("write plan");
      write(fs, new Path(journal, PLAN), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(plan));
      faults.before("commit");
      write(fs, new Path(journal, COMMITTED), new byte[0]);
    } catch (IOException | RuntimeException e) {
      // Before the commit point nothing outside the journal changed: dropping it keeps the old set.
      try {
        fs.delete(journal, true);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    apply(fs, journal, faults);
  }

  /** Finishes (committed journal) or drops (uncommitted journal) an interrupted swap; nothing when none. */
  public static void recover(Configuration conf, Path journal, FaultInjector faults) throws IOException {
    FileSystem fs = journal.getFileSystem(conf);
    if (!fs.exists(journal)) {
      return;
    }
    if (fs.exists(new Path(journal, COMMITTED))) {
      LOG.warn("finishing an interrupted publish from {}", journal);
      apply(fs, journal, faults);
    } else {
      LOG.warn("dropping an unfinished publish in {} (not committed: the previous tables stay)", journal);
      fs.delete(journal, true);
    }
  }

  private static void apply(FileSystem fs, Path journal, FaultInjector faults) throws IOException {
    JsonNode plan;
    try (InputStream in = fs.open(new Path(journal, PLAN))) {
      plan = JSON.readTree(in);
    }
    fs.mkdirs(new Path(journal, "old"));
    for (int i = 0; i < plan.size(); i++) {
      JsonNode n = plan.get(i);
      Path target = new Path(n.path("target").asText());
      Path old = new Path(journal, "old/" + i);
      Path fresh = new Path(journal, "new/" + i);
      String name = n.path("name").asText();
      // Move the target out once: a retry finds the old copy already moved, or the new one already in.
      if (!fs.exists(old) && fs.exists(target) && (!n.path("new").asBoolean() || fs.exists(fresh))) {
        faults.before("move out " + name);
        if (!fs.rename(target, old)) {
          throw new IOException("cannot move " + target + " into " + old);
        }
      }
      if (n.path("new").asBoolean() && fs.exists(fresh)) {
        faults.before("move in " + name);
        fs.mkdirs(target.getParent());
        if (!fs.rename(fresh, target)) {
          throw new IOException("cannot move " + fresh + " to " + target);
        }
      }
    }
    faults.before("clean");
    fs.delete(journal, true);
  }

  private static void write(FileSystem fs, Path file, byte[] content) throws IOException {
    Path tmp = new Path(file.getParent(), "_tmp." + file.getName());
    try (OutputStream out = fs.create(tmp, true)) {
      out.write(content);
    }
    if (!fs.rename(tmp, file)) {
      throw new IOException("cannot write " + file);
    }
  }
}
