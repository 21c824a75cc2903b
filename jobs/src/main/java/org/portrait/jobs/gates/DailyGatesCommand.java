package org.portrait.jobs.gates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.portrait.common.config.UserError;
import org.portrait.common.gates.Gate;
import org.portrait.common.gates.GateCheck;
import org.portrait.common.gates.GateReport;
import org.portrait.common.gates.GateThresholds;
import org.portrait.common.metrics.MetricRow;
import org.portrait.common.metrics.Reconciliation;
import org.portrait.common.metrics.SvgCharts;
import org.portrait.jobs.CliArgs;
import org.portrait.jobs.Jobs;
import org.portrait.jobs.PortraitTool;
import org.portrait.jobs.Stage;
import org.portrait.jobs.metrics.MetricsOutputs;
import org.portrait.jobs.models.GateFiles;

/**
 * {@code gates --counters ingest=D,segment=D,state=D,segments=D [--drift DRIFT_DIR] --output O}: the data gates of
 * a daily run, which need no truth: every stage's counters reconcile, today's tokens are covered by the model's
 * vocabulary, enough users have an interest, and the top-interest and sentiment distributions moved little since
 * yesterday (PSI, from the drift stage). Writes O/profile_metrics (gate and drift figures as table rows),
 * O/gates.json, O/report.html and O/_counters.json; any failed gate exits non-zero with its reason in one line,
 * and the run publishes nothing.
 */
public class DailyGatesCommand extends PortraitTool {
  /**
   * Reconciliation rules of a daily run over the stage counters (stage:COUNTER = stage:COUNTER + ...; ...).
   * Default {@value #DEFAULT_RECONCILE_RULES}.
   */
  public static final String RECONCILE_RULES = "portrait.gates.reconcile.rules";
  public static final String DEFAULT_RECONCILE_RULES = "ingest:RECORDS_READ = ingest:ACCEPTED + ingest:REJECTED;"
      + " ingest:ACCEPTED = segment:REVIEWS_IN;"
      + " segment:REVIEWS_IN = segment:REVIEWS_OUT + segment:REVIEWS_INVALID;"
      + " segment:REVIEWS_OUT = state:REVIEWS_IN_OF_DAY;"
      + " state:REVIEWS_IN = state:REVIEWS_TODAY + state:REVIEWS_FROM_HISTORY + state:REVIEWS_REPEATED"
      + " + state:REVIEWS_DEFERRED + state:REVIEWS_NO_USER + state:REVIEWS_FUTURE;"
      + " state:STATES_IN = state:STATES_CARRIED + state:STATES_DEFERRED;"
      + " state:USERS = state:STATES_CARRIED + state:USERS_NEW + state:USERS_REPLACED;"
      + " state:USERS = segments:PROFILES_IN";
  static final String GATES_FILE = "gates.json";
  static final String REPORT_FILE = "report.html";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** What the gates measured and decided. */
  public record Result(GateReport report, Map<String, Double> drift) {}

  /** As below, without a quality (truth metrics) output to include. */
  public static Result run(Configuration conf, Map<String, Path> stageOutputs, Path driftDir, Path output,
      String runId) throws IOException {
    return run(conf, stageOutputs, driftDir, null, output, runId);
  }

