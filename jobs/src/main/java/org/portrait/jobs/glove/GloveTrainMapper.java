package org.portrait.jobs.glove;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;
import org.portrait.common.glove.CooccurEntries;
import org.portrait.common.glove.GloveModel;
import org.portrait.common.glove.GloveParams;
import org.portrait.common.glove.GloveRows;
import org.portrait.common.glove.RoundTrainer;
import org.portrait.jobs.cooccur.CooccurOutputFormat;

/**
 * One training task of one round (or, with DSGD, of one stratum of a round). Input: a line of the task list
 * holding the task number p. The task reads the co-occurrence part files whose index is p mod tasks, starts
 * from the round's model, trains one pass over them (DSGD: over those whose column is in block
 * (p + stratum) mod strata) with {@code threads} threads (stratified, see {@link RoundTrainer}), writes its
 * model to the round's model folder and emits {@code task-p -> cost<TAB>updates<TAB>skipped<TAB>bad}.
 *
 * <p>The loaded, blocked entries are cached per JVM (keyed by files, sizes and settings): in the local runner
 * every round's task reuses them instead of re-reading and re-shuffling, a per-round saving of seconds.
 */
public class GloveTrainMapper extends Mapper<LongWritable, Text, Text, Text> {
  private static final Map<String, CooccurEntries.Built[]> CACHE = new LinkedHashMap<>();
  private final Text outKey = new Text();
  private final Text outValue = new Text();

  @Override
  protected void map(LongWritable offset, Text line, Context context) throws IOException, InterruptedException {
    Configuration conf = context.getConfiguration();
    int tasks = conf.getInt(GloveTrainDriver.TASKS, GloveTrainDriver.DEFAULT_TASKS);
    int task;
    try {
      task = Integer.parseInt(line.toString().trim());
    } catch (NumberFormatException e) {
      task = -1;
    }
    if (task < 0 || task >= tasks) {
      context.getCounter(GloveCounters.BAD_TASK_LINES).increment(1);
      return;
    }
    GloveParams params = GloveTrainDriver.params(conf);
    int threads = conf.getInt(GloveTrainDriver.THREADS, GloveTrainDriver.DEFAULT_THREADS);
    int round = conf.getInt(GloveTrainDriver.ROUND, 1);
    long seed = conf.getLong(GloveTrainDriver.SEED, GloveTrainDriver.DEFAULT_SEED);
    GloveModel model = GloveFiles.readModel(conf, new Path(conf.get(GloveTrainDriver.ROUND_MODEL)));
    int strata = conf.getInt(GloveTrainDriver.STRATA, 1);
    int stratum = conf.getInt(GloveTrainDriver.STRATUM, 0);
    // DSGD: in stratum s task p trains its rows x column block (p + s) mod strata; no two tasks share a block.
    CooccurEntries.Built built = entries(conf, new Path(conf.get(GloveTrainDriver.INPUT)), task, tasks, threads,
        strata, model.vocab, params, seed)[(task + stratum) % strata];
    context.setStatus("task " + task + ": training round " + round + " stratum " + stratum + " ("
        + built.entries.size() + " entries)");
    RoundTrainer.Pass pass;
    try (RoundTrainer trainer = new RoundTrainer(model, built.entries, params)) {
      pass = trainer.pass(round);
    }
    context.getCounter(GloveCounters.UPDATES).increment(pass.updates);
    context.getCounter(GloveCounters.NONFINITE_SKIPPED).increment(pass.skipped);
    context.getCounter(GloveCounters.BAD_ENTRIES).increment(built.rejected);
    context.setStatus("task " + task + ": round " + round + " trained, writing model");
    Path out = new Path(conf.get(GloveTrainDriver.ROUND_OUT), "task-" + task + (strata > 1 ? ".rows" : ".bin"));
    if (strata > 1) {
      // DSGD: only this task changed these rows in this stratum; the driver copies them in.
      GloveFiles.writeRows(conf, out, model, GloveRows.touched(built.entries, model.vocab));
    } else {
      GloveFiles.writeModel(conf, out, model);
    }
    outKey.set("task-" + task);
    outValue.set(pass.cost + "\t" + pass.updates + "\t" + pass.skipped + "\t" + built.rejected);
    context.write(outKey, outValue);
  }

  /**
   * The task's entries, one set per column block (a single set without DSGD strata): from the JVM cache when
   * the same files and settings were loaded before.
   */
  static CooccurEntries.Built[] entries(Configuration conf, Path dir, int task, int tasks, int threads,
      int strata, int vocab, GloveParams p, long seed) throws IOException {
    List<FileStatus> files = GloveFiles.cooccurFiles(conf, dir);
    StringBuilder settings = new StringBuilder(dir.toString()).append('|').append(tasks).append('|')
        .append(threads).append('|').append(strata).append('|').append(vocab).append('|').append(seed)
        .append('|').append(p.xMax).append('|').append(p.alpha);
    long records = 0;
    for (int f = 0; f < files.size(); f++) {
      FileStatus s = files.get(f);
      settings.append('|').append(s.getPath().getName()).append(':').append(s.getLen()).append(':')
          .append(s.getModificationTime());
      if (f % tasks != task) {
        continue;
      }
      if (s.getLen() % CooccurEntries.RECORD_BYTES != 0) {
        throw new IOException(s.getPath() + ": length " + s.getLen() + " is not a multiple of "
            + CooccurEntries.RECORD_BYTES + " (truncated or not a " + CooccurOutputFormat.SUFFIX + " file)");
      }
      records += s.getLen() / CooccurEntries.RECORD_BYTES;
    }
    boolean useCache = conf.getBoolean(GloveTrainDriver.CACHE_ENTRIES, true);
    String prefix = settings.append('#').toString();
    String k = prefix + task;
    if (useCache) {
      synchronized (CACHE) {
        CooccurEntries.Built[] hit = CACHE.get(k);
        if (hit != null) {
          return hit;
        }
        // Entries of an older run or other settings are dead weight now.
        CACHE.keySet().removeIf(old -> !old.startsWith(prefix));
      }
    }
    CooccurEntries.Raw raw = new CooccurEntries.Raw(records);
    FileSystem fs = dir.getFileSystem(conf);
    for (int f = task; f < files.size(); f += tasks) {
      FileStatus s = files.get(f);
      try (InputStream in = new java.io.BufferedInputStream(fs.open(s.getPath()), 1 << 16)) {
        raw.read(in, s.getLen() / CooccurEntries.RECORD_BYTES);
      }
    }
    CooccurEntries.Raw[] blocks = strata == 1 ? new CooccurEntries.Raw[] {raw} : raw.splitByColumn(strata);
    raw = null; // the blocks hold copies: let the unsplit records go before building
    CooccurEntries.Built[] built = new CooccurEntries.Built[strata];
    for (int q = 0; q < strata; q++) {
      long shuffleSeed = seed * 0x9E3779B97F4A7C15L + (long) task * strata + q;
      built[q] = CooccurEntries.build(blocks[q], vocab, threads, tasks, strata, p, shuffleSeed);
      blocks[q] = null;
    }
    if (useCache) {
      synchronized (CACHE) {
        CACHE.put(k, built);
      }
    }
    return built;
  }

  /** Drops cached entries (tests, or when a run ends). */
  static void clearCache() {
    synchronized (CACHE) {
      CACHE.clear();
    }
  }
}
