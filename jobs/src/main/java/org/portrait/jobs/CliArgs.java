package org.portrait.jobs;

import org.portrait.common.config.UserError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * The {@code --name value} / {@code --flag} options left after {@code ToolRunner} has taken the generic
 * Hadoop options ({@code -D}, {@code -conf}, ...). Unknown options are an error, so a typo fails loudly.
 */
public final class CliArgs {
  private final Map<String, String> values = new LinkedHashMap<>();
  private final List<String> positional = new ArrayList<>();

  private CliArgs() {}

  /**
   * Parses {@code args}. {@code flags} are options without a value; every other {@code --x} takes the next
   * argument (or {@code --x=value}).
   */
  public static CliArgs parse(String[] args, List<String> known, List<String> flags) {
    CliArgs parsed = new CliArgs();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        parsed.positional.add(a);
        continue;
      }
      String name = a.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (name.equals("help")) {
        parsed.values.put("help", "true");
        continue;
      }
      if (flags.contains(name)) {
        parsed.values.put(name, value == null ? "true" : value);
      } else if (known.contains(name)) {
        if (value == null) {
          if (i + 1 >= args.length) {
            throw new UserError("option --" + name + " needs a value");
          }
          value = args[++i];
        }
        parsed.values.put(name, value);
      } else {
        throw new UserError("unknown option --" + name);
      }
    }
    return parsed;
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  public boolean help() {
    return values.containsKey("help");
  }

  public String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  /** The value of a required option; a clear error when it is missing. */
  public String require(String name) {
    String v = values.get(name);
    if (v == null) {
      throw new UserError("missing required option --" + name);
    }
    return v;
  }

  public int getInt(String name, int fallback) {
    String v = values.get(name);
    return v == null ? fallback : Integer.parseInt(v);
  }

  public long getLong(String name, long fallback) {
    String v = values.get(name);
    return v == null ? fallback : Long.parseLong(v);
  }

  public double getDouble(String name, double fallback) {
    String v = values.get(name);
    return v == null ? fallback : Double.parseDouble(v);
  }

  /**
   * Copies the options that were given into {@code conf}: {@code pairs} alternate an option name and the
   * configuration key it sets ("window", CooccurDriver.WINDOW, ...). Options not given leave the key as it is,
   * so -D settings and defaults still apply. Returns {@code conf}.
   */
  public Configuration copyTo(Configuration conf, String... pairs) {
    if (pairs.length % 2 != 0) {
      throw new UserError("option/key pairs expected");
    }
    for (int k = 0; k < pairs.length; k += 2) {
      String v = values.get(pairs[k]);
      if (v != null) {
        conf.set(pairs[k + 1], v);
      }
    }
    return conf;
  }

  public List<String> positional() {
    return positional;
  }
}
