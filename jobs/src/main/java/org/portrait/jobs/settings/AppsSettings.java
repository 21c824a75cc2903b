package org.portrait.jobs.settings;

import static org.portrait.jobs.settings.SettingSpec.integer;

import java.util.List;
import org.portrait.jobs.lookalike.LookalikeDriver;

/** Settings of the applications of the profiles: lookalike audiences (meaning and defaults: the constants). */
final class AppsSettings {
  private AppsSettings() {}

  static List<SettingSpec> specs() {
    return List.of(
        integer(LookalikeDriver.MIN_AUDIENCE, 1, 100_000_000),
        integer(LookalikeDriver.MAX_SEEDS, 1, 10_000_000));
  }

  /** Keys the drivers set on their jobs (package-private there). */
  static List<SettingSpec> internal() {
    return Settings.internal(LookalikeDriver.class, "SEEDS", "CENTROID", "K", "INTEREST", "SENTIMENT",
        "AUDIENCE_ID");
  }
}
