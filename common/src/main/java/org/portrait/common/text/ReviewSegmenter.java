package org.portrait.common.text;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Turns one review text into tokens: {@link TextNormalizer} → Traditional to Simplified Chinese (on by default)
 * → {@link PiiMasker} → HanLP Viterbi segmentation
 * → drop whitespace/punctuation-only tokens → stopword removal (negations kept by default) → optional
 * part-of-speech keep-list.
 *
 * <p>PII placeholders never reach HanLP: the masked text is cut around them, the pieces are segmented, and
 * each placeholder is emitted as one token (HanLP happens to keep {@code <PHONE>} whole between Chinese
 * characters, but would glue it to adjacent Latin letters or digits). Placeholders are never stopwords and pass
 * the POS filter. Placeholders are found ignoring ASCII case: ingest already masked the stored text and the
 * normaliser lower-cases its {@code <PHONE>}. A literal {@code <PHONE>} typed by a user is indistinguishable
 * from a mask, which is harmless.
 *
 * <p>Build one per task (HanLP's dictionaries load once per JVM; the {@link Segment} is thread-safe).
 */
public final class ReviewSegmenter {
  private final TextNormalizer normalizer = new TextNormalizer();
  private final PiiMasker masker = new PiiMasker();
  private final Segment segment;
  private final Set<String> stopwords;
  private final String[] posKeep;
  private final boolean toSimplified;

  /**
   * @param stopwords words to remove (already the effective set, see {@link Stopwords#effective}); empty or
   *     null to remove none
   * @param posKeep HanLP nature prefixes to keep (e.g. {@code n, v, a}); empty or null keeps every nature
   */
  public ReviewSegmenter(Set<String> stopwords, Collection<String> posKeep) {
    this(stopwords, posKeep, true);
  }

  /**
   * As above; {@code toSimplified} converts Traditional Chinese to Simplified (HanLP's t2s dictionary) before
   * segmentation, so 熱水器 and 热水器 are one word (HanLP's dictionaries are Simplified: Traditional text would be
   * cut into single characters).
   */
  public ReviewSegmenter(Set<String> stopwords, Collection<String> posKeep, boolean toSimplified) {
    this.toSimplified = toSimplified;
    this.segment = newSegment();
    this.stopwords = stopwords == null ? Set.of() : stopwords;
    this.posKeep = posKeep == null ? new String[0] : posKeep.stream().map(String::trim)
        .filter(s -> !s.isEmpty()).toArray(String[]::new);
  }

  /** The HanLP segmenter every Portrait component uses (Viterbi, HanLP's defaults). */
  public static Segment newSegment() {
    return HanLP.newSegment();
  }

  /**
   * Adds user dictionary words to HanLP's (JVM-wide) CustomDictionary: one entry per line, {@code word} or
   * {@code word nature freq ...} as in HanLP's own dictionary files; blank and {@code #} lines skipped.
   * Returns the number of entries added.
   */
  public static int addUserDictionary(Iterable<String> lines) {
    TextNormalizer norm = new TextNormalizer();
    int added = 0;
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+", 2);
      String word = norm.normalize(parts[0]);
      boolean ok = parts.length == 2 ? CustomDictionary.insert(word, parts[1]) : CustomDictionary.insert(word);
      if (ok) {
        added++;
      }
    }
    return added;
  }

  /** Tokens of {@code text} (null counts as empty). */
  public List<String> tokens(String text, SegmentStats stats) {
    List<String> out = new ArrayList<>();
    tokens(text, out, stats);
    return out;
  }

  /** Appends the tokens of {@code text} to {@code out}; updates {@code stats}. */
  public void tokens(String text, List<String> out, SegmentStats stats) {
    if (text == null || text.isEmpty()) {
      return;
    }
    stats.chars += text.length();
    String normal = normalizer.normalize(text);
    if (toSimplified && hasHan(normal)) {
      normal = HanLP.convertToSimplifiedChinese(normal);
    }
    String masked = masker.mask(normal, stats.pii);
    int from = 0;
    int lt = masked.indexOf('<');
    while (lt >= 0) {
      PiiKind kind = PiiKind.placeholderAt(masked, lt);
      if (kind != null) {
        segmentPiece(masked.substring(from, lt), out, stats);
        out.add(kind.placeholder());
        stats.tokens++;
        from = lt + kind.placeholder().length();
        lt = masked.indexOf('<', from);
      } else {
        lt = masked.indexOf('<', lt + 1);
      }
    }
    segmentPiece(from == 0 ? masked : masked.substring(from), out, stats);
  }

  /** Whether {@code s} holds a CJK ideograph (else conversion has nothing to do). */
  private static boolean hasHan(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '\u3400' && c <= '\u9FFF' || c >= '\uF900' && c <= '\uFAFF') {
        return true;
      }
    }
    return false;
  }

  private void segmentPiece(String piece, List<String> out, SegmentStats stats) {
    if (piece.isBlank()) {
      return;
    }
    for (Term term : segment.seg(piece)) {
      String word = clean(term.word);
      if (word == null) {
        stats.punctuationRemoved++;
      } else if (stopwords.contains(word)) {
        stats.stopwordsRemoved++;
      } else if (posKeep.length > 0 && !keepNature(term)) {
        stats.posFiltered++;
      } else {
        out.add(word);
        stats.tokens++;
      }
    }
  }

  private boolean keepNature(Term term) {
    String nature = term.nature == null ? "" : term.nature.toString();
    for (String p : posKeep) {
      if (nature.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The token as stored: null when it has no letter or digit (punctuation, symbols, whitespace); inner
   * whitespace becomes '_' so a token never contains a space (the plain-text export is space-separated).
   */
  static String clean(String word) {
    boolean hasLetterOrDigit = false;
    boolean hasSpace = false;
    for (int i = 0, n = word.length(); i < n; i++) {
      char c = word.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        hasLetterOrDigit = true;
      } else if (Character.isWhitespace(c)) {
        hasSpace = true;
      }
    }
    if (!hasLetterOrDigit) {
      return null;
    }
    return hasSpace ? word.strip().replaceAll("\\s+", "_") : word;
  }
}
