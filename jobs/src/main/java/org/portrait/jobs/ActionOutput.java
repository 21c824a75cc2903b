package org.portrait.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.portrait.common.gates.Gate;
import org.portrait.common.gates.GateReport;

/**
 * Oozie's {@code <capture-output/>}: a java action that finds the system property {@value #PROPERTY} writes its
 * headline figures there as a properties file, which Oozie shows as the action's data
 * ({@code wf:actionData('daily')['ingest.ACCEPTED']}). Outside Oozie nothing is written. The file is the action
 * container's local scratch file, so plain java.io is right here (it is not data).
 *
 * <p>A single-stage command writes each counter under its own name ({@code ACCEPTED}). A lifecycle command
 * ({@code train}, {@code daily}) runs many stages in one action, so there each counter is prefixed with its stage
 * ({@code ingest.ACCEPTED}) and only the headline counters are kept: Oozie refuses action data larger than
 * {@code oozie.action.max.output.data} (2048 characters by default). Gate values come as
 * {@code gate.<name>=<value>} and {@code gates.passed}.
 */
public final class ActionOutput {
  /** Set by Oozie's launcher for actions with capture-output. */
  public static final String PROPERTY = "oozie.action.output.properties";

  /** Counters kept in lifecycle mode (prefixed with their stage); null: every counter, unprefixed. */
  private static volatile Set<String> headlines;

  private ActionOutput() {}

  /** Lifecycle mode: keeps only {@code counters}, each as {@code <stage>.<COUNTER>}. */
  public static void headlinesOnly(Set<String> counters) {
    headlines = counters == null ? null : Set.copyOf(counters);
  }

  /** Adds {@code counters} to the action's output properties (merging with what the action wrote before). */
  static void add(Map<String, Long> counters) throws IOException {
    update(p -> counters.forEach((k, v) -> p.setProperty(k, Long.toString(v))));
  }

  /** Adds the counters of the stage whose output is {@code output} (see the class comment for the names). */
  static void add(Path output, Map<String, Long> counters) throws IOException {
    Set<String> keep = headlines;
    if (keep == null) {
      add(counters);
      return;
    }
    String stage = stageName(output);
    update(p -> counters.forEach((k, v) -> {
      if (keep.contains(k)) {
        p.setProperty(stage + "." + k, Long.toString(v));
      }
    }));
  }

  /** A named text value, e.g. {@code model_id}. */
  public static void put(String key, String value) throws IOException {
    update(p -> p.setProperty(key, value));
  }

  /** Each gate's measured value ({@code gate.<name>}, "NaN" when none) and whether all passed. */
  public static void gates(GateReport report) throws IOException {
    update(p -> {
      for (Gate g : report.gates()) {
        p.setProperty("gate." + g.name(), Gate.format(g.value()));
      }
      p.setProperty("gates.passed", Boolean.toString(report.passed()));
    });
  }

  /** The stage an output folder belongs to: its name, or its area's for a day folder (state/dt=D). */
  static String stageName(Path output) {
    String name = output.getName();
    return name.startsWith("dt=") && output.getParent() != null ? output.getParent().getName() : name;
  }

  private interface Edit {
    void apply(Properties p);
  }

  private static synchronized void update(Edit edit) throws IOException {
    String file = System.getProperty(PROPERTY);
    if (file == null) {
      return;
    }
    Properties p = new Properties();
    java.nio.file.Path path = Paths.get(file);
    if (Files.exists(path)) {
      try (InputStream in = Files.newInputStream(path)) {
        p.load(in);
      }
    }
    edit.apply(p);
    try (OutputStream out = Files.newOutputStream(path)) {
      // No comment: store() still adds a date line; every character counts against Oozie's limit.
      p.store(out, null);
    }
  }
}
