package org.portrait.jobs.pipeline;

import org.portrait.common.config.UserError;
import java.io.IOException;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;
import org.portrait.common.config.LocalMode;
import org.portrait.jobs.CliArgs;
import org.portrait.jobs.Jobs;
import org.portrait.jobs.PortraitTool;
import org.portrait.jobs.cli.PortraitMain;

/**
 * Runs the stages in order (ingest → segment → vocab → cooccur → glove-train → profile → segments → metrics)
 * through the same commands Oozie calls, printing one line per stage, then publishes the tables as
 * {@code dt=} partitions. A failed stage stops the run and nothing is published.
 */
public class PipelineDriver extends PortraitTool {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PipelineDriver.class);

  /** File the embedding-eval stage writes its results to, inside its output folder. */
  static final String EMBEDDING_EVAL_JSON = "embedding-eval.json";

  /** Tables the run publishes: table name → folder under the stage outputs. */
  static final Map<String, String> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put("review_reject", "ingest/rejects");
    TABLES.put("word_vector", "glove-train/word_vector");
    TABLES.put("user_profile", "profile/user_profile");
    TABLES.put("user_segment", "segments/user_segment");
    TABLES.put("profile_metrics", "metrics/profile_metrics");
  }

  /** The stages, in order. */
  public static List<PipelineStage> stages() {
    List<PipelineStage> s = new ArrayList<>();
    s.add(new PipelineStage("ingest", "ingest",
        l -> List.of("--input", l.input(), "--output", out(l, "ingest")),
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
        l -> List.of("--input", out(l, "cooccur"), "--vocab", out(l, "vocab"), "--output", out(l, "glove-train")),
        l -> out(l, "glove-train"), List.of("ROUNDS", "UPDATES")));
    s.add(new PipelineStage("embedding-eval", "embedding-eval",
        l -> List.of("--vectors", out(l, "glove-train"), "--eval", l.evalDir(), "--json",
            out(l, "embedding-eval") + "/" + EMBEDDING_EVAL_JSON),
        l -> out(l, "embedding-eval"), List.of(), l -> l.evalDir() != null, "no --eval test sets given"));
    s.add(new PipelineStage("profile", "profile",
        l -> List.of("--input", out(l, "segment"), "--vectors", out(l, "glove-train"), "--vocab",
            out(l, "vocab"), "--output", out(l, "profile")),
        l -> out(l, "profile"), List.of("REVIEWS_IN", "USERS")));
    s.add(new PipelineStage("segments", "segments",
        l -> List.of("--input", out(l, "profile") + "/user_profile", "--output", out(l, "segments")),
        l -> out(l, "segments"), List.of("PROFILES_IN", "SEGMENTS_PUBLISHED", "USERS_IN_OTHER")));
    s.add(new PipelineStage("metrics", "metrics", PipelineDriver::metricsArgs,
        l -> out(l, "metrics"), List.of(), l -> l.truth() != null, "no --truth given"));
    return s;
  }

  private static List<String> metricsArgs(PipelineLayout l) {
    List<String> a = new ArrayList<>(List.of("--truth", l.truth(), "--output", out(l, "metrics"),
        "--profiles", out(l, "profile") + "/user_profile", "--predictions", out(l, "profile") + "/review_predictions",
        "--tokens", out(l, "segment"), "--loss", out(l, "glove-train") + "/loss.tsv",
        "--segments", out(l, "segments") + "/user_segment",
        "--counters", "ingest=" + out(l, "ingest") + ",segment=" + out(l, "segment") + ",vocab=" + out(l, "vocab")
            + ",profile=" + out(l, "profile") + ",segments=" + out(l, "segments"),
        "--run-id", "portrait-" + l.dt()));
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
        "  Runs every stage in order on the input and publishes the tables under ROOT/warehouse/<table>/dt=<dt>;",
        "  stage outputs stay under ROOT/staging/dt=<dt>/<stage> (the HDFS layout, hdfs-layout/layout.properties).",
        "  --input   raw reviews (CSV/TSV with header, JSON Lines or Avro)",
        "  --work    root of the layout: a local folder, or an HDFS path such as /data/portrait",
        "  --truth   truth.csv of the synthetic users (enables the metrics stage: scoring of test users)",
        "  --eval    folder of word-embedding test sets (enables the embedding-eval stage)",
        "  --thresholds  metric floors (metric=floor per line): metrics exits non-zero below one, nothing is published",
        "  --dt      run date, the table partition (default: today, UTC)",
        "  --from/--to  run only a slice of the stages (names: ingest segment vocab cooccur glove-train embedding-eval profile segments metrics)",
        "  Stage settings are passed as -D key=value (see each command's --help).");
  }

  @Override
  protected List<String> options() {
    return List.of("input", "work", "truth", "eval", "thresholds", "dt", "from", "to");
  }

  @Override
  protected int run(CliArgs args) throws Exception {
    PipelineLayout layout = new PipelineLayout(new Path(args.require("work")), args.require("input"),
        args.get("truth", null), args.get("eval", null), args.get("thresholds", null), args.get("dt", LocalDate.now(ZoneOffset.UTC).toString()));
    return run(getConf(), layout, args.get("from", null), args.get("to", null), System.out);
  }

  /** Runs stages {@code from}..{@code to} (null = all) and, when the last stage ran, publishes the tables. */
  public static int run(Configuration conf, PipelineLayout layout, String from, String to, PrintStream progress)
      throws Exception {
    if (LocalMode.isEmbedded(conf)) {
      // Hadoop's scratch and staging folders go under the run's root, not the shared /tmp defaults.
      LocalMode.configure(conf, new java.io.File(layout.root().toUri().getPath()));
    }
    List<PipelineStage> all = stages();
    int first = from == null ? 0 : indexOf(all, from);
    int last = to == null ? all.size() - 1 : indexOf(all, to);
    long started = System.nanoTime();
    for (int i = first; i <= last; i++) {
      PipelineStage stage = all.get(i);
      if (!stage.enabled().test(layout)) {
        progress.printf(Locale.ROOT, "[%d/%d] %-14s skipped: %s%n", i + 1, all.size(), stage.name(),
            stage.skippedBecause());
        continue;
      }
      Tool tool = PortraitMain.tool(stage.command());
      if (tool == null) {
        progress.printf(Locale.ROOT, "[%d/%d] %-14s not built yet: stopping here%n", i + 1, all.size(), stage.name());
        return 0;
      }
      long t0 = System.nanoTime();
      int rc = runQuietly(conf, tool, stage.arguments().apply(layout));
      double secs = (System.nanoTime() - t0) / 1e9;
      if (rc != 0) {
        progress.printf(Locale.ROOT, "[%d/%d] %-14s FAILED (exit %d) after %.1f s; tables not published%n",
            i + 1, all.size(), stage.name(), rc, secs);
        return rc;
      }
      Map<String, Long> counters = Jobs.readCounters(conf, new Path(stage.outputDir().apply(layout)));
      progress.printf(Locale.ROOT, "[%d/%d] %-14s %6.1f s  %s%n", i + 1, all.size(), stage.name(), secs,
          summary(counters, stage.headlineCounters()));
    }
    if (last == all.size() - 1) {
      for (Map.Entry<String, String> t : publish(conf, layout).entrySet()) {
        progress.printf(Locale.ROOT, "%-16s %s%n", t.getKey(), t.getValue());
      }
    }
    progress.printf(Locale.ROOT, "pipeline done in %.1f s%n", (System.nanoTime() - started) / 1e9);
    if (last == all.size() - 1) {
      printExampleProfiles(conf, layout.partition("user_profile"), 3, progress);
      printHeadline(conf, new Path(layout.stage("metrics"), "metrics.json"), progress);
    }
    return 0;
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
  private static int runQuietly(Configuration conf, Tool tool, List<String> args) throws Exception {
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
        }
      }
      if (!stdout.isEmpty() || !stderr.isEmpty()) {
        LOG.info("{} said:\n{}\n{}", tool.getClass().getSimpleName(), stdout, stderr);
      }
    }
  }

  /**
   * Copies each stage's table folder into its {@code dt=} partition and the metrics report into the reports
   * area, each replacing a previous run of that dt. Returns what was published, by name.
   */
  static Map<String, String> publish(Configuration conf, PipelineLayout layout) throws IOException {
    Map<String, String> published = new LinkedHashMap<>();
    for (Map.Entry<String, String> t : TABLES.entrySet()) {
      String[] stageAndFolder = t.getValue().split("/", 2);
      Path source = new Path(layout.stage(stageAndFolder[0]), stageAndFolder[1]);
      if (replaceWithCopy(conf, source, layout.partition(t.getKey()))) {
        published.put(t.getKey(), qualified(conf, layout.partition(t.getKey())));
      }
    }
    if (replaceWithCopy(conf, layout.stage("metrics"), layout.reports())) {
      published.put("metrics report", qualified(conf, new Path(layout.reports(), "report.html")));
    }
    return published;
  }

  /** Copies {@code source} to a temporary sibling of {@code target}, then swaps it in; false if no source. */
  private static boolean replaceWithCopy(Configuration conf, Path source, Path target) throws IOException {
    FileSystem fs = source.getFileSystem(conf);
    if (!fs.exists(source)) {
      return false;
    }
    Path temp = new Path(target.getParent(), "_tmp." + target.getName());
    fs.delete(temp, true);
    if (!FileUtil.copy(fs, source, fs, temp, false, conf)) {
      throw new IOException("cannot copy " + source + " to " + temp);
    }
    fs.delete(target, true);
    if (!fs.rename(temp, target)) {
      throw new IOException("cannot publish " + target);
    }
    return true;
  }

  private static String qualified(Configuration conf, Path p) throws IOException {
    return p.getFileSystem(conf).makeQualified(p).toString();
  }

  private static int indexOf(List<PipelineStage> stages, String name) {
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new UserError("no stage named " + name);
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
