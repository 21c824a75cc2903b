package org.portrait.jobs.ingest;

/**
 * Unicode clean-up of review text at ingest: byte-order marks and zero-width characters removed, other control
 * characters turned into spaces, every run of whitespace (including U+3000 and no-break spaces) collapsed to one
 * ASCII space, and the result trimmed. Full/half-width folding is left to segment, which owns normalisation.
 */
public final class TextCleaner {
  private TextCleaner() {}

  /** Cleaned text; null stays null. */
  public static String clean(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder(s.length());
    boolean pendingSpace = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isInvisible(c)) {
        continue;
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
        pendingSpace = sb.length() > 0;
        continue;
      }
      if (pendingSpace) {
        sb.append(' ');
        pendingSpace = false;
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /** BOM, zero-width space/joiners, word joiner, soft hyphen, and similar format characters. */
  static boolean isInvisible(char c) {
    return c == '\uFEFF' || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\u00AD'
        || c == '\u180E' || c == '\u200E' || c == '\u200F';
  }
}
