package org.portrait.common.text;

/** Kinds of personal data masked before segmentation, each with the placeholder token that replaces it. */
public enum PiiKind {
  URL("<URL>"),
  EMAIL("<EMAIL>"),
  ID("<ID>"),
  PHONE("<PHONE>");

  private final String placeholder;

  PiiKind(String placeholder) {
    this.placeholder = placeholder;
  }

  /** The token written in place of the masked text, e.g. {@code <PHONE>}. */
  public String placeholder() {
    return placeholder;
  }

  /** The kind whose placeholder starts at {@code pos} of {@code s}, or null. */
  public static PiiKind placeholderAt(CharSequence s, int pos) {
    for (PiiKind k : values()) {
      String p = k.placeholder;
      if (pos + p.length() <= s.length()) {
        boolean same = true;
        for (int i = 0; i < p.length() && same; i++) {
          same = s.charAt(pos + i) == p.charAt(i);
        }
        if (same) {
          return k;
        }
      }
    }
    return null;
  }
}
