-- Hive 4 DDL of the profile_metrics table: Parquet files written by parquet-avro from the Avro schema
-- common/src/main/avro/ProfileMetric.avsc (columns in the same order and types; DdlSchemaAgreementTest checks it).
-- Location: <portrait.root>/<warehouse.path>/profile_metrics (hdfs-layout/layout.properties); one partition per run date.
CREATE EXTERNAL TABLE IF NOT EXISTS profile_metrics (
  `run_id` STRING,
  `metric` STRING COMMENT 'e.g. interest.micro_f1, sentiment.review.accuracy, embedding.rho.',
  `slice` STRING COMMENT 'What the figure is about: all, a category, a baseline name, an eval set.',
  `value` DOUBLE
)
COMMENT 'Row of the profile_metrics table.'
PARTITIONED BY (`dt` STRING COMMENT 'Run date, yyyy-MM-dd')
STORED AS PARQUET
LOCATION '/data/portrait/warehouse/profile_metrics';
