-- Hive 4 DDL of the word_vector table: Parquet files written by parquet-avro from the Avro schema
-- common/src/main/avro/WordVector.avsc (columns in the same order and types; DdlSchemaAgreementTest checks it).
-- Location: <portrait.root>/<warehouse.path>/word_vector (hdfs-layout/layout.properties); one partition per run date.
CREATE EXTERNAL TABLE IF NOT EXISTS word_vector (
  `word` STRING,
  `id` INT,
  `count` BIGINT,
  `vector` ARRAY<FLOAT>
)
COMMENT 'Row of the word_vector table: a trained GloVe vector (W + W~).'
PARTITIONED BY (`dt` STRING COMMENT 'Run date, yyyy-MM-dd')
STORED AS PARQUET
LOCATION '/data/portrait/warehouse/word_vector';
