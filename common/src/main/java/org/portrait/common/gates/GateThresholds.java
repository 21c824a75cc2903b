package org.portrait.common.gates;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.portrait.common.config.UserError;

/**
 * The floors and ceilings of the quality gates. The bundled defaults are in one file, {@value #RESOURCE}, where
 * each entry says what it bounds and why its default; a site file named by {@link #FILE} overrides entries.
 * The kind of an entry follows from its key: {@code .min} a floor, {@code .max} a ceiling, otherwise a check
 * that is enforced ({@code true}) or only reported ({@code false}). Immutable; Hadoop-free (the caller opens the
 * site file, wherever it lives).
 */
public final class GateThresholds {
  /** Path (any Hadoop file system) of a properties file overriding gate thresholds; default: none (the bundled ones). */
  public static final String FILE = "portrait.gates.file";
  /** Classpath location of the bundled defaults. */
  public static final String RESOURCE = "portrait/gates.properties";

  public static final String MODEL_LOSS_FINITE = "model.loss.finite";
  public static final String MODEL_LOSS_RATIO_MAX = "model.loss.final-to-first.max";
  public static final String MODEL_VOCAB_COVERAGE_MIN = "model.vocab-coverage.min";
  public static final String MODEL_NEIGHBOUR_OVERLAP_MIN = "model.neighbour-overlap.min";
  public static final String DAILY_RECONCILIATION = "daily.reconciliation";
  public static final String DAILY_IN_VOCAB_SHARE_MIN = "daily.in-vocab-share.min";
  public static final String DAILY_USERS_WITH_INTEREST_MIN = "daily.users-with-interest.min";
  public static final String DAILY_INTEREST_PSI_MAX = "daily.interest-psi.max";
  public static final String DAILY_SENTIMENT_PSI_MAX = "daily.sentiment-psi.max";

  /** What an entry bounds. */
  public enum Kind { MIN, MAX, CHECK }

  private static final GateThresholds DEFAULTS = loadDefaults();

  private final Map<String, Double> values;
  private final Map<String, String> sources;

  private GateThresholds(Map<String, Double> values, Map<String, String> sources) {
    this.values = Collections.unmodifiableMap(values);
    this.sources = Collections.unmodifiableMap(sources);
  }

  /** The bundled defaults. */
  public static GateThresholds defaults() {
    return DEFAULTS;
  }

  private static GateThresholds loadDefaults() {
    try (InputStream in = GateThresholds.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " missing from the classpath");
      }
      Map<String, Double> values = new LinkedHashMap<>();
      Map<String, String> sources = new LinkedHashMap<>();
      parse(RESOURCE, new InputStreamReader(in, StandardCharsets.UTF_8), null, values, sources);
      return new GateThresholds(values, sources);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (UserError e) {
      throw new IllegalStateException("bundled " + e.getMessage(), e);
    }
  }

  /**
   * These thresholds with the entries of {@code in} (a properties file named {@code source} in messages)
   * replacing theirs. A key the defaults do not have, a bound that is not a finite number, a check that is not
   * true/false, or a line that is not key=value is a {@link UserError} naming the file and line.
   */
  public GateThresholds withOverrides(String source, Reader in) throws IOException {
    Map<String, Double> v = new LinkedHashMap<>(values);
    Map<String, String> s = new LinkedHashMap<>(sources);
    parse(source, in, values.keySet(), v, s);
    return new GateThresholds(v, s);
  }

  /** Line-by-line (not java.util.Properties) so that a mistake can be reported with its line number. */
  private static void parse(String source, Reader reader, Set<String> known, Map<String, Double> values,
      Map<String, String> sources) throws IOException {
    BufferedReader in = new BufferedReader(reader);
    int n = 0;
    for (String raw; (raw = in.readLine()) != null; ) {
      n++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
        continue;
      }
      String where = source + ":" + n;
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new UserError(where + ": expected key=value, found '" + line + "'");
      }
      String key = line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip();
      if (known != null && !known.contains(key)) {
        throw new UserError(where + ": unknown gate " + key + " (gates: " + String.join(", ", known) + ")");
      }
      values.put(key, value(where, key, value));
      sources.put(key, where);
    }
  }

  private static double value(String where, String key, String value) {
    if (kindOf(key) == Kind.CHECK) {
      if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
        return value.equalsIgnoreCase("true") ? 1 : 0;
      }
      throw new UserError(where + ": " + key + "=" + value + ": must be true (enforced) or false (reported only)");
    }
    try {
      double d = Double.parseDouble(value);
      if (Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UserError(where + ": " + key + "=" + value + ": not a number");
  }

  private static Kind kindOf(String key) {
    return key.endsWith(".min") ? Kind.MIN : key.endsWith(".max") ? Kind.MAX : Kind.CHECK;
  }

  /** Every gate key, in file order. */
  public Set<String> keys() {
    return values.keySet();
  }

  /** The kind of {@code key}; an unknown key is a programming error. */
  public Kind kind(String key) {
    require(key);
    return kindOf(key);
  }

  /** The floor or ceiling of a {@code .min} / {@code .max} gate. */
  public double bound(String key) {
    if (kind(key) == Kind.CHECK) {
      throw new IllegalArgumentException(key + " is a check, not a bound");
    }
    return values.get(key);
  }

  /** Whether a check gate is enforced. */
  public boolean enforced(String key) {
    if (kind(key) != Kind.CHECK) {
      throw new IllegalArgumentException(key + " is a bound, not a check");
    }
    return values.get(key) != 0;
  }

  /** Where the entry's value comes from: {@code portrait/gates.properties:17} or the site file and line. */
  public String source(String key) {
    require(key);
    return sources.get(key);
  }

  private void require(String key) {
    if (!values.containsKey(key)) {
      throw new IllegalArgumentException("no gate " + key + " in " + RESOURCE);
    }
  }
}
