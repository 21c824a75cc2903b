package org.portrait.jobs.metrics;

import org.portrait.common.config.UserError;
import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.generic.GenericData;
import org.apache.avro.mapreduce.AvroJob;
import org.apache.avro.mapreduce.AvroKeyInputFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.MultipleInputs;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.apache.parquet.avro.AvroParquetInputFormat;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.avro.GenericDataSupplier;
import org.portrait.common.metrics.MetricRow;
import org.portrait.common.metrics.Reconciliation;
import org.portrait.common.metrics.Thresholds;
import org.portrait.jobs.CliArgs;
import org.portrait.jobs.Jobs;
import org.portrait.jobs.Stage;
import org.portrait.jobs.PortraitTool;

/**
 * The metrics job: scores TEST users' profiles against the held-out truth, next to two baselines (majority
 * set / majority sentiment, TF-IDF nearest centroid), reconciles record counts across stages, and writes
 * {@code R/profile_metrics/} (Parquet ProfileMetric), {@code R/metrics.json} and {@code R/report.html}.
 * Exit code 1 when a record is unaccounted for or a metric is below its floor (outputs are still written,
 * so the report shows why).
 */
public class MetricsDriver extends PortraitTool {
  /** Truth categories with weight above this are gold. Default 0.0 (every listed category). */
  public static final String TRUTH_MIN_WEIGHT = "portrait.metrics.truth.min-weight";
  public static final double DEFAULT_TRUTH_MIN_WEIGHT = 0.0;
  /** A review is predicted positive when positive_prob is at least this. Default 0.5. */
  public static final String REVIEW_THRESHOLD = "portrait.metrics.review.threshold";
  public static final double DEFAULT_REVIEW_THRESHOLD = 0.5;
  /** Centroid baseline: at most this many interests per user. Default 3. */
  public static final String BASELINE_TOP_K = "portrait.metrics.baseline.top-k";
  public static final int DEFAULT_BASELINE_TOP_K = 3;
  /**
   * Centroid baseline: keep categories scoring at least this share of the best score. Default 0.9 (on the
   * primary-corpus benchmark 0.6 / 0.8 / 0.9 gave micro-F1 0.569 / 0.597 / 0.663: the strongest baseline is kept).
   */
  public static final String BASELINE_MIN_RELATIVE = "portrait.metrics.baseline.min-relative";
  public static final double DEFAULT_BASELINE_MIN_RELATIVE = 0.9;
  /** Centroid baseline: ignore terms in fewer training reviews than this. Default 2. */
  public static final String BASELINE_MIN_DF = "portrait.metrics.baseline.min-df";
  public static final int DEFAULT_BASELINE_MIN_DF = 2;
  /** Reduce tasks of the join. Default 1 (the output is a few hundred counts). */
  public static final String REDUCERS = "portrait.metrics.reducers";
  public static final int DEFAULT_REDUCERS = 1;
  /** Users drawn for the PCA scatter plot. Default 2000. */
  public static final String PCA_MAX_USERS = "portrait.metrics.pca.max-users";
  public static final int DEFAULT_PCA_MAX_USERS = 2000;
  /**
   * Reconciliation rules over stage counters ({@code stage:COUNTER = stage:COUNTER + ...; ...}); stages are
   * the names given to {@code --counters}. Default {@value #DEFAULT_RECONCILE_RULES}.
   */
  public static final String RECONCILE_RULES = "portrait.metrics.reconcile.rules";
  public static final String DEFAULT_RECONCILE_RULES = "ingest:RECORDS_READ = ingest:ACCEPTED + ingest:REJECTED;"
      + " ingest:ACCEPTED = segment:REVIEWS_IN;"
      + " segment:REVIEWS_IN = segment:REVIEWS_OUT + segment:REVIEWS_INVALID;"
      + " segment:REVIEWS_OUT = profile:REVIEWS_IN;"
      + " profile:REVIEWS_IN = profile:PREDICTIONS_OUT + profile:REVIEWS_NO_USER + profile:REVIEWS_REPEATED;"
      + " profile:PREDICTIONS_OUT = metrics:PREDICTIONS_TEST + metrics:PREDICTIONS_TRAIN_SKIPPED;"
      + " profile:USERS = metrics:PROFILES";

