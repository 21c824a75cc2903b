package org.portrait.common.ingest;

/** Why ingest did not accept an input record (the {@code reason} column of the review_reject table). */
public enum RejectReason {
  /** The user id column is missing or blank. */
  MISSING_USER_ID,
  /** The text is missing or blank after clean-up. */
  EMPTY_TEXT,
  /** The cleaned text is longer than portrait.ingest.max-text-chars. */
  TEXT_TOO_LONG,
  /** The timestamp is present but not in a known format. */
  BAD_TIMESTAMP,
  /** The record's bytes are not valid UTF-8. */
  UNDECODABLE,
  /** Another record with the same review id was kept (the one first by source path, then position). */
  DUPLICATE_REVIEW_ID,
  /** A CSV/TSV record with a different number of fields than the header. */
  WRONG_COLUMN_COUNT,
  /** A record that cannot be parsed: bad JSON, broken quoting, bad label, non-object JSON. */
  MALFORMED
}
