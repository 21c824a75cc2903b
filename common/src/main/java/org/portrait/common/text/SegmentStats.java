package org.portrait.common.text;

/**
 * Running totals of one {@link ReviewSegmenter} user (e.g. one map task), turned into job counters at the end.
 * Not thread-safe: one instance per thread.
 */
public final class SegmentStats {
  /** Characters of the input texts (before normalisation). */
  public long chars;
  /** Tokens kept. */
  public long tokens;
  /** Tokens removed because they are stopwords. */
  public long stopwordsRemoved;
  /** Punctuation-only / whitespace tokens removed. */
  public long punctuationRemoved;
  /** Tokens removed by the part-of-speech keep-list. */
  public long posFiltered;
  /** Masked PII per {@link PiiKind#ordinal()}. */
  public final long[] pii = new long[PiiKind.values().length];

  /** Total PII matches of all kinds. */
  public long piiTotal() {
    long t = 0;
    for (long v : pii) {
      t += v;
    }
    return t;
  }
}
