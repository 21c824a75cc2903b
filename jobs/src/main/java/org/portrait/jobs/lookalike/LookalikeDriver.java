package org.portrait.jobs.lookalike;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.apache.parquet.avro.AvroParquetInputFormat;
import org.apache.parquet.avro.AvroParquetOutputFormat;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.avro.SpecificDataSupplier;
import org.portrait.common.config.UserError;
import org.portrait.jobs.CliArgs;
import org.portrait.jobs.Jobs;
import org.portrait.jobs.PortraitTool;
import org.portrait.jobs.Stage;
import org.portrait.jobs.pipeline.PipelineLayout;
import org.portrait.schema.Lookalike;
import org.portrait.schema.UserProfile;

/**
 * {@code lookalike --seeds FILE --work ROOT --dt D --k N}: the N users most like a seed audience, by cosine of
 * their profile vector to the <b>centroid</b> of the seeds' unit vectors (one direction per audience; max over
 * seeds would let one odd seed pull in its own neighbours). Reads the profiles of every user of the day's
 * state ({@code ROOT/state/dt=D/user_profile}). Two MapReduce jobs: a map-only pass sums the seeds' vectors
 * (the driver adds the splits' lines); then each map task keeps the exact top N of its split and one reducer
 * merges them: exact (recall 1.0 against a full sort), linear in the users, O(N) memory per task. Writes
 * {@code ROOT/staging/dt=D/lookalike/<audience>} (Stage) and installs its file as
 * {@code ROOT/warehouse/lookalike/dt=D/<audience>.parquet}, replacing that audience's earlier file.
 * k-anonymity: an audience of fewer than {@link #MIN_AUDIENCE} users is not written at all (exit 2).
 */
public class LookalikeDriver extends PortraitTool {
  /** Smallest audience written (k-anonymity: a smaller one could single users out). Default 50. */
  public static final String MIN_AUDIENCE = "portrait.lookalike.min-audience";
  public static final int DEFAULT_MIN_AUDIENCE = 50;
  /** Most seeds one audience may have (every map task holds their keys, about 200 bytes each). Default 100,000. */
  public static final String MAX_SEEDS = "portrait.lookalike.max-seeds";
  public static final int DEFAULT_MAX_SEEDS = 100_000;
  // Set by the driver on its jobs.
  static final String SEEDS = "portrait.lookalike.seeds";
  static final String CENTROID = "portrait.lookalike.centroid";
  static final String K = "portrait.lookalike.k";
  static final String INTEREST = "portrait.lookalike.interest";
  static final String SENTIMENT = "portrait.lookalike.sentiment";
  static final String AUDIENCE_ID = "portrait.lookalike.audience-id";

  /** Table name, folder under the warehouse. */
  public static final String TABLE = "lookalike";

  /** What one request asks for. */
  public record Request(Path seeds, Path work, String dt, int k, String interest, String sentiment,
      String audienceId) {}

  /** What a run produced. */
  public record Result(String audienceId, Path output, Path table, Map<String, Long> counters) {}

