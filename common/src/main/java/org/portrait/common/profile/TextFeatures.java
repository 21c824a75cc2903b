package org.portrait.common.profile;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Hashed bag-of-words features of one review for the classifiers: unigrams, bigrams and negation-scoped
 * unigrams ({@code NOT_好} for 好 within {@link #NEGATION_SCOPE} tokens after a negator), so "不好" and "好" differ.
 * Placeholder tokens such as {@code <PHONE>} are skipped. Values are 1/sqrt(n) so long reviews do not dominate.
 */
public final class TextFeatures {
  /** Tokens after a negator that carry the NOT_ prefix. */
  public static final int NEGATION_SCOPE = 3;
  static final Set<String> NEGATORS = Set.of("不", "没", "没有", "别", "无", "未", "非", "不是", "不会", "不能",
      "不要", "不太", "不够", "不怎么", "不算", "没什么", "毫无", "并不", "不再", "不用", "不值", "不行");

  private final int bits;
  private final int mask;

  public TextFeatures(int bits) {
    if (bits < 4 || bits > 26) {
      throw new IllegalArgumentException("feature bits must be in 4..26");
    }
    this.bits = bits;
    this.mask = (1 << bits) - 1;
  }

  public int bits() {
    return bits;
  }

  public int dimension() {
    return 1 << bits;
  }

  /** True for tokens that are masking placeholders (e.g. {@code <PHONE>}), never features or keywords. */
  public static boolean isPlaceholder(String t) {
    return t.length() > 2 && t.charAt(0) == '<' && t.charAt(t.length() - 1) == '>';
  }

  /** Sorted, de-duplicated feature indices of {@code tokens}; the last slot-free value is {@link #value}. */
  public int[] encode(List<? extends CharSequence> tokens) {
    int[] out = new int[tokens.size() * 3 + 1];
    int n = 0;
    out[n++] = 0; // bias feature: index 0 is reserved for it
    String prev = null;
    int negLeft = 0;
    for (CharSequence cs : tokens) {
      String t = cs.toString();
      if (t.isEmpty() || isPlaceholder(t)) {
        prev = null;
        continue;
      }
      out[n++] = index("u:" + t);
      if (prev != null) {
        out[n++] = index("b:" + prev + "_" + t);
      }
      if (NEGATORS.contains(t)) {
        negLeft = NEGATION_SCOPE;
      } else if (negLeft > 0) {
        out[n++] = index("NOT_" + t);
        negLeft--;
      }
      prev = t;
    }
    int[] f = Arrays.copyOf(out, n);
    Arrays.sort(f);
    int m = 0;
    for (int i = 0; i < f.length; i++) {
      if (m == 0 || f[i] != f[m - 1]) {
        f[m++] = f[i];
      }
    }
    return Arrays.copyOf(f, m);
  }

  /** The value every feature of an encoded review carries. */
  public static float value(int[] features) {
    return features.length == 0 ? 0f : (float) (1.0 / Math.sqrt(features.length));
  }

  int index(String s) {
    // 32-bit FNV-1a over UTF-8, then mask; index 0 stays the bias.
    int h = 0x811c9dc5;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= (b & 0xff);
      h *= 0x01000193;
    }
    int i = h & mask;
    return i == 0 ? 1 : i;
  }
}
