package org.portrait.jobs.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.portrait.common.config.UserError;
import org.portrait.common.io.FaultInjector;
import org.portrait.common.layout.PortraitLayout;
import org.portrait.jobs.CliArgs;
import org.portrait.jobs.PortraitTool;
import org.portrait.jobs.userstate.UserStateDriver;

/**
 * {@code daily --input RAW_DAY --work ROOT --dt D [--model ID]}: the nightly run. Ingests and segments day D,
 * merges it into the user state of the last day before D, profiles every user of the state with the current
 * (or given) model, segments them starting from yesterday's centroids, measures drift against yesterday, runs
 * the data gates and publishes. Nothing is trained. When the state was built with another model than the one
 * applied today (a new model was promoted, or a rollback), the state is rebuilt from the retained segmented
 * history ({@value #RETENTION_DAYS}) instead of merged.
 */
public class DailyDriver extends PortraitTool {
  /**
   * Days of segmented history (staging/dt=&lt;dt&gt;/segment) kept for rebuilding the user state when the model
   * changes; older segment outputs are removed after a successful daily run. Users whose last review is older
   * leave the state at a rebuild. Default 90.
   */
  public static final String RETENTION_DAYS = "portrait.state.retention-days";
  public static final int DEFAULT_RETENTION_DAYS = 90;

  /** What today's run merges into and with which model. */
  public record Plan(String modelId, Path modelDir, String previousDt, boolean rebuild, String history,
      String retained, String yesterdayDt) {}

  /** Works out the plan of day {@code layout.dt()}: model, previous state, history to merge, yesterday. */
  public static Plan plan(Configuration conf, PipelineLayout layout, String modelId) throws IOException {
    Path models = layout.areaPath(PortraitLayout.MODELS);
    String id = modelId != null ? modelId
        : org.portrait.jobs.models.ModelRegistry.current(conf, layout.root()).orElse(null);
    if (id == null) {
      throw new UserError("no current model under " + models + ": run train first (or pass --model ID)");
    }
    Path dir = new Path(models, id);
    if (!dir.getFileSystem(conf).isDirectory(dir)) {
      throw new UserError("model " + id + " is not registered under " + models);
    }
    LocalDate today = LocalDate.parse(layout.dt());
    String previous = latestBefore(conf, layout.areaPath(PortraitLayout.STATE), today, UserStateDriver.INFO);
    boolean rebuild = true;
    if (previous != null) {
      Map<String, String> info = UserStateDriver.readInfo(conf, layout.state(previous));
      rebuild = !id.equals(info.get("model_id"));
    }
    // The retained segmented history with today: what a rebuild reads, and what users sent a review again are
    // rebuilt from.
    int retention = conf.getInt(RETENTION_DAYS, DEFAULT_RETENTION_DAYS);
    TreeSet<String> days = daysWith(conf, layout.areaPath(PortraitLayout.STAGING), "segment");
    days.removeIf(d -> LocalDate.parse(d).isAfter(today) || !LocalDate.parse(d).isAfter(today.minusDays(retention)));
    days.add(layout.dt());
    String retained = new Path(layout.areaPath(PortraitLayout.STAGING), "{dt=" + String.join(",dt=", days)
        + "}/segment").toString();
    String history;
    if (rebuild) {
      previous = null;
      history = retained;
    } else {
      history = layout.stage("segment").toString();
    }
    String yesterday = latestBefore(conf, layout.areaPath(PortraitLayout.STAGING), today, "segments/_counters.json");
    return new Plan(id, dir, previous, rebuild, history, retained, yesterday);
  }

  /** The latest dt before {@code today} under {@code area} whose folder holds {@code marker}, or null. */
  static String latestBefore(Configuration conf, Path area, LocalDate today, String marker) throws IOException {
    FileSystem fs = area.getFileSystem(conf);
    if (!fs.exists(area)) {
      return null;
    }
    String best = null;
    for (FileStatus s : fs.listStatus(area)) {
      String d = dtOf(s.getPath().getName());
      if (d != null && LocalDate.parse(d).isBefore(today) && fs.exists(new Path(s.getPath(), marker))
          && (best == null || d.compareTo(best) > 0)) {
        best = d;
      }
    }
    return best;
  }

  /** The dts under {@code area} whose folder has {@code child}. */
  static TreeSet<String> daysWith(Configuration conf, Path area, String child) throws IOException {
    FileSystem fs = area.getFileSystem(conf);
    TreeSet<String> out = new TreeSet<>();
    if (fs.exists(area)) {
      for (FileStatus s : fs.listStatus(area)) {
        String d = dtOf(s.getPath().getName());
        if (d != null && fs.exists(new Path(s.getPath(), child))) {
          out.add(d);
        }
      }
    }
    return out;
  }

