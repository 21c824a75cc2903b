package org.portrait.jobs.settings;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * What one {@code portrait.*} setting accepts: its type and range or values. {@link #problem} says, in words
 * meant for the person who set it, why a value is refused. The factories' argument lists are kept literal
 * (numbers, quoted strings) because scripts/list-config-keys.py reads them to print the "allowed" column of
 * docs/config-keys.md; SettingsDocumentedTest checks that column against {@link #allowed()}.
 */
public final class SettingSpec {
  /** How a value is parsed. INT and LONG as Hadoop's getInt / getLong (trimmed, decimal or 0x hex). */
  public enum Type { INT, LONG, DOUBLE, BOOLEAN, ENUM, STRING, LIST, PATH, ZONE }

  public final String key;
  public final Type type;
  /** True for a prefix such as portrait.ingest.column.: every key starting with it is this setting. */
  public final boolean prefix;
  /** Set by a driver from its options or its own findings; accepted, but not a knob to turn. */
  public final boolean setByDriver;
  private final double min;
  private final double max;
  private final boolean minExclusive;
  private final List<String> values;
  private final boolean ignoreCase;

  private SettingSpec(String key, Type type, boolean prefix, boolean setByDriver, double min, double max,
      boolean minExclusive, List<String> values, boolean ignoreCase) {
    this.key = key;
    this.type = type;
    this.prefix = prefix;
    this.setByDriver = setByDriver;
    this.min = min;
    this.max = max;
    this.minExclusive = minExclusive;
    this.values = values;
    this.ignoreCase = ignoreCase;
  }

  private static SettingSpec of(String key, Type type, double min, double max, boolean minExclusive) {
    return new SettingSpec(key, type, false, false, min, max, minExclusive, List.of(), false);
  }

  /** An int (read with getInt) in min..max. */
  public static SettingSpec integer(String key, int min, int max) {
    return of(key, Type.INT, min, max, false);
  }

  /** A long (read with getLong) in min..max. */
  public static SettingSpec longInteger(String key, long min, long max) {
    return of(key, Type.LONG, min, max, false);
  }

  /** Any long: seeds. */
  public static SettingSpec anyLong(String key) {
    return of(key, Type.LONG, Long.MIN_VALUE, Long.MAX_VALUE, false);
  }

  /** A finite number in min..max. */
  public static SettingSpec number(String key, double min, double max) {
    return of(key, Type.DOUBLE, min, max, false);
  }

  /** A finite number above 0, at most max (learning rates, scales: 0 would mean nothing happens). */
  public static SettingSpec positive(String key, double max) {
    return of(key, Type.DOUBLE, 0, max, true);
  }

  /** true or false; Hadoop's getBoolean would silently take the default for anything else. */
  public static SettingSpec bool(String key) {
    return of(key, Type.BOOLEAN, 0, 0, false);
  }

  /** One of {@code values}, exactly (the code compares the value as it is). */
  public static SettingSpec oneOf(String key, String... values) {
    return new SettingSpec(key, Type.ENUM, false, false, 0, 0, false, List.of(values), false);
  }

  /** One of {@code values}, ignoring case and surrounding blanks (the code normalises them). */
  public static SettingSpec oneOfIgnoringCase(String key, String... values) {
    return new SettingSpec(key, Type.ENUM, false, false, 0, 0, false, List.of(values), true);
  }

  /** Free text (ids, rules checked where they are parsed, credential aliases: never echoed). */
  public static SettingSpec text(String key) {
    return of(key, Type.STRING, 0, 0, false);
  }

  /** Comma-separated list. */
  public static SettingSpec list(String key) {
    return of(key, Type.LIST, 0, 0, false);
  }

  /** A path on any Hadoop file system. */
  public static SettingSpec path(String key) {
    return of(key, Type.PATH, 0, 0, false);
  }

  /** A java.time zone id (UTC, Asia/Shanghai, +08:00). */
  public static SettingSpec zone(String key) {
    return of(key, Type.ZONE, 0, 0, false);
  }

  /** Every key that starts with {@code prefix} (free text values). */
  public static SettingSpec prefix(String prefix) {
    return new SettingSpec(prefix, Type.STRING, true, false, 0, 0, false, List.of(), false);
  }

  /** This spec, marked as set by a driver. */
  public SettingSpec setByDriver() {
    return new SettingSpec(key, type, prefix, true, min, max, minExclusive, values, ignoreCase);
  }

  /** Whether {@code name} is this setting (equal, or under the prefix). */
  public boolean matches(String name) {
    return prefix ? name.startsWith(key) && name.length() > key.length() : name.equals(key);
  }

  /** What is allowed, in words (also the "allowed" column of docs/config-keys.md). */
  public String allowed() {
    String s;
    switch (type) {
      case INT:
      case LONG:
        s = min == Long.MIN_VALUE && max == Long.MAX_VALUE ? "integer"
            : max == Long.MAX_VALUE ? "integer ≥ " + (long) min : "integer " + (long) min + ".." + (long) max;
        break;
      case DOUBLE:
        s = minExclusive ? "number > " + plain(min) + ", ≤ " + plain(max)
            : "number " + plain(min) + ".." + plain(max);
        break;
      case BOOLEAN:
        s = "true or false";
        break;
      case ENUM:
        s = "one of " + shown();
        break;
      case LIST:
        s = "comma-separated list";
        break;
      case PATH:
        s = "path";
        break;
      case ZONE:
        s = "time zone id";
        break;
      default:
        s = prefix ? "text, for any name after the prefix" : "text";
    }
    return setByDriver ? s + "; set by the driver" : s;
  }

  private String shown() {
    return String.join(", ", values.stream().map(v -> v.isEmpty() ? "(empty)" : v).toArray(String[]::new));
  }

  private static String plain(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  /** Why {@code value} is refused ("not an integer", "must be between 1 and 1000"), or null when it is fine. */
  public String problem(String value) {
    String v = value.trim();
    switch (type) {
      case INT:
      case LONG: {
        Long n = parseLong(v);
        if (n == null) {
          return "not an integer";
        }
        return n < min || n > max ? range() : null;
      }
      case DOUBLE: {
        double d;
        try {
          d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
          return "not a number";
        }
        if (!Double.isFinite(d)) {
          return "not a finite number";
        }
        return d < min || d > max || (minExclusive && d == min) ? range() : null;
      }
      case BOOLEAN:
        return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false") ? null : "must be true or false";
      case ENUM: {
        String x = ignoreCase ? v.toLowerCase(Locale.ROOT) : value;
        return values.contains(x) ? null : "must be one of " + shown();
      }
      case PATH:
        return v.isEmpty() ? "must be a path, not empty" : null;
      case ZONE:
        try {
          ZoneId.of(v);
          return null;
        } catch (DateTimeException e) {
          return "not a time zone id (e.g. UTC, Asia/Shanghai, +08:00)";
        }
      default:
        return null;
    }
  }

  private String range() {
    if (minExclusive) {
      return "must be above " + plain(min) + " and at most " + plain(max);
    }
    if (max == Long.MAX_VALUE) {
      return "must be at least " + (long) min;
    }
    return type == Type.DOUBLE ? "must be between " + plain(min) + " and " + plain(max)
        : "must be between " + (long) min + " and " + (long) max;
  }

  /** Hadoop's getLong syntax (decimal, or hex after 0x), null when it is not one; INT checks the range after. */
  private Long parseLong(String v) {
    try {
      boolean negative = v.startsWith("-");
      String digits = negative ? v.substring(1) : v;
      if (digits.startsWith("0x") || digits.startsWith("0X")) {
        long h = Long.parseLong(digits.substring(2), 16);
        return negative ? -h : h;
      }
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return key + " (" + allowed() + ")";
  }
}