  // Set by the driver for the reducer (not user settings).
  static final String MAJORITY_SET = "portrait.metrics.internal.majority-set";
  static final String MAJORITY_SENTIMENT = "portrait.metrics.internal.majority-sentiment";
  static final String MAJORITY_REVIEW = "portrait.metrics.internal.majority-review";
  static final String CENTROID_MODEL = "portrait.metrics.internal.centroid-model";
  static final String KEYWORD_STATS = "portrait.metrics.internal.keyword-stats";
  /** False when no profiles were given: then only the baselines are scored. */
  static final String HAS_PROFILES = "portrait.metrics.internal.has-profiles";

  /** Inputs; everything but truth may be null (that part of the evaluation is then left out). */
  public record Options(Path profiles, Path predictions, Path tokens, Path truth, Path loss, Path segments,
      Path embeddingEval, Map<String, Path> counterDirs, Path thresholds, String runId) {}

  /** What the run found; {@link #ok()} is false when reconciliation or a threshold failed. */
  public record Result(Map<String, Long> counts, List<MetricRow> rows, List<Reconciliation.Check> checks,
      List<String> thresholdFailures, Map<String, Long> counters) {
    public boolean ok() {
      return thresholdFailures.isEmpty() && checks.stream().allMatch(Reconciliation.Check::ok);
    }

    /** The failures as readable lines. */
    public List<String> problems() {
      List<String> out = new ArrayList<>();
      checks.stream().filter(c -> !c.ok()).forEach(c -> out.add("reconciliation failed: " + c.rule() + " -> " + c.detail()));
      thresholdFailures.forEach(f -> out.add("threshold failed: " + f));
      return out;
    }
  }

