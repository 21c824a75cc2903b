package org.portrait.jobs.segment;

import org.portrait.common.text.PiiKind;

/** Counters of the segment job (written to {@code _counters.json} of its output). */
public enum SegmentCounters {
  /** Review records read. */
  REVIEWS_IN,
  /** TokenizedReview records written (= REVIEWS_IN - REVIEWS_INVALID). */
  REVIEWS_OUT,
  /** Records without review_id or user_key: cannot be keyed downstream, dropped and counted here. */
  REVIEWS_INVALID,
  /** Reviews whose text was null or blank (written with an empty token list). */
  BLANK_TEXT,
  /** Reviews with no token left after segmentation and filtering (written with an empty token list). */
  EMPTY_AFTER_SEGMENT,
  /** Characters of the review texts. */
  CHARS,
  /** Tokens written. */
  TOKENS,
  /** Tokens removed as stopwords. */
  STOPWORDS_REMOVED,
  /** Punctuation-only / whitespace tokens removed. */
  PUNCTUATION_REMOVED,
  /** Tokens removed by the part-of-speech keep-list. */
  POS_FILTERED,
  /** Masked phone numbers. */
  PII_PHONE,
  /** Masked e-mail addresses. */
  PII_EMAIL,
  /** Masked ID numbers. */
  PII_ID,
  /** Masked URLs. */
  PII_URL,
  /** Masked QQ numbers (ingest masks first, so these count what ingest did not see, e.g. older staging data). */
  PII_QQ,
  /** Masked WeChat ids. */
  PII_WECHAT,
  /** Masked bank card numbers. */
  PII_BANK_CARD,
  /** Masked other long numbers (11+ digits). */
  PII_NUMBER;

  /** The counter of a PII kind. */
  public static SegmentCounters of(PiiKind kind) {
    return valueOf("PII_" + kind.name());
  }
}
