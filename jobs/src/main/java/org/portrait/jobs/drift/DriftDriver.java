package org.portrait.jobs.drift;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.MultipleInputs;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.apache.parquet.avro.AvroParquetInputFormat;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.avro.SpecificDataSupplier;
import org.portrait.common.config.UserError;
import org.portrait.common.metrics.Psi;
import org.portrait.jobs.CliArgs;
import org.portrait.jobs.Jobs;
import org.portrait.jobs.PortraitTool;
import org.portrait.jobs.Stage;
import org.portrait.schema.UserProfile;

/**
 * {@code drift --today P_TODAY --yesterday P_YESTERDAY --output D}: how the profiles moved between two
 * consecutive days. One MapReduce job joins the two user_profile folders on the user key (MultipleInputs, one
 * tagging mapper per day); the driver adds up the reducers' few lines of partial sums and the counters (its
 * work grows with the categories, not with the users) and writes D/{@value #METRICS_FILE} (metric → value),
 * D/{@value #SUMS_DIR}/ (the distributions, as text) and D/_counters.json, committed as a whole (Stage).
 */
public class DriftDriver extends PortraitTool {
  /** Reduce tasks of the join (at least 1). Default 1. */
  public static final String REDUCERS = "portrait.drift.reducers";
  public static final int DEFAULT_REDUCERS = 1;

  /** The figures, one JSON object: metric name → number (null when it cannot be computed, e.g. no user). */
  public static final String METRICS_FILE = "drift.json";
  /** The reducers' partial sums: distributions of both days and the shift sum. */
  public static final String SUMS_DIR = "distributions";

  /** Metric names of drift.json. */
  public static final String USERS_TODAY = "users.today";
  public static final String USERS_YESTERDAY = "users.yesterday";
  public static final String USERS_RETURNING = "users.returning";
  public static final String USERS_NEW = "users.new";
  public static final String USERS_GONE = "users.gone";
  /** PSI of the first top interest (or "none"), today against yesterday (common Psi). */
  public static final String PSI_INTEREST = "psi.top_interest";
  /** PSI of the sentiment label share. */
  public static final String PSI_SENTIMENT = "psi.sentiment_label";
  /** Mean of 1 − cos(today's vector, yesterday's) over returning users with a vector on both days. */
  public static final String COSINE_SHIFT = "vector.mean_cosine_shift";
  /** Share of returning users with a segment id on both days whose segment id changed. */
  public static final String SEGMENT_CHANGED = "segment.changed_share";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** What a run produced: the metrics of drift.json and the job's counters. */
  public static final class Result {
    public final Map<String, Object> metrics = new LinkedHashMap<>();
    public final Map<String, Long> counters = new LinkedHashMap<>();
  }

  public static Result run(Configuration base, Path today, Path yesterday, Path output) throws IOException {
    Configuration conf = new Configuration(base);
    AvroReadSupport.setAvroDataSupplier(conf, SpecificDataSupplier.class);
    AvroReadSupport.setAvroReadSchema(conf, UserProfile.getClassSchema());
    FileSystem fs = today.getFileSystem(conf);
    for (Path p : List.of(today, yesterday)) {
      if (!p.getFileSystem(conf).exists(p)) {
        throw new UserError(p + " does not exist");
      }
    }
    String t = folder(fs, today);
    String y = folder(fs, yesterday);
    if (t.equals(y)) {
      throw new UserError("--today and --yesterday are the same folder " + today + ": nothing to compare");
    }
    String o = folder(output.getFileSystem(conf), output);
    for (String in : List.of(t, y)) {
      if (in.startsWith(o) || o.startsWith(in)) {
        throw new UserError("--output " + output + " overlaps an input (" + in
            + "): the drift stage writes its own folder");
      }
    }
    int reducers = reducers(conf);
    if (reducers < 1) {
      throw new UserError(REDUCERS + " must be an integer of at least 1, got '" + conf.get(REDUCERS) + "'");
    }
    return Stage.run(conf, output, (out, counters) -> {
      Path sumsDir = new Path(out.tempPath(), SUMS_DIR);
      Job job = Jobs.newJob(conf, "drift", DriftDriver.class);
      AvroParquetInputFormat.setAvroReadSchema(job, UserProfile.getClassSchema());
      MultipleInputs.addInputPath(job, today, AvroParquetInputFormat.class, DriftMapper.Today.class);
      MultipleInputs.addInputPath(job, yesterday, AvroParquetInputFormat.class, DriftMapper.Yesterday.class);
      job.setMapOutputKeyClass(Text.class);
      job.setMapOutputValueClass(DriftRecord.class);
      job.setReducerClass(DriftReducer.class);
      job.setNumReduceTasks(reducers);
      job.setOutputKeyClass(NullWritable.class);
      job.setOutputValueClass(Text.class);
      job.setOutputFormatClass(TextOutputFormat.class);
      FileOutputFormat.setOutputPath(job, sumsDir);
      Jobs.runOrThrow(job);
      Result res = new Result();
      res.counters.putAll(Jobs.counters(job, DriftCounters.class));
      DriftSums sums = readSums(sumsDir.getFileSystem(conf), sumsDir);
      res.metrics.putAll(metrics(res.counters, sums));
      Path metricsFile = new Path(out.tempPath(), METRICS_FILE);
      try (OutputStream os = metricsFile.getFileSystem(conf).create(metricsFile, true)) {
        JSON.writeValue(os, res.metrics);
      }
      counters.putAll(res.counters);
      return res;
    });
  }

