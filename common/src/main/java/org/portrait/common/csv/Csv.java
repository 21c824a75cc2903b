package org.portrait.common.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 style CSV/TSV fields: a field may be quoted with {@code "}, a quote inside a quoted field is doubled,
 * and a quoted field may hold delimiters and line breaks. Lenient where data is commonly sloppy: a quote inside an
 * unquoted field is a literal character. Strict where guessing would lose data: text after a closing quote, or a
 * quote that never closes, makes the record malformed.
 */
public final class Csv {
  /** The byte-order mark some tools put at the start of a UTF-8 file. */
  public static final char BOM = '\uFEFF';

  private Csv() {}

  /** A record that cannot be split into fields. */
  public static final class MalformedRecordException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedRecordException(String message) {
      super(message);
    }
  }

  /**
   * Splits one complete record (without its final line break; it may contain line breaks inside quotes) into
   * fields. A trailing {@code \r} is dropped.
   */
  public static List<String> parse(String record, char delimiter) throws MalformedRecordException {
    List<String> fields = new ArrayList<>();
    int n = record.length();
    if (n > 0 && record.charAt(n - 1) == '\r') {
      n--;
    }
    StringBuilder field = new StringBuilder();
    int i = 0;
    while (true) {
      field.setLength(0);
      if (i < n && record.charAt(i) == '"') {
        i++;
        boolean closed = false;
        while (i < n) {
          char c = record.charAt(i);
          if (c == '"') {
            if (i + 1 < n && record.charAt(i + 1) == '"') {
              field.append('"');
              i += 2;
            } else {
              i++;
              closed = true;
              break;
            }
          } else {
            field.append(c);
            i++;
          }
        }
        if (!closed) {
          throw new MalformedRecordException("unterminated quoted field " + (fields.size() + 1));
        }
        if (i < n && record.charAt(i) != delimiter) {
          throw new MalformedRecordException("text after closing quote in field " + (fields.size() + 1));
        }
      } else {
        while (i < n && record.charAt(i) != delimiter) {
          field.append(record.charAt(i));
          i++;
        }
      }
      fields.add(field.toString());
      if (i >= n) {
        return fields;
      }
      i++; // the delimiter
    }
  }

  /** One field, quoted when it holds the delimiter, a quote, a line break, or leading/trailing spaces. */
  public static String quote(String field, char delimiter) {
    if (field == null) {
      return "";
    }
    boolean needs = !field.isEmpty() && (Character.isWhitespace(field.charAt(0))
        || Character.isWhitespace(field.charAt(field.length() - 1)));
    for (int i = 0; i < field.length() && !needs; i++) {
      char c = field.charAt(i);
      needs = c == delimiter || c == '"' || c == '\n' || c == '\r';
    }
    return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
  }

  /** A full record line (without line break) from {@code fields}. */
  public static String join(List<String> fields, char delimiter) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        sb.append(delimiter);
      }
      sb.append(quote(fields.get(i), delimiter));
    }
    return sb.toString();
  }
}
