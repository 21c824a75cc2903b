package org.portrait.common.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * Streams records from a character stream: a record ends at a line break outside quotes, so quoted fields may
 * span lines. A leading byte-order mark is skipped; blank lines are not records. The record splitter follows
 * the same rule as {@link Csv#parse} (a quote opens a quoted field only at the start of a field).
 */
public final class CsvReader implements AutoCloseable {
  private final Reader in;
  private final char delimiter;
  private final StringBuilder record = new StringBuilder();
  private boolean first = true;
  private int pushback = -2;
  private long recordNumber;

  public CsvReader(Reader in, char delimiter) {
    this.in = in;
    this.delimiter = delimiter;
  }

  private int read() throws IOException {
    if (pushback != -2) {
      int c = pushback;
      pushback = -2;
      return c;
    }
    return in.read();
  }

  /** The next raw record (without its line break), or null at the end. */
  public String nextRaw() throws IOException {
    while (true) {
      record.setLength(0);
      boolean inQuotes = false;
      boolean fieldStart = true;
      int c;
      boolean any = false;
      while ((c = read()) != -1) {
        any = true;
        if (first) {
          first = false;
          if (c == Csv.BOM) {
            continue;
          }
        }
        if (inQuotes) {
          if (c == '"') {
            int d = read();
            if (d == '"') {
              record.append("\"\"");
              continue;
            }
            pushback = d;
            inQuotes = false;
          }
          record.append((char) c);
          continue;
        }
        if (c == '\n') {
          break;
        }
        if (c == '"' && fieldStart) {
          inQuotes = true;
        }
        fieldStart = c == delimiter;
        record.append((char) c);
      }
      if (!any) {
        return null;
      }
      int len = record.length();
      if (len > 0 && record.charAt(len - 1) == '\r') {
        record.setLength(len - 1);
      }
      if (record.length() == 0) {
        if (c == -1) {
          return null;
        }
        continue; // blank line
      }
      recordNumber++;
      return record.toString();
    }
  }

  /** The next record split into fields, or null at the end. */
  public List<String> next() throws IOException, Csv.MalformedRecordException {
    String raw = nextRaw();
    return raw == null ? null : Csv.parse(raw, delimiter);
  }

  /** Records returned so far. */
  public long recordNumber() {
    return recordNumber;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
