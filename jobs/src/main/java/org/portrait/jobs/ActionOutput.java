package org.portrait.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Properties;

/**
 * Oozie's {@code <capture-output/>}: a java action that finds the system property {@value #PROPERTY} writes its
 * headline figures there as a properties file, which Oozie shows as the action's data
 * ({@code wf:actionData('ingest')['ACCEPTED']}). Outside Oozie nothing is written. The file is the action
 * container's local scratch file, so plain java.io is right here (it is not data).
 */
public final class ActionOutput {
  /** Set by Oozie's launcher for actions with capture-output. */
  public static final String PROPERTY = "oozie.action.output.properties";

  private ActionOutput() {}

  /** Adds {@code counters} to the action's output properties (merging with what the action wrote before). */
  static void add(Map<String, Long> counters) throws IOException {
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
    counters.forEach((k, v) -> p.setProperty(k, Long.toString(v)));
    try (OutputStream out = Files.newOutputStream(path)) {
      p.store(out, "Portrait stage counters");
    }
  }
}
