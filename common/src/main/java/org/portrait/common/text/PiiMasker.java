package org.portrait.common.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces personal data in (normalised) review text by placeholder tokens before anything is segmented or
 * stored: URLs (http/https/www.), e-mail addresses, PRC resident ID numbers (18 digits with an optional X
 * check character, or the 15-digit legacy form; region digits + a plausible birth date are required, the
 * check digit is not, so a mistyped ID is still masked), PRC mobile numbers ({@code 1[3-9]} + 9 digits, with
 * optional {@code +86}/{@code 0086}/{@code 86} prefix and space/dash separators) and landlines with an area
 * code ({@code 010-12345678}, {@code (0755)1234567}) or 400/800 service numbers.
 *
 * <p>Expects text from {@link TextNormalizer} (half-width, lower case). One regular expression with one
 * alternative per kind runs in a single pass, and only when a cheap scan finds an '@', a "www."/"http" or at
 * least seven digits: most reviews contain none of these and cost one character scan. Thread-safe.
 */
public final class PiiMasker {
  private static final String URL = "(?<url>(?:https?://|www\\.)[a-z0-9\\-._~:/?#@!$&*+;=%]+)";
  private static final String EMAIL = "(?<email>[a-z0-9][a-z0-9._%+\\-]*@[a-z0-9\\-]+(?:\\.[a-z0-9\\-]+)*\\.[a-z]{2,})";
  private static final String DATE = "(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])";
  private static final String ID = "(?<id>(?<![0-9])[1-9]\\d{5}(?:(?:18|19|20)\\d{2}" + DATE + "\\d{3}[0-9x]|\\d{2}"
      + DATE + "\\d{3})(?![0-9]))";
  private static final String PHONE = "(?<phone>(?<![0-9+])(?:(?:(?:\\+|00)?86[\\s-]?)?1[3-9]\\d[\\s-]?\\d{4}[\\s-]?\\d{4}"
      + "|\\(?0\\d{2,3}\\)?[\\s-]?\\d{7,8}"
      + "|[48]00[\\s-]?\\d{3}[\\s-]?\\d{4})(?![0-9]))";
  private static final Pattern ALL = Pattern.compile(URL + "|" + EMAIL + "|" + ID + "|" + PHONE);

  /**
   * Returns {@code text} with every match replaced by its kind's placeholder, surrounded by spaces so the
   * placeholder stays one token; {@code counts[kind.ordinal()]} is incremented per match (may be null).
   */
  public String mask(String text, long[] counts) {
    if (!mayContainPii(text)) {
      return text;
    }
    Matcher m = ALL.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length() + 16);
    int last = 0;
    do {
      PiiKind kind = m.start("url") >= 0 ? PiiKind.URL
          : m.start("email") >= 0 ? PiiKind.EMAIL
          : m.start("id") >= 0 ? PiiKind.ID : PiiKind.PHONE;
      sb.append(text, last, m.start()).append(' ').append(kind.placeholder()).append(' ');
      last = m.end();
      if (counts != null) {
        counts[kind.ordinal()]++;
      }
    } while (m.find());
    sb.append(text, last, text.length());
    return sb.toString();
  }

  /** Cheap pre-check: an '@', "www."/"http", or at least seven digits. */
  static boolean mayContainPii(String text) {
    int digits = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        if (++digits >= 7) {
          return true;
        }
      } else if (c == '@') {
        return true;
      } else if (c == 'w' || c == 'h') {
        if (text.startsWith("www.", i) || text.startsWith("http", i)) {
          return true;
        }
      }
    }
    return false;
  }
}
