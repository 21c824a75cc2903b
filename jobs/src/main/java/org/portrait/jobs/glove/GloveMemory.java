package org.portrait.jobs.glove;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.portrait.common.config.LocalMode;
import org.portrait.common.config.UserError;
import org.portrait.common.glove.CooccurEntries;
import org.portrait.common.glove.GloveModel;

/**
 * The memory check before training: fail with a clear message instead of an OutOfMemoryError in round 1. It
 * counts the full model copies {@link GloveTrainDriver#run} and {@link GloveTrainMapper} hold at the same time:
 * <ul>
 *   <li>driver: the current model (start, resumed or last round's) for the whole run; after a round's job
 *       without strata (one task, or schedule "mixing") also the task models read back, and with more than one
 *       task the merged copy {@link GloveModel#merge} makes: 2 copies for one task, tasks + 2 for mixing. DSGD
 *       copies the tasks' rows into the model in place: 1 copy.
 *   <li>task: the round's model it reads and trains in place, plus its entries while loading them.
 *   <li>local runner: the tasks run in the driver's JVM, so during a job the driver's model, every task
 *       running at once and the entries cached for all tasks share one heap, and after the job the driver's
 *       copies and the cached entries do.
 * </ul>
 */
final class GloveMemory {
  private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)([kKmMgG]?)");
  /** Peak bytes per entry while a task loads its entries (raw records, order, blocked columns). */
  static final long LOAD_BYTES_PER_ENTRY = CooccurEntries.RECORD_BYTES + 8 + CooccurEntries.ENTRY_BYTES;
  /** Floats one Java array can hold (a little under Integer.MAX_VALUE, as the JVM allows). */
  static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  private GloveMemory() {}

  /** Full model copies the driver holds at once after a round's job (see the class comment). */
  static int driverCopies(int tasks, boolean dsgd) {
    if (dsgd && tasks > 1) {
      return 1;
    }
    return tasks > 1 ? tasks + 2 : 2;
  }

  static void check(Configuration conf, int vocab, int dim, List<FileStatus> files, int tasks) {
    check(conf, vocab, dim, files, tasks, Runtime.getRuntime().maxMemory());
  }

  /** {@code jvmHeap}: this JVM's max heap (a parameter so that tests need not depend on the test JVM's -Xmx). */
  static void check(Configuration conf, int vocab, int dim, List<FileStatus> files, int tasks, long jvmHeap) {
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
    boolean dsgd = GloveTrainDriver.DEFAULT_SCHEDULE.equals(conf.get(GloveTrainDriver.SCHEDULE,
        GloveTrainDriver.DEFAULT_SCHEDULE));
    int driverCopies = driverCopies(tasks, dsgd);
    String copies = dsgd && tasks > 1 ? "the driver's model" : tasks > 1
        ? "the driver's model, the " + tasks + " task models read back and their merge"
        : "the driver's model and the task's result read back";
    long taskNeed = model + maxTaskRecords * LOAD_BYTES_PER_ENTRY;
    long override = conf.getLong(GloveTrainDriver.TASK_MEMORY_MB, 0) << 20;
    String shape = String.format("%s=%d with %d words: one model copy (words x (dim + 1) x 2 tables x 2 with"
        + " AdaGrad, floats) is %d MB", GloveTrainDriver.DIM, dim, vocab, model >> 20);
    if (LocalMode.isLocal(conf)) {
      // Local runner: tasks run inside this JVM next to the driver.
      int parallel = Math.min(tasks, Math.max(1, conf.getInt("mapreduce.local.map.tasks.maximum", 1)));
      long cached = conf.getBoolean(GloveTrainDriver.CACHE_ENTRIES, true)
          ? allRecords * CooccurEntries.ENTRY_BYTES : 0;
      long during = model + parallel * taskNeed + cached;
      long after = driverCopies * model + cached;
      long have = override > 0 ? Math.min(override, jvmHeap) : jvmHeap;
      String what = override > 0 && override < jvmHeap ? GloveTrainDriver.TASK_MEMORY_MB
          : "this JVM's max heap (-Xmx; PORTRAIT_JAVA_OPTS for run-local)";
      if (Math.max(during, after) > have) {
        String detail = during >= after
            ? String.format("during a round the driver's model + %d task(s) running at once, each with its model"
                + " copy and entries (largest task %d)", parallel, maxTaskRecords)
            : String.format("after a round %d copies: %s", driverCopies, copies);
        throw tooBig(shape, Math.max(during, after), detail + (cached > 0 ? ", + cached entries " + (cached >> 20)
            + " MB" : ""), what, have);
      }
    } else {
      long have = override > 0 ? override : taskHeap(conf);
      String what = override > 0 ? GloveTrainDriver.TASK_MEMORY_MB
          : "the map task heap (mapreduce.map.java.opts -Xmx, else 80% of mapreduce.map.memory.mb)";
      if (taskNeed > have) {
        throw tooBig(shape, taskNeed, String.format("a task's model copy + its entries (largest task %d)",
            maxTaskRecords), what, have);
      }
      long driverNeed = driverCopies * model;
      if (driverNeed > jvmHeap) {
        throw tooBig(shape, driverNeed, String.format("the driver holds %d copies: %s", driverCopies, copies),
            "the driver's max heap (-Xmx of this JVM, the Oozie launcher's on a cluster)", jvmHeap);
      }
    }
    long cells = (long) vocab * (dim + 1) * 2;
    if (cells > MAX_ARRAY) {
      throw new UserError(String.format("%s=%d with %d words: a model table would hold %d floats, more than one"
          + " Java array can (%d); lower --dim to at most %d", GloveTrainDriver.DIM, dim, vocab, cells, MAX_ARRAY,
          MAX_ARRAY / (2L * vocab) - 1));
    }
  }

  private static UserError tooBig(String shape, long need, String detail, String what, long have) {
    return new UserError(String.format("glove-train needs about %d MB (%s; %s) but %s is %d MB: raise the"
        + " memory, lower --dim (%s), use the dsgd schedule, or more --tasks on a cluster", need >> 20, shape,
        detail, what, have >> 20, GloveTrainDriver.DIM));
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