  /**
   * Evaluates the gates; writes the output whether they pass or not, so a failed day can be inspected. With
   * {@code quality} (a {@code metrics} output: scores against truth) its profile_metrics rows, metrics.json and
   * report are included, the gates added to the report, so one folder is the run's report.
   */
  public static Result run(Configuration conf, Map<String, Path> stageOutputs, Path driftDir, Path quality,
      Path output, String runId) throws IOException {
    if (quality != null && !quality.getFileSystem(conf).exists(new Path(quality, REPORT_FILE))) {
      throw new UserError("--quality " + quality + " is not a metrics output (no " + REPORT_FILE + ")");
    }
    Map<String, Map<String, Long>> counters = new LinkedHashMap<>();
    for (Map.Entry<String, Path> e : stageOutputs.entrySet()) {
      counters.put(e.getKey(), Jobs.readCounters(conf, e.getValue()));
    }
    Map<String, Double> drift = driftDir == null ? Map.of() : readDrift(conf, new Path(driftDir, "drift.json"));
    GateReport report = evaluate(GateFiles.thresholds(conf), conf.get(RECONCILE_RULES, DEFAULT_RECONCILE_RULES),
        counters, drift);
    // Before the output, so that the gate values reach Oozie's action data even when writing it fails.
    org.portrait.jobs.ActionOutput.gates(report);
    Stage.run(conf, output, (out, c) -> {
      Path tmp = out.tempPath();
      List<MetricRow> rows = new ArrayList<>();
      for (Gate g : report.gates()) {
        rows.add(new MetricRow("gate." + g.name(), "value", g.value()));
        rows.add(new MetricRow("gate." + g.name(), "passed", g.passed() ? 1 : 0));
      }
      drift.forEach((k, v) -> rows.add(new MetricRow("drift." + k, "day", v)));
      MetricsOutputs.writeTable(conf, new Path(tmp, "profile_metrics/part-0.parquet"), runId, rows);
      FileSystem fs = tmp.getFileSystem(conf);
      String page = page(runId, report, drift);
      if (quality != null) {
        // Copied, not moved: the quality stage's output stays as it wrote it.
        for (org.apache.hadoop.fs.FileStatus f : fs.listStatus(new Path(quality, "profile_metrics"),
            p -> !p.getName().startsWith("_") && !p.getName().startsWith("."))) {
          org.apache.hadoop.fs.FileUtil.copy(fs, f.getPath(), fs,
              new Path(tmp, "profile_metrics/quality-" + f.getPath().getName()), false, conf);
        }
        Path metricsJson = new Path(quality, "metrics.json");
        if (fs.exists(metricsJson)) {
          org.apache.hadoop.fs.FileUtil.copy(fs, metricsJson, fs, new Path(tmp, "metrics.json"), false, conf);
        }
        String q = new String(fs.open(new Path(quality, REPORT_FILE)).readAllBytes(), StandardCharsets.UTF_8);
        int end = q.lastIndexOf("</body>");
        page = end < 0 ? q + section(runId, report, drift) : q.substring(0, end) + section(runId, report, drift)
            + q.substring(end);
      }
      ObjectNode json = JSON.createObjectNode();
      json.put("run_id", runId);
      json.set("gates", report.toJson());
      ObjectNode d = json.putObject("drift");
      drift.forEach(d::put);
      try (OutputStream os = fs.create(new Path(tmp, GATES_FILE), true)) {
        JSON.writeValue(os, json);
      }
      try (OutputStream os = fs.create(new Path(tmp, REPORT_FILE), true)) {
        os.write(page.getBytes(StandardCharsets.UTF_8));
      }
      c.put("GATES", (long) report.gates().size());
      c.put("GATES_FAILED", (long) report.failures().size());
      return null;
    });
    return new Result(report, drift);
  }

  /** The gates over the stage counters and yesterday's drift (PSI gates only when there was a yesterday). */
  static GateReport evaluate(GateThresholds thresholds, String rules, Map<String, Map<String, Long>> counters,
      Map<String, Double> drift) {
    GateCheck check = new GateCheck(thresholds);
    List<String> broken = new ArrayList<>();
    for (Reconciliation.Check c : Reconciliation.check(rules, counters)) {
      if (!c.ok()) {
        broken.add(c.rule() + " — " + c.detail());
      }
    }
    check.isTrue(GateThresholds.DAILY_RECONCILIATION, broken.isEmpty(), broken.isEmpty()
        ? "every stage's records accounted for" : String.join("; ", broken));
    Map<String, Long> state = counters.getOrDefault("state", Map.of());
    long tokens = state.getOrDefault("TOKENS_OF_DAY", 0L);
    check.atLeast(GateThresholds.DAILY_IN_VOCAB_SHARE_MIN, tokens == 0 ? Double.NaN
        : state.getOrDefault("IN_VOCAB_TOKENS_OF_DAY", 0L) / (double) tokens);
    long users = state.getOrDefault("USERS", 0L);
    check.atLeast(GateThresholds.DAILY_USERS_WITH_INTEREST_MIN, users == 0 ? Double.NaN
        : state.getOrDefault("USERS_WITH_INTEREST", 0L) / (double) users);
    if (drift.containsKey("psi.top_interest")) {
      check.atMost(GateThresholds.DAILY_INTEREST_PSI_MAX, drift.get("psi.top_interest"));
    }
    if (drift.containsKey("psi.sentiment_label")) {
      check.atMost(GateThresholds.DAILY_SENTIMENT_PSI_MAX, drift.get("psi.sentiment_label"));
    }
    return check.report();
  }

