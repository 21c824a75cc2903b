package org.portrait.jobs.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Review timestamps to epoch milliseconds (UTC). Accepted: ISO-8601 with offset or {@code Z}
 * ({@code 2024-03-01T12:00:00+08:00}), ISO-8601 local date-time ({@code 2024-03-01T12:00:00}), the same with a
 * space instead of {@code T} ({@code 2024-03-01 12:00:00}, optional fraction), a date ({@code 2024-03-01},
 * midnight), and epoch seconds or milliseconds (all digits: below 10^11 they are seconds, i.e. up to year 5138).
 * Local times are read in the configured zone (default UTC). Blank means no timestamp (null), not an error.
 */
public final class TimestampParser {
  private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
      .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
      .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .optionalEnd()
      .toFormatter();
  /** ISO date-time with a basic offset ({@code +0800}), which OffsetDateTime.parse does not take. */
  private static final DateTimeFormatter BASIC_OFFSET = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).appendOffset("+HHmm", "Z").toFormatter();
  private static final long SECONDS_LIMIT = 100_000_000_000L;

  private final ZoneId zone;

  public TimestampParser(ZoneId zone) {
    this.zone = zone;
  }

  /** Epoch milliseconds, or null for a blank value; a {@link DateTimeException} for anything unparsable. */
  public Long parse(String value) {
    if (value == null) {
      return null;
    }
    String s = value.trim();
    if (s.isEmpty()) {
      return null;
    }
    if (isInteger(s)) {
      long v;
      try {
        v = Long.parseLong(s);
      } catch (NumberFormatException e) {
        throw new DateTimeException("epoch value out of range: " + s);
      }
      return Math.abs(v) < SECONDS_LIMIT ? v * 1000L : v;
    }
    try {
      if (s.endsWith("Z") || s.endsWith("z") || hasOffset(s)) {
        String iso = s.replace(' ', 'T');
        if (iso.endsWith("z")) {
          iso = iso.substring(0, iso.length() - 1) + "Z";
        }
        try {
          return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
        } catch (DateTimeException e) {
          try {
            return OffsetDateTime.parse(iso, BASIC_OFFSET).toInstant().toEpochMilli();
          } catch (DateTimeException e2) {
            return ZonedDateTime.parse(iso).toInstant().toEpochMilli();
          }
        }
      }
      if (s.length() == 10) {
        return LocalDate.parse(s).atStartOfDay(zone).toInstant().toEpochMilli();
      }
      return LocalDateTime.parse(s, LOCAL).atZone(zone).toInstant().toEpochMilli();
    } catch (DateTimeException e) {
      throw new DateTimeException("unparsable timestamp: " + s);
    }
  }

  private static boolean isInteger(String s) {
    int start = s.charAt(0) == '-' ? 1 : 0;
    if (start == s.length()) {
      return false;
    }
    for (int i = start; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** True for a trailing {@code +hh:mm}/{@code -hh:mm}/{@code +hhmm} offset or a {@code [zone]}, after the time. */
  private static boolean hasOffset(String s) {
    if (s.endsWith("]")) {
      return true;
    }
    int t = Math.max(s.indexOf('T'), s.indexOf(' '));
    if (t < 0) {
      return false;
    }
    return s.indexOf('+', t) > 0 || s.indexOf('-', t) > 0;
  }

  /** For messages: the instant as ISO-8601. */
  static String format(long millis) {
    return Instant.ofEpochMilli(millis).toString();
  }
}
