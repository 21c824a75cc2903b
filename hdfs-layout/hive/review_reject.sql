-- Hive 4 DDL of the review_reject table: Parquet files written by parquet-avro from the Avro schema
-- common/src/main/avro/ReviewReject.avsc (columns in the same order and types; DdlSchemaAgreementTest checks it).
-- Location: <portrait.root>/<warehouse.path>/review_reject (hdfs-layout/layout.properties); one partition per run date.
-- No raw records here (they may hold PII): ingest keeps them, when asked to, only in the quarantine area.
CREATE EXTERNAL TABLE IF NOT EXISTS review_reject (
  `reason` STRING COMMENT 'Reason code, one of RejectReason (MISSING_USER_ID, EMPTY_TEXT, TEXT_TOO_LONG, BAD_TIMESTAMP, UNDECODABLE, DUPLICATE_REVIEW_ID, WRONG_COLUMN_COUNT, MALFORMED).',
  `detail` STRING COMMENT 'Human-readable explanation (PII-masked).',
  `source` STRING COMMENT 'Input file the record came from.',
  `position` BIGINT COMMENT 'Byte offset (text input) or record number (Avro input) in the source.',
  `user_key` STRING COMMENT 'Pseudonymised user id (HMAC-SHA256, as in reviews); null when the user id could not be read.',
  `text` STRING COMMENT 'The review text of the record, cleaned and PII-masked, truncated to a configured size; null when the text could not be read.'
)
COMMENT 'An input record that ingest did not accept, with why; rows of the review_reject table. Never the raw record: that goes, when kept at all, to the quarantine area.'
PARTITIONED BY (`dt` STRING COMMENT 'Run date, yyyy-MM-dd')
STORED AS PARQUET
LOCATION '/data/portrait/warehouse/review_reject';