  private static String dtOf(String name) {
    if (!name.startsWith("dt=")) {
      return null;
    }
    try {
      return LocalDate.parse(name.substring(3)).toString();
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  /** The pipeline's ingest and segment stages: how a raw day becomes segmented history. */
  static List<PipelineStage> ingestAndSegment() {
    List<PipelineStage> all = PipelineDriver.stages();
    return List.of(byName(all, "ingest"), byName(all, "segment"));
  }

  /** The daily run's stages, in order. */
  public static List<PipelineStage> stages(Plan plan) {
    List<PipelineStage> s = new ArrayList<>(ingestAndSegment());
    s.add(new PipelineStage("state", "state", l -> {
      List<String> a = new ArrayList<>(List.of("--model", plan.modelDir().toString(), "--model-id", plan.modelId(),
          "--history", plan.history(), "--as-of", l.dt(), "--output", l.state().toString()));
      if (plan.previousDt() != null) {
        a.add("--previous");
        a.add(l.state(plan.previousDt()).toString());
        a.add("--replace-history");
        a.add(plan.retained());
      }
      return a;
    }, l -> l.state().toString(), List.of("USERS", "REVIEWS_TODAY", "STATES_CARRIED")));
    s.add(new PipelineStage("segments", "segments", l -> {
      List<String> a = new ArrayList<>(List.of("--input", l.state() + "/" + UserStateDriver.PROFILES_DIR,
          "--output", l.stage("segments").toString()));
      if (plan.yesterdayDt() != null) {
        // Start from yesterday's centroids so segment ids keep their meaning from day to day.
        a.add("--previous");
        a.add(l.stage(plan.yesterdayDt(), "segments").toString());
      }
      return a;
    }, l -> l.stage("segments").toString(), List.of("PROFILES_IN", "SEGMENTS_PUBLISHED", "SEGMENTS_MATCHED")));
    s.add(new PipelineStage("drift", "drift", l -> List.of("--today", l.stage("segments") + "/user_profile",
        "--yesterday", l.stage(plan.yesterdayDt(), "segments") + "/user_profile", "--output",
        l.stage("drift").toString()), l -> l.stage("drift").toString(), List.of("USERS_RETURNING", "USERS_NEW"),
        l -> plan.yesterdayDt() != null, "no earlier day to compare with"));
    // Named metrics: its folder is the published report and profile_metrics, as the pipeline's metrics stage.
    s.add(new PipelineStage("metrics", "gates", l -> {
      List<String> a = new ArrayList<>(List.of("--output", l.stage("metrics").toString(), "--counters",
          "ingest=" + l.stage("ingest") + ",segment=" + l.stage("segment") + ",state=" + l.state()
              + ",segments=" + l.stage("segments")));
      if (plan.yesterdayDt() != null) {
        a.add("--drift");
        a.add(l.stage("drift").toString());
      }
      return a;
    }, l -> l.stage("metrics").toString(), List.of("GATES", "GATES_FAILED")));
    return s;
  }

  private static PipelineStage byName(List<PipelineStage> all, String name) {
    return all.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }

  /** Plans and runs day {@code layout.dt()}; returns the exit code (0: published). */
  public static int run(Configuration conf, PipelineLayout layout, String modelId, boolean breakLock,
      PrintStream progress) throws Exception {
    RunValidation.dt(layout.dt());
    RunValidation.workRoot(conf, layout.root());
    Plan plan = plan(conf, layout, modelId);
    progress.printf("daily %s: model %s, %s%n", layout.dt(), plan.modelId(), plan.rebuild()
        ? "state rebuilt from the segmented history" : "merging into the state of " + plan.previousDt());
    int rc = PipelineDriver.runStages(conf, layout, stages(plan), "daily", null, null, breakLock,
        FaultInjector.NONE, progress);
    if (rc == 0) {
      dropOldHistory(conf, layout);
    }
    return rc;
  }

  /** Removes segment outputs older than the retention (inside the staging area only). */
  static void dropOldHistory(Configuration conf, PipelineLayout layout) throws IOException {
    int retention = conf.getInt(RETENTION_DAYS, DEFAULT_RETENTION_DAYS);
    LocalDate oldest = LocalDate.parse(layout.dt()).minusDays(retention);
    for (String d : daysWith(conf, layout.areaPath(PortraitLayout.STAGING), "segment")) {
      if (!LocalDate.parse(d).isAfter(oldest)) {
        Path p = Publisher.inside(conf, layout, PortraitLayout.STAGING, layout.stage(d, "segment"));
        p.getFileSystem(conf).delete(p, true);
      }
    }
  }

  @Override
  public String command() {
    return "daily";
  }

  @Override
  public String usage() {
    return String.join("\n",
        "portrait daily --input RAW_DAY --work ROOT [--dt yyyy-MM-dd] [--model ID] [--break-lock]",
        "  The nightly run: ingests and segments one day's raw reviews, merges them into the user state, profiles",
        "  every user of the state with the current model (ROOT/models/current, or --model ID), segments them,",
        "  checks the data gates and publishes user_profile, user_segment, review_reject and profile_metrics for",
        "  the dt. Nothing is trained (see train). A failed gate exits non-zero and publishes nothing.",
        "  " + RETENTION_DAYS + " (default " + DEFAULT_RETENTION_DAYS + "): days of segmented history kept to rebuild",
        "  the state when the model changes; " + UserStateDriver.HALF_LIFE_DAYS + ": decay (default off).");
  }

  @Override
  protected List<String> options() {
    return List.of("input", "work", "dt", "model");
  }

  @Override
  protected List<String> flags() {
    return List.of("break-lock");
  }

  @Override
  protected int run(CliArgs args) throws Exception {
    PipelineLayout layout = new PipelineLayout(new Path(args.require("work")), args.require("input"), null, null,
        null, RunValidation.dt(args.get("dt", LocalDate.now(ZoneOffset.UTC).toString())));
    return run(getConf(), layout, args.get("model", null), args.has("break-lock"), System.out);
  }
}