  static Map<String, Double> readDrift(Configuration conf, Path file) throws IOException {
    FileSystem fs = file.getFileSystem(conf);
    if (!fs.exists(file)) {
      throw new UserError("--drift: no " + file);
    }
    Map<String, Double> out = new LinkedHashMap<>();
    try (InputStream in = fs.open(file)) {
      JsonNode n = JSON.readTree(in);
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isNumber()) {
          out.put(e.getKey(), e.getValue().asDouble());
        }
      }
    }
    return out;
  }

  private static String page(String runId, GateReport report, Map<String, Double> drift) {
    return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Portrait daily"
        + " gates</title><style>body{font-family:sans-serif}td,th{padding:2px 8px;text-align:left}"
        + ".fail{color:#b00}</style></head><body>" + section(runId, report, drift) + "</body></html>\n";
  }

  /** The gates and drift as a report section. */
  private static String section(String runId, GateReport report, Map<String, Double> drift) {
    StringBuilder s = new StringBuilder("<section id=\"gates\">");
    s.append("<h1>Data gates of run ").append(SvgCharts.esc(runId))
        .append(report.passed() ? ": every gate passed" : ": GATE FAILED")
        .append("</h1><table><tr><th>gate</th><th>value</th><th>bound</th><th>passed</th><th>reason</th></tr>");
    for (Gate g : report.gates()) {
      s.append("<tr").append(g.passed() ? "" : " class=\"fail\"").append("><td>").append(SvgCharts.esc(g.name()))
          .append("</td><td>").append(Gate.format(g.value())).append("</td><td>").append(Gate.format(g.bound()))
          .append("</td><td>").append(g.passed() ? "yes" : "NO").append("</td><td>").append(SvgCharts.esc(g.reason()))
          .append("</td></tr>");
    }
    s.append("</table><h2>Drift against yesterday</h2>");
    if (drift.isEmpty()) {
      s.append("<p>No yesterday to compare with.</p>");
    } else {
      s.append("<table><tr><th>metric</th><th>value</th></tr>");
      drift.forEach((k, v) -> s.append("<tr><td>").append(SvgCharts.esc(k)).append("</td><td>")
          .append(String.format(Locale.ROOT, "%.4f", v)).append("</td></tr>"));
      s.append("</table>");
    }
    return s.append("</section>").toString();
  }

  @Override
  public String command() {
    return "gates";
  }

  @Override
  public String usage() {
    return String.join("\n",
        "portrait gates --counters ingest=D,segment=D,state=D,segments=D [--drift DRIFT_DIR] [--quality Q] --output O",
        "               [--run-id ID]",
        "  The data gates of a daily run (no truth needed): counters reconcile (" + RECONCILE_RULES + "), share of",
        "  today's tokens in the model's vocabulary, share of users with an interest, PSI of the top interest and",
        "  of the sentiment label against yesterday (from the drift output). Bounds: the bundled gates.properties,",
        "  overridden by " + GateThresholds.FILE + ". Writes O/profile_metrics, O/gates.json, O/report.html;",
        "  exits non-zero naming the first failed gate. --quality Q (a metrics output, scored against truth):",
        "  its rows, metrics.json and report are included, the gates added to that report.");
  }

  @Override
  protected List<String> options() {
    return List.of("counters", "drift", "quality", "output", "run-id");
  }

  @Override
  protected int run(CliArgs a) throws Exception {
    Map<String, Path> stages = new LinkedHashMap<>();
    for (String pair : a.require("counters").split(",")) {
      String[] kv = pair.split("=", 2);
      if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
        throw new UserError("--counters expects stage=DIR,...; got '" + pair + "'");
      }
      stages.put(kv[0].strip(), new Path(kv[1].strip()));
    }
    Path drift = a.has("drift") ? new Path(a.require("drift")) : null;
    Path quality = a.has("quality") ? new Path(a.require("quality")) : null;
    Result r = run(getConf(), stages, drift, quality, new Path(a.require("output")), a.get("run-id", "gates"));
    for (String line : r.report().lines()) {
      System.out.println(line);
    }
    if (!r.report().passed()) {
      throw new UserError(r.report().firstFailure().orElse("a data gate failed") + "; nothing published");
    }
    return 0;
  }
}
