package org.portrait.common.layout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The HDFS layout ({@code hdfs-layout/layout.properties}, bundled in the jar as {@value #RESOURCE}): where raw
 * input, stage outputs, tables, models, checkpoints and reports live, relative to a root. In local mode the
 * root is the work folder, so a local run has the same shape as the cluster.
 */
public final class PortraitLayout {
  /** Classpath location of the layout definition. */
  public static final String RESOURCE = "portrait/layout.properties";
  /** Config key for the root on the cluster; default from the layout file ({@code /data/portrait}). */
  public static final String ROOT_KEY = "portrait.root";

  public static final String RAW = "raw";
  public static final String STAGING = "staging";
  public static final String WAREHOUSE = "warehouse";
  public static final String MODELS = "models";
  /** User state of each day (daily runs merge into it). */
  public static final String STATE = "state";
  public static final String CHECKPOINTS = "checkpoints";
  public static final String REPORTS = "reports";
  public static final String REFERENCE = "reference";
  /** Run lock and run manifest of each dt. */
  public static final String RUNS = "runs";
  /** Raw rejected records (may hold PII): restricted, never a table. */
  public static final String QUARANTINE = "quarantine";
  public static final String OOZIE = "oozie";
  /** Every area the layout defines. */
  public static final List<String> AREAS = List.of(RAW, STAGING, WAREHOUSE, MODELS, STATE, CHECKPOINTS, REPORTS, RUNS, QUARANTINE, REFERENCE,
      OOZIE);

  private static final Properties PROPS = load();

  private PortraitLayout() {}

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = PortraitLayout.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " missing from the classpath");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  /** The default root on HDFS. */
  public static String defaultRoot() {
    return PROPS.getProperty(ROOT_KEY);
  }

  /** Path of an area relative to the root (absolute for areas outside it, such as the Oozie app). */
  public static String path(String area) {
    return attribute(area, "path");
  }

  public static String owner(String area) {
    return attribute(area, "owner");
  }

  public static String group(String area) {
    return attribute(area, "group");
  }

  /** Octal permission, e.g. {@code 750}. */
  public static String mode(String area) {
    return attribute(area, "mode");
  }

  /** The tables published under the warehouse. */
  public static List<String> tables() {
    return Arrays.asList(PROPS.getProperty("tables").split(","));
  }

  /** Location of a table relative to the root: {@code warehouse/<table>}. */
  public static String tablePath(String table) {
    if (!tables().contains(table)) {
      throw new IllegalArgumentException("unknown table " + table);
    }
    return path(WAREHOUSE) + "/" + table;
  }

  private static String attribute(String area, String name) {
    String v = PROPS.getProperty(area + "." + name);
    if (v == null) {
      throw new IllegalArgumentException("layout has no " + area + "." + name);
    }
    return v;
  }
}
