package org.portrait.jobs.glove;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.portrait.common.config.LocalMode;
import org.portrait.common.glove.CooccurEntries;
import org.portrait.common.glove.GloveModel;

/** The memory check before training: fail with a clear message instead of an OutOfMemoryError in round 1. */
final class GloveMemory {
  private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)([kKmMgG]?)");
  /** Peak bytes per entry while a task loads its entries (raw records, order, blocked columns). */
  static final long LOAD_BYTES_PER_ENTRY = CooccurEntries.RECORD_BYTES + 8 + CooccurEntries.ENTRY_BYTES;

  private GloveMemory() {}

  static void check(Configuration conf, int vocab, int dim, List<FileStatus> files, int tasks) {
    long model = GloveModel.bytesFor(vocab, dim);
    long maxTaskRecords = 0;
    long allRecords = 0;
    for (int p = 0; p < tasks; p++) {
      long r = 0;
      for (int f = p; f < files.size(); f += tasks) {
        r += files.get(f).getLen() / CooccurEntries.RECORD_BYTES;
      }
      maxTaskRecords = Math.max(maxTaskRecords, r);
      allRecords += r;
    }
    long perTask = model + maxTaskRecords * LOAD_BYTES_PER_ENTRY;
    long need;
    long have;
    String what;
    if (LocalMode.isLocal(conf)) {
      // Local runner: tasks run inside this JVM next to the driver, which holds the start and merged models.
      int parallel = Math.min(tasks, conf.getInt("mapreduce.local.map.tasks.maximum", 1));
      need = parallel * perTask + allRecords * CooccurEntries.ENTRY_BYTES + (tasks > 1 ? 3 : 1) * model;
      have = Runtime.getRuntime().maxMemory();
      what = "this JVM's max heap (-Xmx)";
    } else {
      need = perTask;
      have = taskHeap(conf);
      what = "the map task heap (mapreduce.map.java.opts -Xmx, else 80% of mapreduce.map.memory.mb)";
    }
    long override = conf.getLong(GloveTrainDriver.TASK_MEMORY_MB, 0);
    if (override > 0) {
      have = override << 20;
      what = GloveTrainDriver.TASK_MEMORY_MB;
    }
    if (need > have) {
      throw new IllegalArgumentException(String.format(
          "glove-train needs about %d MB (model %d words x %d dims x 4 arrays = %d MB, entries of the largest task"
              + " %d) but %s is %d MB: raise the memory, use more --tasks, or lower --dim", need >> 20, vocab,
          dim, model >> 20, maxTaskRecords, what, have >> 20));
    }
  }

  static long taskHeap(Configuration conf) {
    Matcher m = XMX.matcher(conf.get("mapreduce.map.java.opts", ""));
    long last = -1;
    while (m.find()) {
      long v = Long.parseLong(m.group(1));
      switch (m.group(2).toLowerCase()) {
        case "g": v <<= 30; break;
        case "m": v <<= 20; break;
        case "k": v <<= 10; break;
        default: break;
      }
      last = v;
    }
    return last > 0 ? last : (long) (conf.getLong("mapreduce.map.memory.mb", 1024) * 0.8) << 20;
  }
}
