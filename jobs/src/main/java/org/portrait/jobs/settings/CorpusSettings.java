package org.portrait.jobs.settings;

import static org.portrait.jobs.settings.SettingSpec.bool;
import static org.portrait.jobs.settings.SettingSpec.integer;
import static org.portrait.jobs.settings.SettingSpec.list;
import static org.portrait.jobs.settings.SettingSpec.longInteger;
import static org.portrait.jobs.settings.SettingSpec.number;
import static org.portrait.jobs.settings.SettingSpec.oneOf;
import static org.portrait.jobs.settings.SettingSpec.oneOfIgnoringCase;
import static org.portrait.jobs.settings.SettingSpec.path;
import static org.portrait.jobs.settings.SettingSpec.prefix;
import static org.portrait.jobs.settings.SettingSpec.text;
import static org.portrait.jobs.settings.SettingSpec.zone;

import java.util.List;
import org.portrait.common.gates.GateThresholds;
import org.portrait.common.layout.PortraitLayout;
import org.portrait.common.privacy.PseudonymKey;
import org.portrait.jobs.PortraitTool;
import org.portrait.jobs.cooccur.CooccurDriver;
import org.portrait.jobs.ingest.IngestDriver;
import org.portrait.jobs.pipeline.PipelineDriver;
import org.portrait.jobs.segment.SegmentConf;
import org.portrait.jobs.vocab.VocabDriver;

/**
 * Settings of the stages that turn reviews into a corpus (ingest, segment, vocab, cooccur) and the general ones
 * (meaning and defaults: the constants' javadoc).
 */
final class CorpusSettings {
  private CorpusSettings() {}

  static List<SettingSpec> specs() {
    return List.of(
        path(PortraitLayout.ROOT_KEY),
        path(PortraitTool.LOG_FILE_PROPERTY),
        integer(PipelineDriver.LOCK_MAX_AGE_HOURS, 1, 8760),
        // The value may be the HMAC key itself (Configuration.getPassword falls back to it): text, never echoed.
        text(PseudonymKey.KEY),
        path(GateThresholds.FILE),

        oneOfIgnoringCase(IngestDriver.FORMAT, "auto", "csv", "tsv", "jsonl", "avro"),
        prefix(IngestDriver.COLUMN_PREFIX),
        integer(IngestDriver.MAX_TEXT_CHARS, 1, 10000000),
        integer(IngestDriver.MAX_RAW_CHARS, 0, 10000000),
        // An unclosed quote is given up after this many bytes: at least 1 KiB, at most 1 GiB (one int buffer).
        integer(IngestDriver.MAX_RECORD_BYTES, 1024, 1073741824),
        number(IngestDriver.TEST_SHARE, 0, 1),
        zone(IngestDriver.TIMEZONE),
        integer(IngestDriver.REDUCERS, 1, 10000),
        bool(IngestDriver.ALLOW_DEVELOPMENT_KEY),
        path(IngestDriver.QUARANTINE),

        bool(SegmentConf.STOPWORDS_REMOVE),
        bool(SegmentConf.STOPWORDS_BUNDLED),
        list(SegmentConf.STOPWORDS_FILES),
        bool(SegmentConf.KEEP_NEGATIONS),
        list(SegmentConf.STOPWORDS_KEEP),
        list(SegmentConf.POS_KEEP),
        list(SegmentConf.USER_DICT),
        bool(SegmentConf.TO_SIMPLIFIED),
        longInteger(SegmentConf.SPLIT_MAX_BYTES, 0, Long.MAX_VALUE),
        integer(SegmentConf.MIN_SPLITS, 1, 10000),

        longInteger(VocabDriver.MIN_COUNT, 0, 1000000000),
        integer(VocabDriver.MAX_VOCAB, 0, 100000000),
        // VocabMapper: empty or "all" counts every review.
        oneOf(VocabDriver.SPLIT, "", "all", "train", "test"),
        integer(VocabDriver.REDUCERS, 1, 10000),

        path(CooccurDriver.VOCAB).setByDriver(),
        integer(CooccurDriver.WINDOW, 1, 100),
        // 0 flushes after every record (slow, but works: CooccurMapperTest uses it to force the combiner).
        longInteger(CooccurDriver.MAP_MEMORY_MB, 0, 1048576),
        integer(CooccurDriver.PARTITIONS, 1, 10000),
        integer(CooccurDriver.MIN_SPLITS, 0, 10000));
  }
}