  private static int reducers(Configuration conf) {
    try {
      return conf.getInt(REDUCERS, DEFAULT_REDUCERS);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The figures of drift.json from the job's counters and the summed distributions. */
  static Map<String, Object> metrics(Map<String, Long> c, DriftSums sums) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(USERS_TODAY, c.getOrDefault(DriftCounters.USERS_TODAY.name(), 0L));
    m.put(USERS_YESTERDAY, c.getOrDefault(DriftCounters.USERS_YESTERDAY.name(), 0L));
    m.put(USERS_RETURNING, c.getOrDefault(DriftCounters.USERS_RETURNING.name(), 0L));
    m.put(USERS_NEW, c.getOrDefault(DriftCounters.USERS_NEW.name(), 0L));
    m.put(USERS_GONE, c.getOrDefault(DriftCounters.USERS_GONE.name(), 0L));
    m.put(PSI_INTEREST, finite(Psi.psi(sums.get(DriftSums.INTEREST_TODAY), sums.get(DriftSums.INTEREST_YESTERDAY))));
    m.put(PSI_SENTIMENT,
        finite(Psi.psi(sums.get(DriftSums.SENTIMENT_TODAY), sums.get(DriftSums.SENTIMENT_YESTERDAY))));
    long shiftUsers = c.getOrDefault(DriftCounters.SHIFT_USERS.name(), 0L);
    m.put(COSINE_SHIFT, shiftUsers == 0 ? null : sums.shiftSum / shiftUsers);
    long compared = c.getOrDefault(DriftCounters.SEGMENT_COMPARED.name(), 0L);
    m.put(SEGMENT_CHANGED,
        compared == 0 ? null : (double) c.getOrDefault(DriftCounters.SEGMENT_CHANGED.name(), 0L) / compared);
    return m;
  }

  private static Double finite(double d) {
    return Double.isFinite(d) ? d : null;
  }

  private static DriftSums readSums(FileSystem fs, Path dir) throws IOException {
    DriftSums sums = new DriftSums();
    for (FileStatus st : fs.listStatus(dir, p -> p.getName().startsWith("part-"))) {
      String text;
      try (java.io.InputStream in = fs.open(st.getPath())) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      for (String l : text.split("\n")) {
        if (!l.isBlank()) {
          sums.merge(l);
        }
      }
    }
    return sums;
  }

  /** Qualified path with one trailing slash, to compare folders. */
  private static String folder(FileSystem fs, Path p) {
    return fs.makeQualified(p).toUri().getPath().replaceAll("/+$", "") + "/";
  }

  @Override
  public String command() {
    return "drift";
  }

  @Override
  public String usage() {
    return "drift --today P_TODAY --yesterday P_YESTERDAY --output D\n"
        + "  Compares two days of profiles (user_profile Parquet folders, e.g. G/user_profile of two segments\n"
        + "  runs) joined by user key. Writes D/drift.json: users.today/yesterday/returning/new/gone,\n"
        + "  psi.top_interest, psi.sentiment_label, vector.mean_cosine_shift (1 - cos, returning users),\n"
        + "  segment.changed_share (null where nothing to compare); D/distributions/ and D/_counters.json.\n"
        + "  Keys: portrait.drift.*";
  }

  @Override
  protected List<String> options() {
    return List.of("today", "yesterday", "output");
  }

  @Override
  protected int run(CliArgs a) throws Exception {
    Result r = run(getConf(), new Path(a.require("today")), new Path(a.require("yesterday")),
        new Path(a.require("output")));
    System.out.println("drift: " + r.metrics);
    return 0;
  }
}