  /** Runs the evaluation and writes {@code output}; see the class comment. */
  public static Result run(Configuration conf, Path output, Options o) throws IOException {
    if (o.truth() == null) {
      throw new UserError("truth file is required");
    }
    return Stage.run(conf, output, (out, ownCounters) -> {
      Path work = out.tempPath();
      FileSystem fs = work.getFileSystem(conf);
      fs.mkdirs(work);
      Configuration jobConf = new Configuration(conf);
      double minWeight = conf.getDouble(TRUTH_MIN_WEIGHT, DEFAULT_TRUTH_MIN_WEIGHT);
      MetricsInputs.TruthPriors priors = MetricsInputs.truthPriors(conf, o.truth(), minWeight);
      jobConf.set(MAJORITY_SET, String.join("|", priors.majoritySet()));
      jobConf.set(MAJORITY_SENTIMENT, priors.majoritySentiment());
      jobConf.setBoolean(HAS_PROFILES, o.profiles() != null);
      Path modelFile = new Path(work, "_centroids.tsv");
      Path statsFile = new Path(work, "_keyword-stats.tsv");
      if (o.tokens() != null) {
        MetricsInputs.Centroids c = MetricsInputs.centroids(conf, o.tokens(),
            conf.getInt(BASELINE_MIN_DF, DEFAULT_BASELINE_MIN_DF));
        try (Writer w = new OutputStreamWriter(fs.create(modelFile, true), StandardCharsets.UTF_8)) {
          c.model().write(w);
        }
        jobConf.set(CENTROID_MODEL, modelFile.toString());
        // Terms' category distributions over TRAIN reviews, measured here (not taken from the model being scored).
        try (java.io.OutputStream w = fs.create(statsFile, true)) {
          c.keywordStats().write(w);
        }
        jobConf.set(KEYWORD_STATS, statsFile.toString());
        jobConf.set(MAJORITY_REVIEW, c.majorityReview());
      } else if (o.predictions() != null) {
        jobConf.set(MAJORITY_REVIEW, MetricsInputs.reviewMajority(conf, o.predictions()));
      }
      Path jobOut = new Path(work, "_join");
      Job job = Jobs.newJob(jobConf, "metrics", MetricsDriver.class);
      Configuration jc = job.getConfiguration();
      AvroJob.setDataModelClass(job, GenericData.class);
      AvroReadSupport.setAvroDataSupplier(jc, GenericDataSupplier.class);
      MultipleInputs.addInputPath(job, o.truth(), TextInputFormat.class, MetricsMapper.class);
      if (o.profiles() != null) {
        MultipleInputs.addInputPath(job, o.profiles(), AvroParquetInputFormat.class, MetricsMapper.class);
      }
      if (o.predictions() != null) {
        MultipleInputs.addInputPath(job, o.predictions(), AvroKeyInputFormat.class, MetricsMapper.class);
      }
      if (o.tokens() != null) {
        MultipleInputs.addInputPath(job, o.tokens(), AvroKeyInputFormat.class, MetricsMapper.class);
      }
      job.setMapOutputKeyClass(Text.class);
      job.setMapOutputValueClass(Text.class);
      job.setReducerClass(MetricsReducer.class);
      job.setNumReduceTasks(conf.getInt(REDUCERS, DEFAULT_REDUCERS));
      job.setOutputKeyClass(Text.class);
      job.setOutputValueClass(LongWritable.class);
      job.setOutputFormatClass(TextOutputFormat.class);
      FileOutputFormat.setOutputPath(job, jobOut);
      Jobs.runOrThrow(job);
      Map<String, Long> counters = Jobs.counters(job, MetricsCounters.class);
      Map<String, Long> counts = MetricsOutputs.sumCounts(conf, jobOut);
      fs.delete(jobOut, true);
      fs.delete(modelFile, false);
      fs.delete(statsFile, false);
      org.portrait.common.metrics.LabelCeiling.resolve(org.portrait.common.metrics.MetricsSummary.CEILING, counts);

      long trainedOn = counters.get(MetricsCounters.TEST_USERS_TRAINED_ON.name());
      if (trainedOn > 0) {
        throw new UserError(trainedOn + " users marked test in --truth " + o.truth() + " have reviews of the train"
            + " split, whose labels trained the classifiers: mark them train (ingest splits users by "
            + "portrait.ingest.test-share; see docs/evaluation.md)");
      }
      if (o.profiles() != null && counts.getOrDefault("interest.ours.users", 0L) == 0) {
        // A headline of 0.000 over nobody reads as a result; say what is missing instead.
        throw new UserError("no test user to score: none of the " + counters.get(MetricsCounters.PROFILES.name())
            + " profiled users is marked test in --truth " + o.truth() + " (split column; see docs/evaluation.md)");
      }
      List<MetricRow> rows = new ArrayList<>(org.portrait.common.metrics.MetricsSummary.rows(counts));
      if (o.embeddingEval() != null) {
        rows.addAll(MetricsOutputs.embeddingRows(MetricsInputs.readText(conf, o.embeddingEval())));
      }
      Map<String, Map<String, Long>> stageCounters = new LinkedHashMap<>();
      if (o.counterDirs() != null) {
        for (Map.Entry<String, Path> e : o.counterDirs().entrySet()) {
          stageCounters.put(e.getKey(), Jobs.readCounters(conf, e.getValue()));
        }
      }
      if (o.profiles() != null && o.predictions() != null) {
        // what this job read must be what the profile stage wrote (rules on "metrics" skip otherwise)
        stageCounters.put("metrics", counters);
      }
      List<Reconciliation.Check> checks =
          Reconciliation.check(conf.get(RECONCILE_RULES, DEFAULT_RECONCILE_RULES), stageCounters);
      List<String> failures = List.of();
      if (o.thresholds() != null) {
        Properties floors = new Properties();
        floors.load(new StringReader(MetricsInputs.readText(conf, o.thresholds())));
        failures = Thresholds.failures(floors, rows);
      }
      Result result = new Result(counts, rows, checks, failures, counters);
      String runId = o.runId() != null ? o.runId()
          : ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
      MetricsOutputs.write(conf, work, runId, result, stageCounters, o);
      ownCounters.putAll(counters);
      return result;
    });
  }