  public static Result run(Configuration base, Request r) throws IOException {
    Configuration conf = new Configuration(base);
    if (r.k() < 1) {
      throw new UserError("--k must be at least 1, got " + r.k());
    }
    FileSystem fs = r.work().getFileSystem(conf);
    if (!r.seeds().getFileSystem(conf).isFile(r.seeds())) {
      throw new UserError("--seeds " + r.seeds() + ": no such file");
    }
    PipelineLayout layout = new PipelineLayout(r.work(), null, null, null, null, r.dt());
    Path profiles = new Path(layout.state(), "user_profile");
    if (!fs.isDirectory(profiles)) {
      throw new UserError("no profiles for dt=" + r.dt() + " at " + profiles + " (run daily or pipeline first)");
    }
    int maxSeeds = conf.getInt(MAX_SEEDS, DEFAULT_MAX_SEEDS);
    TreeSet<String> seeds = new TreeSet<>(LookalikeConf.readSeeds(conf, r.seeds(), maxSeeds));
    if (seeds.isEmpty()) {
      throw new UserError("--seeds " + r.seeds() + ": no user key in it");
    }
    String interest = r.interest() == null ? "" : r.interest();
    String sentiment = r.sentiment() == null ? "" : r.sentiment();
    if (!sentiment.isEmpty() && !List.of("positive", "neutral", "negative").contains(sentiment)) {
      throw new UserError("--sentiment " + sentiment + ": expected positive, neutral or negative");
    }
    String audience = r.audienceId() != null ? r.audienceId() : audienceId(seeds, r.k(), interest, sentiment);
    if (!audience.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new UserError("--audience " + audience + ": 1-64 letters, digits, '_' or '-'");
    }
    int minAudience = conf.getInt(MIN_AUDIENCE, DEFAULT_MIN_AUDIENCE);
    conf.set(SEEDS, fs.makeQualified(r.seeds()).toString());
    conf.setInt(K, r.k());
    conf.set(INTEREST, interest);
    conf.set(SENTIMENT, sentiment);
    conf.set(AUDIENCE_ID, audience);
    conf.setBoolean("parquet.avro.write-old-list-structure", false);
    conf.set("parquet.summary.metadata.level", "NONE");
    AvroReadSupport.setAvroDataSupplier(conf, SpecificDataSupplier.class);
    Path output = new Path(layout.stage(TABLE), audience);
    Path table = new Path(layout.partition(TABLE), audience + ".parquet");
    Map<String, Long> all = Stage.run(conf, output, (out, counters) -> {
      Path sums = new Path(out.tempPath(), "_centroid");
      Job cj = profileJob(conf, "lookalike-centroid", profiles);
      cj.setMapperClass(SeedVectorMapper.class);
      cj.setNumReduceTasks(0);
      cj.setOutputKeyClass(NullWritable.class);
      cj.setOutputValueClass(Text.class);
      cj.setOutputFormatClass(TextOutputFormat.class);
      FileOutputFormat.setOutputPath(cj, sums);
      Jobs.runOrThrow(cj);
      counters.putAll(Jobs.counters(cj, LookalikeCounters.class));
      double[] centroid = centroid(fs, sums);
      if (centroid == null) {
        throw new UserError("none of the " + seeds.size() + " seeds has a profile with a vector for dt=" + r.dt());
      }
      fs.delete(sums, true);
      Job tj = profileJob(conf, "lookalike-top" + r.k(), profiles);
      tj.getConfiguration().set(CENTROID, LookalikeConf.encode(centroid));
      tj.setMapperClass(LookalikeMapper.class);
      tj.setMapOutputKeyClass(NullWritable.class);
      tj.setMapOutputValueClass(Text.class);
      tj.setReducerClass(LookalikeReducer.class);
      tj.setNumReduceTasks(1);
      tj.setOutputFormatClass(AvroParquetOutputFormat.class);
      AvroParquetOutputFormat.setSchema(tj, Lookalike.getClassSchema());
      FileOutputFormat.setOutputPath(tj, new Path(out.tempPath(), "top"));
      Jobs.runOrThrow(tj);
      Map<String, Long> top = Jobs.counters(tj, LookalikeCounters.class);
      top.remove(LookalikeCounters.SEEDS_FOUND.name());
      top.merge(LookalikeCounters.BAD_PROFILES.name(), 0L, Long::sum);
      counters.putAll(top);
      long size = top.getOrDefault(LookalikeCounters.AUDIENCE.name(), 0L);
      if (size < minAudience) {
        throw new UserError("audience " + audience + " has " + size + " users, fewer than " + MIN_AUDIENCE + "="
            + minAudience + " (k-anonymity): not written");
      }
      Jobs.moveFiles(conf, new Path(out.tempPath(), "top"), "part-", out.tempPath(), "");
      fs.delete(new Path(out.tempPath(), "top"), true);
      return new LinkedHashMap<>(counters);
    });
    install(conf, fs, output, table);
    return new Result(audience, output, table, all);
  }

  private static Job profileJob(Configuration conf, String name, Path profiles) throws IOException {
    Job job = Jobs.newJob(conf, name, LookalikeDriver.class);
    job.setInputFormatClass(AvroParquetInputFormat.class);
    AvroParquetInputFormat.setAvroReadSchema(job, UserProfile.getClassSchema());
    AvroParquetInputFormat.addInputPath(job, profiles);
    return job;
  }

