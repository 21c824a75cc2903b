package org.portrait.common.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Stopword lists. The bundled list ({@value #BUNDLED_RESOURCE}) is the union of the four goto456/stopwords lists
 * (baidu, cn, hit, scu; no licence file upstream, used with attribution). User lists add to it. Entries are
 * normalised with {@link TextNormalizer} so they match normalised tokens.
 *
 * <p>Negation words ({@link #NEGATIONS}) are in those lists but carry sentiment ("不好" segments as 不 + 好),
 * so by default they are taken out of the final set and survive stopword removal.
 */
public final class Stopwords {
  /** Class-path resource of the bundled list: one word per line, {@code "# "} comment lines. */
  public static final String BUNDLED_RESOURCE = "/portrait/stopwords-zh.txt";

  /** Negation words kept when negations are kept (the default). */
  public static final Set<String> NEGATIONS = Collections.unmodifiableSet(new LinkedHashSet<>(java.util.List.of(
      "不", "没", "没有", "别", "未", "无", "非", "莫", "勿", "毋", "否", "不是", "不要", "不会", "不能", "不可",
      "不用", "不必", "不大", "不曾", "不够", "不太", "不怎么", "没什么", "没用", "未必", "并不", "并没有", "从不", "从未",
      "绝不", "毫不", "决不")));

  private Stopwords() {}

  /** The bundled list, normalised (a fresh mutable set). */
  public static Set<String> bundled() {
    InputStream in = Stopwords.class.getResourceAsStream(BUNDLED_RESOURCE);
    if (in == null) {
      throw new IllegalStateException("bundled stopword list missing from the class path: " + BUNDLED_RESOURCE);
    }
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return read(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads one word per line: trimmed (also BOM and ideographic space), blank and {@code "# "} lines dropped. */
  public static Set<String> read(Reader reader) throws IOException {
    TextNormalizer norm = new TextNormalizer();
    Set<String> words = new HashSet<>();
    BufferedReader br = new BufferedReader(reader);
    String line;
    while ((line = br.readLine()) != null) {
      String w = strip(line);
      if (w.isEmpty() || line.startsWith("# ")) {
        continue;
      }
      words.add(strip(norm.normalize(w)));
    }
    return words;
  }

  /**
   * The effective set: {@code bundled} (when {@code useBundled}) plus {@code extra}, minus the negations when
   * {@code keepNegations}.
   */
  public static Set<String> effective(boolean useBundled, Set<String> extra, boolean keepNegations) {
    Set<String> out = useBundled ? bundled() : new HashSet<>();
    if (extra != null) {
      out.addAll(extra);
    }
    if (keepNegations) {
      out.removeAll(NEGATIONS);
    }
    return out;
  }

  /** Whether {@code word} is one of {@link #NEGATIONS}. */
  public static boolean isNegation(String word) {
    return NEGATIONS.contains(word);
  }

  private static String strip(String s) {
    int b = 0;
    int e = s.length();
    while (b < e && isBlank(s.charAt(b))) {
      b++;
    }
    while (e > b && isBlank(s.charAt(e - 1))) {
      e--;
    }
    return s.substring(b, e);
  }

  private static boolean isBlank(char c) {
    return Character.isWhitespace(c) || c == '\uFEFF' || c == '\u3000' || c == '\u00A0';
  }
}