  @Override
  public String command() {
    return "metrics";
  }

  @Override
  public String usage() {
    return String.join("\n",
        "usage: metrics --truth truth.csv --output R [--profiles P/user_profile] [--predictions P/review_predictions]",
        "               [--tokens S] [--loss M/loss.tsv] [--segments G/user_segment] [--embedding-eval eval.json]",
        "               [--counters ingest=D,segment=S,profile=P,...] [--thresholds floors.properties] [--run-id ID]",
        "Scores TEST users (interests: micro/macro P/R/F1, exact-set accuracy, per category; sentiment per user",
        "and per review) next to a majority baseline and a TF-IDF nearest-centroid baseline (needs --tokens);",
        "with --tokens also the label ceiling (threshold rule on true review categories) and keyword",
        "topicality@5 / support@5 of ours and of plain TF-IDF keywords;",
        "reconciles stage counters; writes R/profile_metrics/ (Parquet), R/metrics.json, R/report.html.",
        "truth.csv (format: docs/evaluation.md) user ids are raw and pseudonymised like ingest (-D "
            + UserKeyFunction.PSEUDONYM_KEY + "); no test user to score is an error.",
        "--thresholds: properties metric=floor or metric@slice=floor, e.g. interest.micro_f1=0.85.",
        "Exit 0 ok, 1 when reconciliation or a threshold fails (outputs are still written), 2 bad usage.",
        "Settings (-D): " + TRUTH_MIN_WEIGHT + " (0.0), " + REVIEW_THRESHOLD + " (0.5), " + BASELINE_TOP_K + " (3), "
            + BASELINE_MIN_RELATIVE + " (0.9), " + BASELINE_MIN_DF + " (2), " + REDUCERS + " (1), "
            + PCA_MAX_USERS + " (2000), " + RECONCILE_RULES + " (" + DEFAULT_RECONCILE_RULES + "), "
            + UserKeyFunction.CLASS_KEY + " (HMAC like ingest)");
  }

  @Override
  protected List<String> options() {
    return List.of("truth", "output", "profiles", "predictions", "tokens", "loss", "segments", "embedding-eval",
        "counters", "thresholds", "run-id");
  }

  @Override
  protected int run(CliArgs args) throws Exception {
    Map<String, Path> counterDirs = new LinkedHashMap<>();
    for (String pair : args.get("counters", "").split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new UserError("--counters wants stage=DIR pairs, got " + pair);
      }
      counterDirs.put(pair.substring(0, eq).strip(), new Path(pair.substring(eq + 1).strip()));
    }
    Options o = new Options(path(args, "profiles"), path(args, "predictions"), path(args, "tokens"),
        new Path(args.require("truth")), path(args, "loss"), path(args, "segments"), path(args, "embedding-eval"),
        counterDirs, path(args, "thresholds"), args.get("run-id", null));
    Path output = new Path(args.require("output"));
    Result r = run(getConf(), output, o);
    System.out.println("metrics: " + r.rows().size() + " figures written to " + output);
    r.checks().forEach(c -> System.out.println("  reconcile " + c.rule() + " -> " + c.detail()));
    if (!r.ok()) {
      r.problems().forEach(p -> System.err.println("metrics: " + p));
      return 1;
    }
    return 0;
  }

  private static Path path(CliArgs args, String name) {
    return args.has(name) ? new Path(args.get(name, null)) : null;
  }
}
