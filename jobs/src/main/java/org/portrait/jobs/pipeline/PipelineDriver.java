package org.portrait.jobs.pipeline;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;
import org.portrait.common.config.LocalMode;
import org.portrait.common.config.UserError;
import org.portrait.common.io.FaultInjector;
import org.portrait.common.run.RunLock;
import org.portrait.jobs.CliArgs;
import org.portrait.jobs.Jobs;
import org.portrait.jobs.PortraitTool;
import org.portrait.jobs.cli.PortraitMain;
import org.portrait.common.layout.PortraitLayout;
import org.portrait.jobs.models.ModelRegistry;
import org.portrait.jobs.userstate.UserStateDriver;

/**
 * The whole lifecycle on one input: trains (ingest → segment → vocab → cooccur → glove-train → embedding-eval →
 * profile → register: gates, {@code models/<id>}, current), then runs what a nightly run does with that model
 * (state → segments → quality against truth when given → metrics: the data gates), through the same commands
 * Oozie calls, printing one line per stage, then publishes the tables as {@code dt=} partitions. A failed stage
 * or gate stops the run and nothing is published.
 */
public class PipelineDriver extends PortraitTool {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PipelineDriver.class);

  /** Hours after which a run lock counts as stale even when its holder cannot be checked; default 24. */
  public static final String LOCK_MAX_AGE_HOURS = "portrait.run.lock-max-age-hours";
  public static final int DEFAULT_LOCK_MAX_AGE_HOURS = 24;

  /** Age after which a run lock is stale ({@link #LOCK_MAX_AGE_HOURS}); pipeline and publish share it. */
  static Duration lockMaxAge(Configuration conf) {
    return Duration.ofHours(conf.getInt(LOCK_MAX_AGE_HOURS, DEFAULT_LOCK_MAX_AGE_HOURS));
  }

  /** File the embedding-eval stage writes its results to, inside its output folder. */
  static final String EMBEDDING_EVAL_JSON = "embedding-eval.json";

  /** The stages, in order. */
  public static List<PipelineStage> stages() {
    List<PipelineStage> s = new ArrayList<>();
    s.add(new PipelineStage("ingest", "ingest",
        l -> List.of("--input", l.input(), "--output", out(l, "ingest"), "--quarantine", l.quarantine().toString()),
        l -> out(l, "ingest"), List.of("RECORDS_READ", "ACCEPTED", "REJECTED")));
    s.add(new PipelineStage("segment", "segment",
        l -> List.of("--input", out(l, "ingest") + "/reviews", "--output", out(l, "segment")),
        l -> out(l, "segment"), List.of("REVIEWS_OUT", "TOKENS", "EMPTY_AFTER_SEGMENT")));
    s.add(new PipelineStage("vocab", "vocab",
        l -> List.of("--input", out(l, "segment"), "--output", out(l, "vocab")),
        l -> out(l, "vocab"), List.of("DISTINCT_WORDS", "VOCAB_SIZE")));
    s.add(new PipelineStage("cooccur", "cooccur",
        l -> List.of("--input", out(l, "segment"), "--vocab", out(l, "vocab"), "--output", out(l, "cooccur")),
        l -> out(l, "cooccur"), List.of("TOKENS", "NONZERO_ENTRIES")));
    s.add(new PipelineStage("glove-train", "glove-train",
        l -> List.of("--input", out(l, "cooccur"), "--vocab", out(l, "vocab"), "--output", out(l, "glove-train"),
            "--checkpoints", l.checkpoints("glove-train").toString()),
        l -> out(l, "glove-train"), List.of("ROUNDS", "UPDATES")));
    s.add(new PipelineStage("embedding-eval", "embedding-eval",
        l -> List.of("--vectors", out(l, "glove-train"), "--eval", l.evalDir(), "--json",
            out(l, "embedding-eval") + "/" + EMBEDDING_EVAL_JSON),
        l -> out(l, "embedding-eval"), List.of(), l -> l.evalDir() != null, "no --eval test sets given"));
    s.add(new PipelineStage("profile", "profile",
        l -> List.of("--input", out(l, "segment"), "--vectors", out(l, "glove-train"), "--vocab",
            out(l, "vocab"), "--output", out(l, "profile")),
        l -> out(l, "profile"), List.of("REVIEWS_IN", "USERS")));
    // From here the run is what a nightly run does with the model just trained (train, then daily).
    s.add(new PipelineStage("register", "register-model",
        l -> List.of("--work", l.root().toString(), "--dt", l.dt(), "--vocab", out(l, "vocab"), "--glove",
            out(l, "glove-train"), "--profile", out(l, "profile"), "--output", out(l, "register")),
        l -> out(l, "register"), List.of("GATES", "GATES_FAILED", "VOCAB_SIZE")));
    s.add(new PipelineStage("state", "state",
        l -> List.of("--model", new Path(l.areaPath(PortraitLayout.MODELS), ModelRegistry.CURRENT).toString(),
            "--history", out(l, "segment"), "--as-of", l.dt(), "--output", l.state().toString()),
        l -> l.state().toString(), List.of("USERS", "REVIEWS_TODAY", "USERS_WITH_INTEREST")));
    s.add(new PipelineStage("segments", "segments",
        l -> List.of("--input", l.state() + "/" + UserStateDriver.PROFILES_DIR, "--output", out(l, "segments")),
        l -> out(l, "segments"), List.of("PROFILES_IN", "SEGMENTS_PUBLISHED", "USERS_IN_OTHER")));
    s.add(new PipelineStage("quality", "metrics", PipelineDriver::qualityArgs,
        l -> out(l, "quality"), List.of("PROFILES", "PREDICTIONS_TEST"), l -> l.truth() != null,
        "no --truth given"));
    // Named metrics: its folder is the published report and profile_metrics (gates, and quality with truth).
    s.add(new PipelineStage("metrics", "gates", l -> {
      List<String> a = new ArrayList<>(List.of("--output", out(l, "metrics"), "--counters", "ingest="
          + out(l, "ingest") + ",segment=" + out(l, "segment") + ",state=" + l.state() + ",segments="
          + out(l, "segments")));
      if (l.truth() != null) {
        a.add("--quality");
        a.add(out(l, "quality"));
      }
      return a;
    }, l -> out(l, "metrics"), List.of("GATES", "GATES_FAILED")));
    return s;
  }

  /** The scores against truth of the profiles the model gives (the state's), next to the baselines. */
  private static List<String> qualityArgs(PipelineLayout l) {
    String state = l.state().toString();
    List<String> a = new ArrayList<>(List.of("--truth", l.truth(), "--output", out(l, "quality"),
        "--profiles", state + "/" + UserStateDriver.PROFILES_DIR, "--predictions",
        state + "/" + UserStateDriver.PREDICTIONS_DIR,
        "--tokens", out(l, "segment"), "--loss", out(l, "glove-train") + "/loss.tsv",
        "--segments", out(l, "segments") + "/user_segment",
        // The state job profiled the users here: its counters stand as the profile stage's in the rules.
        "--counters", "ingest=" + out(l, "ingest") + ",segment=" + out(l, "segment") + ",vocab=" + out(l, "vocab")
            + ",profile=" + state + ",segments=" + out(l, "segments")));
    if (l.thresholds() != null) {
      a.add("--thresholds");
      a.add(l.thresholds());
    }
    if (l.evalDir() != null) {
      a.add("--embedding-eval");
      a.add(out(l, "embedding-eval") + "/" + EMBEDDING_EVAL_JSON);
    }
    return a;
  }

  private static String out(PipelineLayout l, String stage) {
    return l.stage(stage).toString();
  }

  @Override
  public String command() {
    return "pipeline";
  }

  @Override
  public String usage() {
    return String.join("\n",
        "portrait pipeline --input FILE|DIR --work ROOT [--truth truth.csv] [--dt yyyy-MM-dd] [--from STAGE] [--to STAGE]",
        "                  [--break-lock]",
        "  Trains a model on the input and registers it (ROOT/models/<id>, made current when its gates pass),",
        "  then profiles every user with it as a daily run does (user state, segments, data gates) and publishes",
        "  the tables under ROOT/warehouse/<table>/dt=<dt>; a later `daily` on the same ROOT merges into this state.",
        "  stage outputs stay under ROOT/staging/dt=<dt>/<stage> (the HDFS layout, hdfs-layout/layout.properties).",
        "  --input   raw reviews (CSV/TSV with header, JSON Lines or Avro)",
        "  --work    root of the layout: a local folder, or an HDFS path such as /data/portrait",
        "  --truth   truth.csv of known users' interests and sentiment (enables the quality stage: scores of",
        "            test users next to baselines, in the report and profile_metrics)",
        "  --eval    folder of word-embedding test sets (enables the embedding-eval stage)",
        "  --thresholds  metric floors (metric=floor per line): metrics exits non-zero below one, nothing is published",
        "  --dt      run date, the table partition (default: today, UTC)",
        "  --from/--to  run only a slice of the stages (names: ingest segment vocab cooccur glove-train",
        "            embedding-eval profile register state segments quality metrics);",
        "            --from reuses the earlier stages of this dt's last run (its manifest)",
        "  --break-lock  take over a stale lock (dead pid, or older than " + LOCK_MAX_AGE_HOURS + " hours)",
        "  One run per work root and dt: a second one refuses while the first holds ROOT/runs/dt=<dt>/lock.json.",
        "  Stage settings are passed as -D key=value (see each command's --help).");
  }

  @Override
  protected List<String> options() {
    return List.of("input", "work", "truth", "eval", "thresholds", "dt", "from", "to");
  }

  @Override
  protected List<String> flags() {
    return List.of("break-lock");
  }

  @Override
  protected int run(CliArgs args) throws Exception {
    PipelineLayout layout = new PipelineLayout(new Path(args.require("work")), args.require("input"),
        args.get("truth", null), args.get("eval", null), args.get("thresholds", null),
        RunValidation.dt(args.get("dt", LocalDate.now(ZoneOffset.UTC).toString())));
    return run(getConf(), layout, args.get("from", null), args.get("to", null), args.has("break-lock"), System.out);
  }

  /** Runs stages {@code from}..{@code to} (null = all) and, when the last stage ran, publishes the tables. */
  public static int run(Configuration conf, PipelineLayout layout, String from, String to, PrintStream progress)
      throws Exception {
    return run(conf, layout, from, to, false, progress);
  }

  /**
   * Validates the run (dt, work root, inputs, stage names), takes the run lock of the root and dt, finishes an
   * interrupted publish of that dt, runs stages {@code from}..{@code to} recording each in the run manifest and,
   * when the last stage ran, publishes exactly the tables this run produced, all together.
   */
  public static int run(Configuration conf, PipelineLayout layout, String from, String to, boolean breakLock,
      PrintStream progress) throws Exception {
    return run(conf, layout, from, to, breakLock, FaultInjector.NONE, progress);
  }

  static int run(Configuration conf, PipelineLayout layout, String from, String to, boolean breakLock,
      FaultInjector publishFaults, PrintStream progress) throws Exception {
    return runStages(conf, layout, stages(), "pipeline", from, to, breakLock, publishFaults, progress);
  }

  /**
   * The run loop of {@link #run} over any stage list (the pipeline's, or the daily run's): validation, the run
   * lock, the manifest, each stage in order and, when the last stage ran, the publish of the tables.
   * {@code command} names the run in the lock.
   */
  public static int runStages(Configuration conf, PipelineLayout layout, List<PipelineStage> all, String command,
      String from, String to, boolean breakLock, FaultInjector publishFaults, PrintStream progress)
      throws Exception {
    return runStages(conf, layout, all, command, from, to, breakLock, true, publishFaults, progress);
  }

  /** As above; without {@code publish} the stage outputs stay in staging (train segments its input days so). */
  static int runStages(Configuration conf, PipelineLayout layout, List<PipelineStage> all, String command,
      String from, String to, boolean breakLock, boolean publish, FaultInjector publishFaults, PrintStream progress)
      throws Exception {
    int first = from == null ? 0 : indexOf(all, from);
    int last = to == null ? all.size() - 1 : indexOf(all, to);
    if (first > last) {
      throw new UserError("--from " + from + " comes after --to " + to);
    }
    RunValidation.dt(layout.dt());
    RunValidation.workRoot(conf, layout.root());
    if (first == 0) {
      RunValidation.input(conf, "input", layout.input(), false);
    }
    RunValidation.input(conf, "truth", layout.truth(), false);
    RunValidation.input(conf, "eval", layout.evalDir(), true);
    RunValidation.input(conf, "thresholds", layout.thresholds(), false);
    if (LocalMode.isEmbedded(conf)) {
      // Hadoop's scratch and staging folders go under the run's root, not the shared /tmp defaults.
      LocalMode.configure(conf, new java.io.File(layout.root().toUri().getPath()));
    }
    Duration maxAge = lockMaxAge(conf);
    try (RunLock lock = RunLock.acquire(conf, layout.lockFile(), command + " " + layout.dt(), maxAge, breakLock)) {
      Publisher.recover(conf, layout);
      RunManifest manifest = manifest(conf, layout, all, from, to, first);
      String runId = manifest.runId();
      Configuration stageConf = new Configuration(conf);
      // Ids written into the tables come from the manifest, so a rerun of the same run writes the same bytes.
      stageConf.set(org.portrait.jobs.profile.ProfileConf.RUN_ID, runId);
      stageConf.set(org.portrait.jobs.usersegment.UserSegmentDriver.RUN_ID, runId);
      progress.printf(Locale.ROOT, "run %s  dt=%s  manifest %s%n", runId, layout.dt(), layout.manifestFile());
      long started = System.nanoTime();
      for (int i = first; i <= last; i++) {
        PipelineStage stage = all.get(i);
        if (!stage.enabled().test(layout)) {
          progress.printf(Locale.ROOT, "[%d/%d] %-14s skipped: %s%n", i + 1, all.size(), stage.name(),
              stage.skippedBecause());
          continue;
        }
        Tool tool = PortraitMain.tool(stage.command());
        long t0 = System.nanoTime();
        List<String> args = new ArrayList<>(stage.arguments().apply(layout));
        if (stage.name().equals("metrics") || stage.name().equals("quality")) {
          args.add("--run-id");
          args.add(runId);
        }
        String[] why = new String[1];
        int rc = runQuietly(stageConf, tool, args, why);
        double secs = (System.nanoTime() - t0) / 1e9;
        if (rc != 0) {
          progress.printf(Locale.ROOT, "[%d/%d] %-14s FAILED (exit %d) after %.1f s%s; tables not published%n",
              i + 1, all.size(), stage.name(), rc, secs, why[0] == null ? "" : ": " + why[0]);
          return rc;
        }
        Path output = new Path(stage.outputDir().apply(layout));
        Map<String, Long> counters = Jobs.readCounters(conf, output);
        manifest.addStage(stage.name(), output, counters);
        manifest.write(conf, layout.manifestFile());
        progress.printf(Locale.ROOT, "[%d/%d] %-14s %6.1f s  %s%n", i + 1, all.size(), stage.name(), secs,
            summary(counters, stage.headlineCounters()));
      }
      if (publish && last == all.size() - 1) {
        for (Map.Entry<String, String> t : Publisher.publish(conf, layout, manifest, publishFaults).entrySet()) {
          progress.printf(Locale.ROOT, "%-16s %s%n", t.getKey(), t.getValue());
        }
      }
      progress.printf(Locale.ROOT, "%s done in %.1f s%n", command, (System.nanoTime() - started) / 1e9);
    }
    if (publish && last == all.size() - 1) {
      printExampleProfiles(conf, layout.partition("user_profile"), 3, progress);
      if (layout.truth() != null) {
        printHeadline(conf, new Path(layout.stage("metrics"), "metrics.json"), progress);
      }
    }
    return 0;
  }

  /**
   * The manifest of this run. A slice starting after ingest reuses the stages before it from this dt's last
   * manifest, which must have them.
   */
  private static RunManifest manifest(Configuration conf, PipelineLayout layout, List<PipelineStage> all, String from,
      String to, int first) throws IOException {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("from", from == null ? "" : from);
    options.put("to", to == null ? "" : to);
    RunManifest previous = null;
    if (first > 0) {
      FileSystem fs = layout.root().getFileSystem(conf);
      if (!fs.exists(layout.manifestFile())) {
        throw new UserError("--from " + from + ": dt=" + layout.dt() + " has no earlier run to continue"
            + " (no " + layout.manifestFile() + "); run without --from");
      }
      previous = RunManifest.read(conf, layout.manifestFile());
      options.put("continues", previous.runId());
    }
    RunManifest manifest = RunManifest.create(conf, layout, options);
    for (int i = 0; i < first; i++) {
      String name = all.get(i).name();
      if (previous.stages().contains(name)) {
        Path output = new Path(all.get(i).outputDir().apply(layout));
        manifest.addStage(name, output, Jobs.readCounters(conf, output));
      } else if (all.get(i).enabled().test(layout)) {
        throw new UserError("--from " + from + ": the last run of dt=" + layout.dt() + " did not complete stage "
            + name + "; run from " + name);
      }
    }
    return manifest;
  }

  /** The first few published profiles, one line each, so a newcomer sees what a profile says. */
  static void printExampleProfiles(Configuration conf, Path table, int count, PrintStream progress)
      throws IOException {
    FileSystem fs = table.getFileSystem(conf);
    if (!fs.exists(table)) {
      return;
    }
    int shown = 0;
    for (org.apache.hadoop.fs.FileStatus f : fs.listStatus(table, p -> p.getName().endsWith(".parquet"))) {
      try (org.apache.parquet.hadoop.ParquetReader<org.apache.avro.generic.GenericRecord> r =
               org.apache.parquet.avro.AvroParquetReader.<org.apache.avro.generic.GenericRecord>builder(
                   org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(f.getPath(), conf)).build()) {
        org.apache.avro.generic.GenericRecord p;
        while (shown < count && (p = r.read()) != null) {
          if (shown++ == 0) {
            progress.println("example profiles:");
          }
          String key = String.valueOf(p.get("user_key"));
          progress.printf(Locale.ROOT, "  %s…  reviews=%s  interests=%s  sentiment=%s  segment=%s%n    %s%n",
              key.substring(0, Math.min(12, key.length())), p.get("review_count"), p.get("top_interests"),
              p.get("sentiment_label"), p.get("segment_id"), p.get("summary"));
        }
      }
      if (shown >= count) {
        break;
      }
    }
  }

  /** Headline figures (ours next to the baselines), as the metrics stage computed them on test users. */
  static void printHeadline(Configuration conf, Path metricsJson, PrintStream progress) throws IOException {
    FileSystem fs = metricsJson.getFileSystem(conf);
    if (!fs.exists(metricsJson)) {
      return;
    }
    com.fasterxml.jackson.databind.JsonNode m;
    try (java.io.InputStream in = fs.open(metricsJson)) {
      m = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in).path("metrics");
    }
    progress.printf(Locale.ROOT, "headline (test users: %d):%n", m.path("interest.users").asInt());
    progress.printf(Locale.ROOT, "  interest micro-F1     %.3f   (baselines: majority %.3f, TF-IDF centroid %.3f)%n",
        m.path("interest.micro_f1").asDouble(), m.path("baseline.majority.interest.micro_f1").asDouble(),
        m.path("baseline.centroid.interest.micro_f1").asDouble());
    progress.printf(Locale.ROOT, "  interest macro-F1     %.3f   (baselines: majority %.3f, TF-IDF centroid %.3f)%n",
        m.path("interest.macro_f1").asDouble(), m.path("baseline.majority.interest.macro_f1").asDouble(),
        m.path("baseline.centroid.interest.macro_f1").asDouble());
    if (m.has("baseline.ceiling.interest.micro_f1")) {
      progress.printf(Locale.ROOT, "  interest ceiling      micro-F1 %.3f, macro-F1 %.3f (threshold rule on true review "
          + "categories)%n", m.path("baseline.ceiling.interest.micro_f1").asDouble(),
          m.path("baseline.ceiling.interest.macro_f1").asDouble());
    }
    if (m.has("keywords.topicality_at_5")) {
      progress.printf(Locale.ROOT, "  keywords@5            topicality %.3f, support %.3f   (plain TF-IDF: %.3f, %.3f)%n",
          m.path("keywords.topicality_at_5").asDouble(), m.path("keywords.support_at_5").asDouble(),
          m.path("baseline.tfidf.keywords.topicality_at_5").asDouble(),
          m.path("baseline.tfidf.keywords.support_at_5").asDouble());
    }
    progress.printf(Locale.ROOT, "  review sentiment acc  %.3f   (baseline: majority %.3f)%n",
        m.path("sentiment.review.accuracy").asDouble(), m.path("baseline.majority.sentiment.review.accuracy").asDouble());
    progress.printf(Locale.ROOT, "  user sentiment acc    %.3f   (baseline: majority %.3f)%n",
        m.path("sentiment.user.accuracy").asDouble(), m.path("baseline.majority.sentiment.user.accuracy").asDouble());
  }

  /**
   * Runs one stage with its own console output (summaries, per-round progress) sent to the log, so the console
   * shows one line per stage. What the stage wrote to stderr is shown when it failed; otherwise only its
   * warnings are.
   */
  private static int runQuietly(Configuration conf, Tool tool, List<String> args, String[] lastError)
      throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    PrintStream console = System.out;
    PrintStream errors = System.err;
    System.setOut(new PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    int rc = -1;
    try {
      rc = ToolRunner.run(new Configuration(conf), tool, args.toArray(new String[0]));
      return rc;
    } finally {
      System.setOut(console);
      System.setErr(errors);
      String stdout = out.toString(java.nio.charset.StandardCharsets.UTF_8).trim();
      String stderr = err.toString(java.nio.charset.StandardCharsets.UTF_8).trim();
      for (String line : stderr.split("\n")) {
        if (!line.isEmpty() && (rc != 0 || line.startsWith("WARNING"))) {
          errors.println(line);
          if (rc != 0 && tool instanceof PortraitTool t && line.startsWith(t.command() + ": ")
              && lastError[0] == null) {
            // The tool's one-line reason ("gates: gate ... failed"), shown on the stage's FAILED line.
            lastError[0] = line.substring(t.command().length() + 2);
          }
        }
      }
      if (!stdout.isEmpty() || !stderr.isEmpty()) {
        LOG.info("{} said:\n{}\n{}", tool.getClass().getSimpleName(), stdout, stderr);
      }
    }
  }

  private static int indexOf(List<PipelineStage> stages, String name) {
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new UserError("no stage named " + name + " (stages: " + String.join(" ",
        stages.stream().map(PipelineStage::name).toList()) + ")");
  }

  /** "READ=300 ACCEPTED=298 ..." for the named counters, or the first few when none is named. */
  static String summary(Map<String, Long> counters, List<String> names) {
    StringBuilder sb = new StringBuilder();
    List<String> keys = new ArrayList<>();
    for (String n : names) {
      if (counters.containsKey(n)) {
        keys.add(n);
      }
    }
    if (keys.isEmpty()) {
      counters.keySet().stream().limit(4).forEach(keys::add);
    }
    for (String k : keys) {
      sb.append(k.toLowerCase(Locale.ROOT)).append('=').append(String.format(Locale.ROOT, "%,d", counters.get(k)))
          .append("  ");
    }
    return sb.toString().trim();
  }
}
