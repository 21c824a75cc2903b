-- Hive 4 DDL of the lookalike table: Parquet files written by parquet-avro from the Avro schema
-- common/src/main/avro/Lookalike.avsc (columns in the same order and types; DdlSchemaAgreementTest checks it).
-- Location: <portrait.root>/<warehouse.path>/lookalike (hdfs-layout/layout.properties); one partition per run date,
-- one file per audience in it.
CREATE EXTERNAL TABLE IF NOT EXISTS lookalike (
  `audience_id` STRING COMMENT 'The audience: given with --audience, or derived from the seeds and the options.',
  `user_key` STRING COMMENT 'Pseudonymised user id, as in user_profile (never a seed).',
  `score` DOUBLE COMMENT 'Cosine of the profile vector of the user to the centroid of the seed vectors.',
  `rank` INT COMMENT '1 = most like the seeds; ties by user key.'
)
COMMENT 'Row of the lookalike table: one user of a lookalike audience, the users most like a seed audience by profile vector.'
PARTITIONED BY (`dt` STRING COMMENT 'Run date, yyyy-MM-dd')
STORED AS PARQUET
LOCATION '/data/portrait/warehouse/lookalike';
