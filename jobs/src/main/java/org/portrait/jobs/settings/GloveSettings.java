package org.portrait.jobs.settings;

import static org.portrait.jobs.settings.SettingSpec.anyLong;
import static org.portrait.jobs.settings.SettingSpec.bool;
import static org.portrait.jobs.settings.SettingSpec.integer;
import static org.portrait.jobs.settings.SettingSpec.longInteger;
import static org.portrait.jobs.settings.SettingSpec.number;
import static org.portrait.jobs.settings.SettingSpec.oneOf;
import static org.portrait.jobs.settings.SettingSpec.path;
import static org.portrait.jobs.settings.SettingSpec.positive;
import static org.portrait.jobs.settings.SettingSpec.text;

import java.util.List;
import org.portrait.jobs.glove.GloveTrainDriver;

/** Settings of glove-train (meaning and defaults: the constants' javadoc in {@link GloveTrainDriver}). */
final class GloveSettings {
  private GloveSettings() {}

  static List<SettingSpec> specs() {
    return List.of(
        // Published GloVe vectors use 50-300 dimensions; the model grows linearly with dim (16 bytes per word and
        // dimension per copy), and whether it fits the heap is GloveMemory's check once the vocabulary is known.
        integer(GloveTrainDriver.DIM, 1, 1000),
        positive(GloveTrainDriver.X_MAX, 1000000),
        number(GloveTrainDriver.ALPHA, 0, 1),
        // Large enough to let a test force divergence; AdaGrad's useful range is far below.
        positive(GloveTrainDriver.ETA, 10),
        positive(GloveTrainDriver.CLIP, 1000000),
        integer(GloveTrainDriver.ROUNDS, 1, 10000),
        integer(GloveTrainDriver.TASKS, 1, 1024),
        integer(GloveTrainDriver.THREADS, 1, 256),
        anyLong(GloveTrainDriver.SEED),
        number(GloveTrainDriver.MIN_CHANGE, 0, 1),
        oneOf(GloveTrainDriver.SCHEDULE, "dsgd", "mixing"),
        oneOf(GloveTrainDriver.MERGE, "mean", "sum"),
        path(GloveTrainDriver.WARM_START),
        // 0 = the task heap; at most 1 TiB.
        longInteger(GloveTrainDriver.TASK_MEMORY_MB, 0, 1048576),
        bool(GloveTrainDriver.CACHE_ENTRIES),
        integer(GloveTrainDriver.POLL_MS, 1, 60000),
        integer(GloveTrainDriver.TEST_FAIL_AFTER_ROUND, -1, 10000),
        // Any label expression or queue name YARN accepts; YARN itself rejects an unknown one at submit.
        text(GloveTrainDriver.NODE_LABEL),
        text(GloveTrainDriver.QUEUE));
  }

  /** Keys GloveTrainDriver sets on each round's job (package-private there). */
  static List<SettingSpec> internal() {
    return Settings.internal(GloveTrainDriver.class, "INPUT", "ROUND", "ROUND_MODEL", "ROUND_OUT", "STRATA",
        "STRATUM");
  }
}
