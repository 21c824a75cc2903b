package org.portrait.common.text;

import java.text.Normalizer;

/**
 * Character-level normalisation applied before PII masking and segmentation: full-width ASCII forms
 * (U+FF01..U+FF5E) become their half-width letters, digits and punctuation, the ideographic space becomes a
 * space, Latin letters are lower-cased, and Unicode NFKC is applied only when the text holds a character from a
 * compatibility block (circled numbers, ligatures, half-width katakana, CJK compatibility forms, ...). Chinese
 * characters are kept as they are.
 *
 * <p>Why NFKC only "where safe": a blanket NFKC pass over every review costs a full extra scan and buys nothing
 * for plain CJK text, so a single pass does the common mappings by hand and marks the rare texts that need
 * the library. Stateless and thread-safe.
 */
public final class TextNormalizer {

  /** Normalises {@code text}; null becomes the empty string. */
  public String normalize(String text) {
    if (text == null) {
      return "";
    }
    int n = text.length();
    char[] out = null;
    boolean needsNfkc = false;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      char m = c;
      if (c >= 'A' && c <= 'Z') {
        m = (char) (c + 32);
      } else if (c >= '\uFF01' && c <= '\uFF5E') {
        m = (char) (c - 0xFEE0);
        if (m >= 'A' && m <= 'Z') {
          m = (char) (m + 32);
        }
      } else if (c == '\u3000') {
        m = ' ';
      } else if (c >= 0x80 && isCompatibility(c)) {
        needsNfkc = true;
      }
      if (m != c) {
        if (out == null) {
          out = text.toCharArray();
        }
        out[i] = m;
      }
    }
    String result = out == null ? text : new String(out);
    if (needsNfkc) {
      // NFKC may map to upper-case Latin (e.g. Ⓐ -> A, ℡ -> TEL): lower-case once more.
      result = Normalizer.normalize(result, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
    }
    return result;
  }

  /** Blocks whose characters have compatibility decompositions that NFKC folds to plain forms. */
  static boolean isCompatibility(char c) {
    return (c >= '\u00A0' && c <= '\u00BF' && c != '\u00B7')   // nbsp, superscripts, fractions (keep middle dot)
        || (c >= '\u2000' && c <= '\u200A')                    // typographic spaces
        || (c >= '\u2070' && c <= '\u209F')                    // super/subscripts
        || (c >= '\u2100' && c <= '\u218F')                    // letterlike symbols, roman numerals
        || (c >= '\u2460' && c <= '\u24FF')                    // circled / parenthesised numbers and letters
        || (c >= '\u2F00' && c <= '\u2FDF')                    // Kangxi radicals
        || (c >= '\u3200' && c <= '\u33FF')                    // enclosed CJK, CJK compatibility (㎡, ㈱)
        || (c >= '\uF900' && c <= '\uFAFF')                    // CJK compatibility ideographs
        || (c >= '\uFB00' && c <= '\uFB4F')                    // Latin ligatures
        || (c >= '\uFE10' && c <= '\uFE1F')                    // vertical forms
        || (c >= '\uFE30' && c <= '\uFE6F')                    // CJK compatibility forms, small forms
        || (c >= '\uFF5F' && c <= '\uFFEF');                   // half-width katakana/hangul, full-width signs
  }
}
