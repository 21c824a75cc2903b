package org.portrait.jobs.settings;

import static org.portrait.jobs.settings.SettingSpec.anyLong;
import static org.portrait.jobs.settings.SettingSpec.bool;
import static org.portrait.jobs.settings.SettingSpec.integer;
import static org.portrait.jobs.settings.SettingSpec.longInteger;
import static org.portrait.jobs.settings.SettingSpec.number;
import static org.portrait.jobs.settings.SettingSpec.oneOfIgnoringCase;
import static org.portrait.jobs.settings.SettingSpec.path;
import static org.portrait.jobs.settings.SettingSpec.positive;
import static org.portrait.jobs.settings.SettingSpec.text;

import java.util.ArrayList;
import java.util.List;
import org.portrait.jobs.drift.DriftDriver;
import org.portrait.jobs.metrics.MetricsDriver;
import org.portrait.jobs.metrics.UserKeyFunction;
import org.portrait.jobs.profile.ProfileConf;
import org.portrait.jobs.profile.ProfileDriver;
import org.portrait.jobs.usersegment.UserSegmentDriver;

/**
 * Settings of the stages that use the vectors (profile, segments, metrics); meaning and defaults: the
 * constants' javadoc.
 */
final class ProfileSettings {
  private ProfileSettings() {}

  static List<SettingSpec> specs() {
    return List.of(
        path(ProfileConf.VOCAB).setByDriver(),
        path(ProfileConf.VECTORS).setByDriver(),
        path(ProfileConf.MODELS).setByDriver(),
        path(ProfileConf.APPLY_MODEL),
        path(ProfileConf.TAXONOMY),
        oneOfIgnoringCase(ProfileConf.WEIGHTING, "tfidf", "sif"),
        positive(ProfileConf.SIF_A, 1),
        integer(ProfileConf.KEYWORDS, 0, 1000),
        integer(ProfileConf.MAX_TERMS, 1, 10000000),
        integer(ProfileConf.KEYWORD_REVIEW_CAP, 1, 1000000),
        integer(ProfileConf.KEYWORD_MIN_SUPPORT, 1, 1000),
        integer(ProfileConf.KEYWORD_SUPPORT_FROM, 1, 1000000),
        number(ProfileConf.KEYWORD_SPECIFICITY_POWER, 0, 10),
        number(ProfileConf.INTEREST_THRESHOLD, 0, 1),
        number(ProfileConf.INTEREST_THRESHOLD_FLOOR, 0.01, 0.5),
        // a cosine
        number(ProfileConf.EMBEDDING_THRESHOLD, -1, 1),
        bool(ProfileConf.SUPERVISED),
        // TextFeatures accepts 4..26 bits (16 .. 67 M hashed features).
        integer(ProfileConf.FEATURE_BITS, 4, 26),
        integer(ProfileConf.EPOCHS, 1, 1000),
        number(ProfileConf.L2, 0, 1),
        anyLong(ProfileConf.SEED),
        longInteger(ProfileConf.DOC_COUNT, 0, Long.MAX_VALUE).setByDriver(),
        text(ProfileConf.RUN_ID),
        text(ProfileConf.MODEL_ID).setByDriver(),
        bool(ProfileConf.CONFIDENCE_WEIGHTING),
        number(ProfileConf.TRUTH_SHARE, 0, 1),
        number(ProfileConf.USER_PRIOR, 0, 1),
        number(ProfileConf.TUNING_PVALUE, 0, 1),
        number(ProfileConf.TUNING_NOISE_SHARE, 0, 1),
        integer(ProfileDriver.REDUCERS, 1, 10000),

        integer(UserSegmentDriver.K, 1, 10000),
        integer(UserSegmentDriver.ITERATIONS, 1, 10000),
        number(UserSegmentDriver.DELTA, 0, 1000000),
        anyLong(UserSegmentDriver.SEED),
        integer(UserSegmentDriver.MIN_SIZE, 1, 1000000),
        bool(UserSegmentDriver.SEQUENTIAL),
        text(UserSegmentDriver.RUN_ID),
        path(UserSegmentDriver.PREVIOUS),
        bool(UserSegmentDriver.RECLUSTER),

        integer(DriftDriver.REDUCERS, 1, 10000),

        number(MetricsDriver.TRUTH_MIN_WEIGHT, 0, 1),
        number(MetricsDriver.REVIEW_THRESHOLD, 0, 1),
        integer(MetricsDriver.BASELINE_TOP_K, 1, 1000),
        number(MetricsDriver.BASELINE_MIN_RELATIVE, 0, 1),
        integer(MetricsDriver.BASELINE_MIN_DF, 0, 1000000),
        integer(MetricsDriver.REDUCERS, 1, 10000),
        integer(MetricsDriver.PCA_MAX_USERS, 0, 1000000),
        // parsed (and refused with its own message) by Reconciliation when the metrics stage starts
        text(MetricsDriver.RECONCILE_RULES),
        // a class name, resolved by UserKeyFunction.fromConf (documented there: an interface constant)
        text(UserKeyFunction.CLASS_KEY));
  }

  /** Keys the drivers set on their jobs (package-private there). */
  static List<SettingSpec> internal() {
    List<SettingSpec> out = new ArrayList<>();
    out.addAll(Settings.internal(MetricsDriver.class, "MAJORITY_SET", "KEYWORD_STATS", "MAJORITY_SENTIMENT", "MAJORITY_REVIEW",
        "CENTROID_MODEL", "HAS_PROFILES"));
    out.addAll(Settings.internal(UserSegmentDriver.class.getPackageName() + ".SegmentCentroids", "CENTROIDS"));
    return out;
  }
}
