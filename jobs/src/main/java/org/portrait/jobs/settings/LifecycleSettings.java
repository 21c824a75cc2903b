package org.portrait.jobs.settings;

import static org.portrait.jobs.settings.SettingSpec.integer;
import static org.portrait.jobs.settings.SettingSpec.number;
import static org.portrait.jobs.settings.SettingSpec.text;

import java.util.ArrayList;
import java.util.List;
import org.portrait.jobs.FailFirstAttemptMapper;
import org.portrait.jobs.gates.DailyGatesCommand;
import org.portrait.jobs.pipeline.DailyDriver;
import org.portrait.jobs.pipeline.TrainDriver;
import org.portrait.jobs.userstate.UserStateDriver;

/** Settings of the user state and the train/daily lifecycle (meaning and defaults: the constants' javadoc). */
final class LifecycleSettings {
  private LifecycleSettings() {}

  static List<SettingSpec> specs() {
    List<SettingSpec> out = new ArrayList<>();
    // 0 = off; ten years is beyond any useful half-life.
    out.add(number(UserStateDriver.HALF_LIFE_DAYS, 0, 3650));
    out.add(integer(UserStateDriver.REDUCERS, 1, 10000));
    out.add(text(UserStateDriver.MODEL_ID));
    out.add(integer(UserStateDriver.MAX_REPLACED_USERS, 0, 10_000_000));
    out.add(integer(TrainDriver.WINDOW_DAYS, 1, 3650));
    out.add(integer(DailyDriver.RETENTION_DAYS, 1, 3650));
    out.add(text(DailyGatesCommand.RECONCILE_RULES));
    out.add(text(FailFirstAttemptMapper.JOB_NAME_PART));
    return out;
  }

  /** Keys the drivers set on their jobs (package-private there). */
  static List<SettingSpec> internal() {
    List<SettingSpec> out = new ArrayList<>(Settings.internal(UserStateDriver.class, "AS_OF", "DEFER_REPEATS",
        "REPLACE_USERS"));
    out.addAll(Settings.internal(FailFirstAttemptMapper.class, "REAL_MAPPER"));
    return out;
  }
}
