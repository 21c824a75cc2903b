package org.portrait.jobs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.TaskCompletionEvent;
import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;
import org.apache.log4j.spi.ThrowableInformation;

/**
 * Why a job's tasks failed, in one line, for {@link Jobs#runOrThrow}: the job status alone says "FAILED: NA".
 * On a cluster the failed attempts' diagnostics come from the job's task completion events. The local runner
 * answers those calls with nothing; its only record of a task's exception is the warning it logs with the job
 * id as message, so while a local job runs a {@link Capture} listens to that logger.
 */
final class TaskFailures {
  /** Attempts whose diagnostics are fetched at most (a job retrying many tasks has one cause, usually). */
  private static final int MAX_ATTEMPTS = 4;
  /** How long to wait for the local runner's failure log after the job reported FAILED (it logs just after). */
  private static final long LOCAL_LOG_WAIT_MS = 2000;

  private TaskFailures() {}

  /**
   * "attempt_..._m_000000_0: java.lang.OutOfMemoryError: Java heap space; ..." for the failed attempts of a
   * cluster job, or null when there are none (or they cannot be fetched: the caller still has the job state).
   */
  static String fromCluster(Job job) {
    // diagnostics line -> the attempts that reported it (retries of a task usually fail the same way)
    Map<String, List<String>> out = new LinkedHashMap<>();
    int attempts = 0;
    try {
      int from = 0;
      while (attempts < MAX_ATTEMPTS) {
        TaskCompletionEvent[] events = job.getTaskCompletionEvents(from, 100);
        if (events == null || events.length == 0) {
          break;
        }
        from += events.length;
        for (TaskCompletionEvent e : events) {
          TaskCompletionEvent.Status s = e.getStatus();
          if ((s == TaskCompletionEvent.Status.FAILED || s == TaskCompletionEvent.Status.TIPFAILED)
              && attempts < MAX_ATTEMPTS) {
            attempts++;
            String line = firstUsefulLine(job.getTaskDiagnostics(e.getTaskAttemptId()));
            out.computeIfAbsent(line == null ? "no diagnostics" : line, k -> new ArrayList<>())
                .add(String.valueOf(e.getTaskAttemptId()));
          }
        }
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      // what was fetched so far is still worth reporting
    }
    List<String> parts = new ArrayList<>();
    out.forEach((line, ids) -> parts.add(String.join(", ", ids) + ": " + line));
    return parts.isEmpty() ? null : String.join("; ", parts);
  }

  /**
   * The first line of the diagnostics that says what happened: not blank, not a stack frame, with YARN's
   * "Error: " prefix removed. Null when there is none.
   */
  static String firstUsefulLine(String... diagnostics) {
    if (diagnostics == null) {
      return null;
    }
    for (String d : diagnostics) {
      if (d == null) {
        continue;
      }
      for (String line : d.split("\\R")) {
        String l = line.trim();
        if (l.isEmpty() || l.startsWith("at ") || l.startsWith("...")) {
          continue;
        }
        return l.startsWith("Error: ") ? l.substring("Error: ".length()) : l;
      }
    }
    return null;
  }

  /**
   * One line for a throwable: its own text, skipping wrappers that only repeat their cause (the local runner
   * wraps the task's exception so).
   */
  static String describe(Throwable t) {
    while (t.getCause() != null && (t.getMessage() == null || t.getMessage().equals(t.getCause().toString()))) {
      t = t.getCause();
    }
    return firstUsefulLine(t.toString());
  }

  /** Listens, while local jobs run, to the local runner's warning about a failed job. */
  static final class Capture extends AppenderSkeleton implements AutoCloseable {
    // By name: the local runner is not on every classpath this class compiles against.
    private final Logger logger = Logger.getLogger("org.apache.hadoop.mapred.LocalJobRunner");
    private final Map<String, Throwable> failures = new ConcurrentHashMap<>();

    Capture() {
      logger.addAppender(this);
    }

    @Override
    protected void append(LoggingEvent event) {
      ThrowableInformation info = event.getThrowableInformation();
      if (info != null && info.getThrowable() != null && event.getMessage() != null) {
        failures.putIfAbsent(event.getMessage().toString(), info.getThrowable());
      }
    }

    /** The failure of local job {@code jobId} as one line, or null when the runner logged none in time. */
    String failureOf(String jobId) {
      long end = System.currentTimeMillis() + LOCAL_LOG_WAIT_MS;
      Throwable t;
      while ((t = failures.get(jobId)) == null && System.currentTimeMillis() < end) {
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return null;
        }
      }
      return t == null ? null : "a task of local job " + jobId + ": " + describe(t);
    }

    @Override
    public void close() {
      logger.removeAppender(this);
    }

    @Override
    public boolean requiresLayout() {
      return false;
    }
  }
}
