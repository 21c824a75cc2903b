package org.portrait.jobs.ingest;

import org.portrait.common.ingest.RejectReason;
import org.portrait.common.text.PiiKind;

/**
 * Counters of the ingest job. Reconciliation: {@code RECORDS_READ = ACCEPTED + REJECTED}, and REJECTED is the
 * sum of the {@code REJECT_*} counters; the driver fails when either does not hold. {@code PII_*}: personal data
 * masked per {@link PiiKind}, in the texts (and reject details) of every record, accepted or not.
 */
public enum IngestCounters {
  /** Input records seen by the mappers (header rows and blank lines are not records). */
  RECORDS_READ,
  /** Header rows of CSV/TSV files (not records). */
  HEADER_ROWS,
  /** Reviews written to reviews/. */
  ACCEPTED,
  /** Records written to rejects/. */
  REJECTED,
  /** Accepted reviews without a timestamp (ts null; not a reject). */
  NO_TIMESTAMP,
  /** Accepted reviews whose id was derived from a content hash (the input had none). */
  DERIVED_REVIEW_ID,
  REJECT_MISSING_USER_ID,
  REJECT_EMPTY_TEXT,
  REJECT_TEXT_TOO_LONG,
  REJECT_BAD_TIMESTAMP,
  REJECT_UNDECODABLE,
  REJECT_DUPLICATE_REVIEW_ID,
  REJECT_WRONG_COLUMN_COUNT,
  REJECT_MALFORMED,
  PII_URL,
  PII_EMAIL,
  PII_ID,
  PII_PHONE,
  PII_QQ,
  PII_WECHAT,
  PII_BANK_CARD,
  PII_NUMBER,
  /** Raw records written to the quarantine (only with a quarantine folder). */
  QUARANTINED;

  /** The counter of a reject reason. */
  public static IngestCounters of(RejectReason reason) {
    return valueOf("REJECT_" + reason.name());
  }

  /** The counter of a PII kind. */
  public static IngestCounters of(PiiKind kind) {
    return valueOf("PII_" + kind.name());
  }
}
