-- Hive 4 DDL of the review_reject table: Parquet files written by parquet-avro from the Avro schema
-- common/src/main/avro/ReviewReject.avsc (columns in the same order and types; DdlSchemaAgreementTest checks it).
-- Location: <portrait.root>/<warehouse.path>/review_reject (hdfs-layout/layout.properties); one partition per run date.
CREATE EXTERNAL TABLE IF NOT EXISTS review_reject (
  `reason` STRING COMMENT 'Reason code, one of RejectReason (MISSING_USER_ID, EMPTY_TEXT, TEXT_TOO_LONG, BAD_TIMESTAMP, UNDECODABLE, DUPLICATE_REVIEW_ID, WRONG_COLUMN_COUNT, MALFORMED).',
  `detail` STRING COMMENT 'Human-readable explanation.',
  `source` STRING COMMENT 'Input file the record came from.',
  `position` BIGINT COMMENT 'Byte offset (text input) or record number (Avro input) in the source.',
  `raw` STRING COMMENT 'The raw record as read (undecodable bytes replaced by U+FFFD), truncated to a configured size.'
)
COMMENT 'An input record that ingest did not accept, with why; rows of the review_reject table.'
PARTITIONED BY (`dt` STRING COMMENT 'Run date, yyyy-MM-dd')
STORED AS PARQUET
LOCATION '/data/portrait/warehouse/review_reject';
