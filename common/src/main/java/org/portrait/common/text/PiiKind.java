package org.portrait.common.text;

/**
 * Kinds of personal data masked at ingest and again before segmentation, each with the placeholder token that
 * replaces it. The placeholders name the kind only, so as tokens (and vocabulary words) they leak nothing.
 */
public enum PiiKind {
  URL("<URL>"),
  EMAIL("<EMAIL>"),
  ID("<ID>"),
  PHONE("<PHONE>"),
  /** A QQ number, recognised only after a cue word (QQ, 扣扣, 企鹅): a bare 5-10 digit number is no QQ. */
  QQ("<QQ>"),
  /** A WeChat id after a cue word (微信, vx, wx, V信, 威信, ...). */
  WECHAT("<WECHAT>"),
  /** A 16-19 digit bank card number that passes the Luhn check. */
  BANK_CARD("<CARD>"),
  /** Any other run of 11 or more digits (account, order or tracking numbers may identify a person). */
  NUMBER("<NUM>");

  private final String placeholder;

  PiiKind(String placeholder) {
    this.placeholder = placeholder;
  }

  /** The token written in place of the masked text, e.g. {@code <PHONE>}. */
  public String placeholder() {
    return placeholder;
  }

  /**
   * The kind whose placeholder starts at {@code pos} of {@code s}, or null. ASCII case is ignored: text masked
   * at ingest holds {@code <PHONE>}, which {@link TextNormalizer} lower-cases before segmentation.
   */
  public static PiiKind placeholderAt(CharSequence s, int pos) {
    for (PiiKind k : values()) {
      String p = k.placeholder;
      if (pos + p.length() <= s.length()) {
        boolean same = true;
        for (int i = 0; i < p.length() && same; i++) {
          char c = s.charAt(pos + i);
          same = (c >= 'a' && c <= 'z' ? (char) (c - 32) : c) == p.charAt(i);
        }
        if (same) {
          return k;
        }
      }
    }
    return null;
  }
}