  /** Adds up the centroid job's lines; null when no seed was found. */
  static double[] centroid(FileSystem fs, Path dir) throws IOException {
    double[] sum = null;
    for (FileStatus st : fs.listStatus(dir, p -> p.getName().startsWith("part-"))) {
      String text;
      try (InputStream in = fs.open(st.getPath())) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      for (String line : text.split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        double[] v = LookalikeConf.decode(line.split("\t")[1]);
        if (sum == null) {
          sum = v;
        } else if (sum.length == v.length) {
          for (int i = 0; i < v.length; i++) {
            sum[i] += v[i];
          }
        }
      }
    }
    return sum;
  }

  /** Copies the audience's file into the table's dt partition; an earlier file of the audience is replaced. */
  private static void install(Configuration conf, FileSystem fs, Path output, Path table) throws IOException {
    FileStatus[] parts = fs.listStatus(output, p -> p.getName().startsWith("part-"));
    if (parts.length != 1) {
      throw new IOException(output + ": expected one part file, found " + parts.length);
    }
    Path temp = new Path(table.getParent(), "." + table.getName() + ".tmp");
    FileUtil.copy(fs, parts[0].getPath(), fs, temp, false, true, conf);
    fs.delete(table, false);
    if (!fs.rename(temp, table)) {
      throw new IOException("cannot install " + table);
    }
  }

  /** A stable id of a request: the same seeds and options give the same audience (a rerun replaces it). */
  static String audienceId(TreeSet<String> seeds, int k, String interest, String sentiment) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update((String.join("\n", seeds) + "\nk=" + k + "\ni=" + interest + "\ns=" + sentiment)
          .getBytes(StandardCharsets.UTF_8));
      return "la-" + HexFormat.of().formatHex(md.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String command() {
    return "lookalike";
  }

  @Override
  public String usage() {
    return "lookalike --seeds FILE --work ROOT --dt D --k N [--min-audience K] [--interest X] [--sentiment S]"
        + " [--audience ID]\n"
        + "  The N users most like the seeds (user keys, one a line) by cosine of their profile vector to the\n"
        + "  seeds' centroid, seeds excluded, from ROOT/state/dt=D/user_profile; --interest keeps users with X\n"
        + "  among their top interests, --sentiment users with that label. Exact top-N (map-side top N, one\n"
        + "  reducer). Writes ROOT/warehouse/lookalike/dt=D/<audience>.parquet; an audience under --min-audience\n"
        + "  (" + MIN_AUDIENCE + ", default " + DEFAULT_MIN_AUDIENCE + ") is not written: exit 2.\n"
        + "  Keys: portrait.lookalike.*";
  }

  @Override
  protected List<String> options() {
    return List.of("seeds", "work", "dt", "k", "min-audience", "interest", "sentiment", "audience");
  }

  @Override
  protected int run(CliArgs a) throws Exception {
    Configuration conf = a.copyTo(new Configuration(getConf()), "min-audience", MIN_AUDIENCE);
    org.portrait.jobs.settings.Settings.check(conf);
    String dt = a.require("dt");
    if (!dt.matches("\\d{4}-\\d{2}-\\d{2}")) {
      throw new UserError("--dt " + dt + ": not a date (yyyy-MM-dd)");
    }
    int k;
    try {
      k = Integer.parseInt(a.require("k"));
    } catch (NumberFormatException e) {
      throw new UserError("--k " + a.get("k", "") + ": not an integer");
    }
    Result res = run(conf, new Request(new Path(a.require("seeds")), new Path(a.require("work")), dt, k,
        a.get("interest", null), a.get("sentiment", null), a.get("audience", null)));
    System.out.println("lookalike: audience " + res.audienceId() + ": "
        + res.counters().getOrDefault(LookalikeCounters.AUDIENCE.name(), 0L) + " users (seeds found "
        + res.counters().getOrDefault(LookalikeCounters.SEEDS_FOUND.name(), 0L) + ", candidates "
        + res.counters().getOrDefault(LookalikeCounters.CANDIDATES.name(), 0L) + ") -> " + res.table());
    return 0;
  }
}
