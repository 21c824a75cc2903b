/**
 * The ingest stage: raw reviews to validated, normalised, de-duplicated, pseudonymised {@code Review} Avro files.
 *
 * <p>Flow: {@link org.portrait.jobs.ingest.IngestInputFormat} reads each file in its format (CSV/TSV whole, with
 * quoted line breaks; JSON Lines split like text; Avro rendered as JSON); {@link org.portrait.jobs.ingest.IngestMapper}
 * decodes (strict UTF-8), takes the header of a delimited file, and validates each record with
 * {@link org.portrait.jobs.ingest.ReviewParser}; {@link org.portrait.jobs.ingest.IngestReducer} keeps the first
 * record per review id and writes reviews/ (Avro) and rejects/ (Parquet review_reject rows).
 *
 * <p>Reject reasons ({@link org.portrait.common.ingest.RejectReason}), checked in this order: UNDECODABLE,
 * MALFORMED (broken quoting, bad JSON) / WRONG_COLUMN_COUNT, MISSING_USER_ID, EMPTY_TEXT (after clean-up),
 * TEXT_TOO_LONG, BAD_TIMESTAMP, MALFORMED (bad label); DUPLICATE_REVIEW_ID in the reducer. Not records (and not
 * counted as read): header rows, blank lines.
 *
 * <p>Privacy: the raw user id is used for two things in the mapper only - its HMAC-SHA256 pseudonym (the
 * {@code user_key}) and its train/test split ({@link org.portrait.common.UserSplit}) - and is stored nowhere. The
 * text is PII-masked ({@link org.portrait.common.text.PiiMasker}) in the mapper, before anything is written or
 * shuffled, and counted per kind ({@code PII_*} counters). Reject rows keep the user key and the masked text,
 * never the raw record; raw records travel and are written only when a quarantine folder is given
 * ({@link org.portrait.jobs.ingest.IngestDriver#QUARANTINE}, mode 700, files 600). The public development
 * pseudonym key is refused for output on a cluster file system unless
 * {@link org.portrait.jobs.ingest.IngestDriver#ALLOW_DEVELOPMENT_KEY} is set. A run that accepts no record (an
 * empty input included) fails with a user error naming the reject counts and the format and column settings.
 *
 * <p>Config keys: see the constants of {@link org.portrait.jobs.ingest.IngestDriver}.
 */
package org.portrait.jobs.ingest;
