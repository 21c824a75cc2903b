-- Hive 4 DDL of the user_segment table: Parquet files written by parquet-avro from the Avro schema
-- common/src/main/avro/UserSegment.avsc (columns in the same order and types; DdlSchemaAgreementTest checks it).
-- Location: <portrait.root>/<warehouse.path>/user_segment (hdfs-layout/layout.properties); one partition per run date.
CREATE EXTERNAL TABLE IF NOT EXISTS user_segment (
  `segment_id` INT,
  `size` INT,
  `top_interests` ARRAY<STRING>,
  `top_keywords` ARRAY<STRING>,
  `centroid` ARRAY<FLOAT>,
  `suppressed` BOOLEAN COMMENT 'True only for segment -1 with fewer users than the k-anonymity size: published for its size alone, without centroid, interests or keywords.',
  `run_id` STRING
)
COMMENT 'Row of the user_segment table: one published k-means segment (segments under the k-anonymity size are merged into segment -1, other).'
PARTITIONED BY (`dt` STRING COMMENT 'Run date, yyyy-MM-dd')
STORED AS PARQUET
LOCATION '/data/portrait/warehouse/user_segment';
