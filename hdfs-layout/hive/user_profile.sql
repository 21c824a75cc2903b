-- Hive 4 DDL of the user_profile table: Parquet files written by parquet-avro from the Avro schema
-- common/src/main/avro/UserProfile.avsc (columns in the same order and types; DdlSchemaAgreementTest checks it).
-- Location: <portrait.root>/<warehouse.path>/user_profile (hdfs-layout/layout.properties); one partition per run date.
CREATE EXTERNAL TABLE IF NOT EXISTS user_profile (
  `user_key` STRING COMMENT 'Pseudonymised user id.',
  `review_count` INT,
  `token_count` BIGINT,
  `in_vocab_tokens` BIGINT COMMENT 'Tokens that had a word vector.',
  `first_ts` BIGINT,
  `last_ts` BIGINT,
  `vector` ARRAY<FLOAT> COMMENT 'L2-normalised weighted mean of word vectors; all zeros when no evidence.',
  `keywords` ARRAY<STRUCT<term:STRING,weight:FLOAT>> COMMENT 'Top terms by TF-IDF.',
  `interest_scores` MAP<STRING,FLOAT> COMMENT 'Score per interest category, 0..1.',
  `top_interests` ARRAY<STRING> COMMENT 'Categories scoring above the threshold, best first.',
  `interest_source` STRING COMMENT 'supervised or embedding.',
  `sentiment_score` FLOAT COMMENT 'Mean predicted probability that a review is positive.',
  `positive_share` FLOAT COMMENT 'Share of reviews predicted positive.',
  `sentiment_label` STRING COMMENT 'positive, neutral or negative.',
  `confidence` STRING COMMENT 'high, medium or low, from the evidence (in-vocabulary tokens).',
  `segment_id` INT COMMENT 'Published segment (user_segment.segment_id); -1 = other.',
  `summary` STRING COMMENT 'A short Chinese sentence generated from the fields.',
  `model_id` STRING COMMENT 'Identifier of the vectors and classifiers used.',
  `run_id` STRING
)
COMMENT 'Row of the user_profile table: one users profile built from their reviews.'
PARTITIONED BY (`dt` STRING COMMENT 'Run date, yyyy-MM-dd')
STORED AS PARQUET
LOCATION '/data/portrait/warehouse/user_profile';
