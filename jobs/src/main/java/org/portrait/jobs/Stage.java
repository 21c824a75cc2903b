package org.portrait.jobs;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.portrait.common.io.AtomicOutput;
import org.portrait.common.io.FaultInjector;

/**
 * The one skeleton every stage's output goes through: begin a uniquely named temporary output, run the stage's
 * body into it, record its counters ({@value Jobs#COUNTERS_FILE}), commit by rename-aside, or abort on any
 * failure so the previous output stays. Drivers supply only the body.
 */
public final class Stage {
  private Stage() {}

  /** What a stage does between begin and commit. */
  @FunctionalInterface
  public interface Body<R> {
    /**
     * Writes the stage's output under {@code out.tempPath()} and puts its counters into {@code counters}
     * (written next to the output by the skeleton). The result is returned by {@link #run} after the commit.
     */
    R run(AtomicOutput out, Map<String, Long> counters) throws Exception;
  }

  /** Runs {@code body} into a temporary output and installs it as {@code output}. */
  public static <R> R run(Configuration conf, Path output, Body<R> body) throws IOException {
    return run(conf, output, FaultInjector.NONE, body);
  }

  /** As {@link #run(Configuration, Path, Body)}, with faults injected into the install (tests). */
  public static <R> R run(Configuration conf, Path output, FaultInjector faults, Body<R> body) throws IOException {
    AtomicOutput out = AtomicOutput.begin(conf, output, faults);
    try {
      Map<String, Long> counters = new LinkedHashMap<>();
      R result = body.run(out, counters);
      Path temp = out.tempPath();
      temp.getFileSystem(conf).mkdirs(temp);
      // The job's _SUCCESS marker would become part of the stage output; the commit itself is the success.
      temp.getFileSystem(conf).delete(new Path(temp, "_SUCCESS"), false);
      Jobs.writeCounters(conf, temp, counters);
      out.commit();
      ActionOutput.add(output, counters);
      return result;
    } catch (IOException | RuntimeException e) {
      out.abort();
      throw e;
    } catch (InterruptedException e) {
      out.abort();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing " + output, e);
    } catch (Exception e) {
      out.abort();
      throw new IOException(e);
    }
  }
}
