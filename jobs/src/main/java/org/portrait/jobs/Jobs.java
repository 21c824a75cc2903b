package org.portrait.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.portrait.common.config.LocalMode;

/** What every driver does the same way: create a job, wait for it, and keep its counters next to its output. */
public final class Jobs {
  /** File in a stage's output folder holding that stage's counters as JSON (name to value). */
  public static final String COUNTERS_FILE = "_counters.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Jobs() {}

  /** A job named {@code portrait-<name>} whose jar is the one holding {@code jarClass}. */
  public static Job newJob(Configuration conf, String name, Class<?> jarClass) throws IOException {
    Job job = Job.getInstance(conf, "portrait-" + name);
    job.setJarByClass(jarClass);
    return job;
  }

  /**
   * Cuts the input of {@code job} ({@code totalBytes} in all) into at least {@code splits} splits by capping
   * the split size: one small file would otherwise be one split and leave the other map slots idle.
   */
  public static void splitInto(Job job, long totalBytes, int splits) {
    if (splits > 1) {
      FileInputFormat.setMaxInputSplitSize(job, Math.max(1, (totalBytes + splits - 1) / splits));
    }
  }

  /**
   * Runs {@code job} to the end; a failed or killed job becomes an IOException carrying its state and, when
   * tasks failed, the first useful diagnostics line of the failed attempts (e.g. the exception a mapper threw,
   * {@code java.lang.OutOfMemoryError: Java heap space}), so the cause is not left in a task log.
   */
  public static void runOrThrow(Job job) throws IOException {
    FailFirstAttemptMapper.wrapIfAsked(job);
    boolean ok;
    String localFailure = null;
    try (TaskFailures.Capture capture = LocalMode.isLocal(job.getConfiguration()) ? new TaskFailures.Capture() : null) {
      ok = job.waitForCompletion(false);
      if (!ok && capture != null) {
        localFailure = capture.failureOf(String.valueOf(job.getJobID()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + job.getJobName(), e);
    } catch (ClassNotFoundException e) {
      throw new IOException(e);
    }
    if (!ok) {
      String state;
      try {
        // one line: YARN's failure info spans several
        state = (job.getStatus().getState() + ": " + job.getStatus().getFailureInfo()).trim()
            .replaceAll("\\s*\\R\\s*", " ");
      } catch (Exception e) {
        state = "failed";
      }
      String tasks = localFailure != null ? localFailure : TaskFailures.fromCluster(job);
      throw new IOException("job " + job.getJobName() + " failed (" + state + ")"
          + (tasks == null ? "" : ": " + tasks));
    }
  }

  /** The values of one counter enum, in declaration order. */
  public static <E extends Enum<E>> Map<String, Long> counters(Job job, Class<E> counterEnum) throws IOException {
    Map<String, Long> out = new LinkedHashMap<>();
    for (E e : counterEnum.getEnumConstants()) {
      Counter c = job.getCounters().findCounter(e);
      out.put(e.name(), c == null ? 0L : c.getValue());
    }
    return out;
  }

  /** Writes {@code counters} as {@value #COUNTERS_FILE} into {@code dir}. */
  public static void writeCounters(Configuration conf, Path dir, Map<String, Long> counters) throws IOException {
    FileSystem fs = dir.getFileSystem(conf);
    try (OutputStream out = fs.create(new Path(dir, COUNTERS_FILE), true)) {
      JSON.writeValue(out, counters);
    }
  }

  /** Reads the counters a stage wrote into {@code dir}; empty when it wrote none. */
  @SuppressWarnings("unchecked")
  public static Map<String, Long> readCounters(Configuration conf, Path dir) throws IOException {
    Path file = new Path(dir, COUNTERS_FILE);
    FileSystem fs = file.getFileSystem(conf);
    if (!fs.exists(file)) {
      return new LinkedHashMap<>();
    }
    try (InputStream in = fs.open(file)) {
      Map<String, Number> raw = JSON.readValue(in, Map.class);
      Map<String, Long> out = new LinkedHashMap<>();
      raw.forEach((k, v) -> out.put(k, v.longValue()));
      return out;
    }
  }

  /**
   * Moves a reducer's named side output ({@code prefix-r-*}, written by AvroMultipleOutputs next to the main
   * output) out of {@code from} into its own folder {@code to}.
   */
  public static void moveSideOutput(Configuration conf, Path from, String prefix, Path to) throws IOException {
    moveFiles(conf, from, prefix + "-", to, "");
  }

  /**
   * Moves the data files of {@code from} whose names start with {@code startingWith} into {@code to}, each name
   * prefixed with {@code renamePrefix} (so files of two jobs can join one folder); hidden and {@code _} files
   * stay. A file that would overwrite another is an error.
   */
  public static void moveFiles(Configuration conf, Path from, String startingWith, Path to, String renamePrefix)
      throws IOException {
    org.apache.hadoop.fs.FileSystem fs = from.getFileSystem(conf);
    fs.mkdirs(to);
    for (org.apache.hadoop.fs.FileStatus st : fs.listStatus(from, p -> p.getName().startsWith(startingWith)
        && !p.getName().startsWith("_") && !p.getName().startsWith("."))) {
      Path target = new Path(to, renamePrefix + st.getPath().getName());
      if (fs.exists(target) || !fs.rename(st.getPath(), target)) {
        throw new IOException("cannot move " + st.getPath() + " to " + target);
      }
    }
  }
}
