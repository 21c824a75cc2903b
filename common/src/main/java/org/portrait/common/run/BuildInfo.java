package org.portrait.common.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The code version baked into the jar at build time ({@code portrait/build.properties}): version + git commit. */
public final class BuildInfo {
  private static final String VERSION = load();

  private BuildInfo() {}

  /** e.g. {@code 0.1.0-SNAPSHOT+3f2a9c1b0d4e} ({@code -dirty} when built from uncommitted changes). */
  public static String codeVersion() {
    return VERSION;
  }

  private static String load() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getClassLoader().getResourceAsStream("portrait/build.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    String version = p.getProperty("version", "unknown");
    String commit = p.getProperty("commit", "");
    if (commit.isEmpty() || commit.startsWith("${")) {
      return version;
    }
    return version + "+" + commit + ("true".equals(p.getProperty("dirty")) ? "-dirty" : "");
  }
}
