package org.portrait.jobs.usersegment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.SequenceFile;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.SequenceFileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.apache.hadoop.util.ReflectionUtils;
import org.apache.mahout.clustering.Cluster;
import org.apache.mahout.clustering.iterator.ClusterWritable;
import org.apache.mahout.clustering.kmeans.KMeansDriver;
import org.apache.mahout.clustering.kmeans.Kluster;
import org.apache.mahout.common.distance.CosineDistanceMeasure;
import org.apache.mahout.math.DenseVector;
import org.apache.mahout.math.Vector;
import org.apache.mahout.math.VectorWritable;
import org.apache.parquet.avro.AvroParquetInputFormat;
import org.apache.parquet.avro.AvroParquetOutputFormat;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.avro.SpecificDataSupplier;
import org.portrait.common.config.LocalMode;
import org.portrait.common.config.UserError;
import org.portrait.common.profile.CentroidMatching;
import org.portrait.common.profile.SegmentRules;
import org.portrait.jobs.CliArgs;
import org.portrait.jobs.Jobs;
import org.portrait.jobs.Stage;
import org.portrait.jobs.PortraitTool;
import org.portrait.schema.UserProfile;

/**
 * {@code segments --input P/user_profile --output G}: Apache Mahout k-means (cosine distance, seeded initial
 * centroids) over the profile vectors; writes G/user_segment/ (Parquet UserSegment) with segments under the
 * k-anonymity size merged into segment -1 (itself published with its size only when below that size), and
 * G/user_profile/ (Parquet UserProfile: the input profiles with their segment id). G is committed as a whole
 * (Stage skeleton); the input is only read.
 */
public class UserSegmentDriver extends PortraitTool {
  /** Number of clusters (at least 1). Default 8. */
  public static final String K = "portrait.segments.k";
  public static final int DEFAULT_K = 8;
  /** Most k-means iterations (at least 1). Default 10. */
  public static final String ITERATIONS = "portrait.segments.iterations";
  public static final int DEFAULT_ITERATIONS = 10;
  /** Convergence delta of Mahout k-means. Default 0.001. */
  public static final String DELTA = "portrait.segments.convergence-delta";
  public static final double DEFAULT_DELTA = 0.001;
  /** Seed of the initial centroid choice. Default 1. */
  public static final String SEED = "portrait.segments.seed";
  public static final long DEFAULT_SEED = 1;
  /**
   * k-anonymity: no published segment row describes fewer users (segment -1 below it is published with its
   * size only); at least 2. Default 20.
   */
  public static final String MIN_SIZE = "portrait.segments.min-size";
  public static final int DEFAULT_MIN_SIZE = 20;
  /** Run Mahout sequentially (in the driver); default: true in local mode, false on a cluster. */
  public static final String SEQUENTIAL = "portrait.segments.sequential";
  /**
   * Yesterday's segments output folder G_PREV (option --previous): k-means starts from its centroids
   * (G_PREV/centroids/) and each cluster keeps the id of the old one it matches (one-to-one, by cosine), so
   * that a segment id means the same group from day to day. Default: none (seeded random start, ids 0..k-1).
   */
  public static final String PREVIOUS = "portrait.segments.previous";
  /**
   * With {@link #PREVIOUS}: allow a k different from yesterday's (or vectors of another dimension). k-means then
   * starts from the seeded random choice; the clusters are still matched to yesterday's ids where they can
   * be, the others get fresh ids above yesterday's largest. Without it such a run is refused. Default false.
   */
  public static final String RECLUSTER = "portrait.segments.recluster";
  /** Run id written into each segment row. Default: derived from the time of the run. */
  public static final String RUN_ID = "portrait.segments.run-id";

  /** Folders of the output: the segment table and the profiles with their segment id. */
  public static final String SEGMENTS_DIR = "user_segment";
  public static final String PROFILES_DIR = "user_profile";

  /** What a run produced. */
  public static final class Result {
    public Map<String, Long> counters = new LinkedHashMap<>();
    public List<org.portrait.schema.UserSegment> segments = new ArrayList<>();
  }

  public static Result run(Configuration base, Path profiles, Path output) throws IOException {
    checkSettings(base);
    Configuration conf = new Configuration(base);
    conf.setBoolean("parquet.avro.write-old-list-structure", false);
    conf.set("parquet.summary.metadata.level", "NONE");
    AvroReadSupport.setAvroDataSupplier(conf, SpecificDataSupplier.class);
    AvroReadSupport.setAvroReadSchema(conf, UserProfile.getClassSchema());
    FileSystem fs = profiles.getFileSystem(conf);
    if (!fs.exists(profiles)) {
      throw new UserError(profiles + " does not exist");
    }
    checkApart(fs, profiles, output);
    String runId = conf.get(RUN_ID, "run-" + System.currentTimeMillis());
    String prev = conf.getTrimmed(PREVIOUS, "");
    PreviousSegments previous = prev.isEmpty() ? null : PreviousSegments.read(conf, new Path(prev));
    boolean recluster = conf.getBoolean(RECLUSTER, false);
    if (previous != null && !recluster && previous.k() != conf.getInt(K, DEFAULT_K)) {
      throw new UserError("--previous " + prev + " has k=" + previous.k() + " but " + K + "="
          + conf.getInt(K, DEFAULT_K) + ": pass --k " + previous.k()
          + " to keep the segments, or --recluster to start afresh");
    }
    return Stage.run(conf, output, (out, counters) -> {
      Path tmp = out.tempPath();
      Result res = new Result();
      // 1. profile vectors → Mahout input
      Path vectors = new Path(tmp, "_kmeans/vectors");
      Job vj = profileJob(conf, "segments-vectors", profiles);
      vj.setMapperClass(ProfileVectorMapper.class);
      vj.setNumReduceTasks(0);
      vj.setOutputKeyClass(Text.class);
      vj.setOutputValueClass(VectorWritable.class);
      vj.setOutputFormatClass(SequenceFileOutputFormat.class);
      FileOutputFormat.setOutputPath(vj, vectors);
      Jobs.runOrThrow(vj);
      res.counters.putAll(Jobs.counters(vj, UserSegmentCounters.class));

      // 2. seeded initial centroids, then Mahout k-means
      List<double[]> centroids = new ArrayList<>();
      long n = res.counters.get(UserSegmentCounters.VECTORS_OUT.name());
      if (n > 0) {
        Path clustersIn = new Path(tmp, "_kmeans/clusters-in");
        int k = (int) Math.min(conf.getInt(K, DEFAULT_K), n);
        Path seed = new Path(clustersIn, "part-seed");
        if (previous != null && !recluster) {
          previous.checkDimension(KMeansFiles.firstDimension(conf, vectors), prev);
          previous.writeInitialClusters(conf, seed); // k-means continues from yesterday's centres
        } else {
          KMeansFiles.writeInitialClusters(conf, vectors, seed, k, conf.getLong(SEED, DEFAULT_SEED));
        }
        Path kmOut = new Path(tmp, "_kmeans/out");
        boolean sequential = conf.getBoolean(SEQUENTIAL, LocalMode.isLocal(conf));
        try {
          KMeansDriver.run(conf, vectors, clustersIn, kmOut, conf.getDouble(DELTA, DEFAULT_DELTA),
              conf.getInt(ITERATIONS, DEFAULT_ITERATIONS), false, 0.0, sequential);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("k-means interrupted", e);
        } catch (ClassNotFoundException e) {
          throw new IOException(e);
        }
        centroids = KMeansFiles.readFinalCentroids(conf, kmOut);
      }

      // 3. sizes and descriptions per cluster, then the k-anonymity rule
      Path centroidsFile = new Path(tmp, "_kmeans/centroids.tsv");
      SegmentCentroids.write(conf, centroidsFile, centroids, Map.of());
      conf.set(SegmentCentroids.CENTROIDS, centroidsFile.toString());
      Path stats = new Path(tmp, "_kmeans/stats");
      Job sj = profileJob(conf, "segments-stats", profiles);
      sj.setMapperClass(SegmentStatsMapper.class);
      sj.setCombinerClass(SegmentStatsReducer.class);
      sj.setReducerClass(SegmentStatsReducer.class);
      sj.setNumReduceTasks(1);
      sj.setOutputKeyClass(IntWritable.class);
      sj.setOutputValueClass(Text.class);
      sj.setOutputFormatClass(TextOutputFormat.class);
      FileOutputFormat.setOutputPath(sj, stats);
      Jobs.runOrThrow(sj);
      res.counters.put(UserSegmentCounters.STATS_VALUES_SKIPPED.name(),
          Jobs.counters(sj, UserSegmentCounters.class).get(UserSegmentCounters.STATS_VALUES_SKIPPED.name()));
      // stable ids: yesterday's where a cluster matches one of its clusters, else fresh (or the index, first day)
      Map<Integer, Integer> ids = new java.util.TreeMap<>();
      if (previous != null) {
        CentroidMatching.Result m = CentroidMatching.match(centroids, previous.centroids);
        ids.putAll(m.ids());
        res.counters.put(UserSegmentCounters.SEGMENTS_MATCHED.name(), (long) m.matched());
        res.counters.put(UserSegmentCounters.SEGMENTS_NEW.name(), (long) m.fresh());
      } else {
        res.counters.put(UserSegmentCounters.SEGMENTS_MATCHED.name(), 0L);
        res.counters.put(UserSegmentCounters.SEGMENTS_NEW.name(), (long) centroids.size());
      }
      SegmentTable table = SegmentTable.fromStats(readLines(fs, stats), conf.getInt(MIN_SIZE, DEFAULT_MIN_SIZE),
          runId, ids);
      res.segments = table.rows;
      table.writeParquet(conf, new Path(tmp, SEGMENTS_DIR + "/part-00000.parquet"));
      SegmentCentroids.write(conf, centroidsFile, centroids, table.published);
      PreviousSegments.write(conf, new Path(tmp, PreviousSegments.DIR + "/" + PreviousSegments.FILE), centroids, ids,
          table.published);
      res.counters.put(UserSegmentCounters.SEGMENTS_PUBLISHED.name(), (long) table.publishedCount);
      res.counters.put(UserSegmentCounters.SEGMENTS_MERGED.name(), (long) table.mergedCount);
      res.counters.put(UserSegmentCounters.OTHER_SUPPRESSED.name(), table.otherSuppressed ? 1L : 0L);
      res.counters.put(UserSegmentCounters.OTHER_CENTROID_WITHHELD.name(), table.otherCentroidWithheld ? 1L : 0L);

      // 4. the profiles with their segment id, as this stage's own output: the profile stage's output is
      // never written to, so a failed or rerun segments stage cannot damage it (data flows forward)
      Job aj = profileJob(conf, "segments-assign", profiles);
      aj.setMapperClass(SegmentAssignMapper.class);
      aj.setNumReduceTasks(0);
      aj.setOutputKeyClass(Void.class);
      aj.setOutputValueClass(UserProfile.class);
      aj.setOutputFormatClass(AvroParquetOutputFormat.class);
      AvroParquetOutputFormat.setSchema(aj, UserProfile.getClassSchema());
      FileOutputFormat.setOutputPath(aj, new Path(tmp, PROFILES_DIR));
      Jobs.runOrThrow(aj);
      Map<String, Long> ac = Jobs.counters(aj, UserSegmentCounters.class);
      res.counters.put(UserSegmentCounters.PROFILES_OUT.name(), ac.getOrDefault("PROFILES_OUT", 0L));
      res.counters.put(UserSegmentCounters.USERS_IN_OTHER.name(), ac.getOrDefault("USERS_IN_OTHER", 0L));
      // The table's sizes and the profiles' ids come from separate passes: refuse to publish if they disagree
      // (the input changed under us), as the sizes would no longer describe the profiles.
      if (res.counters.get(UserSegmentCounters.USERS_IN_OTHER.name()) != table.otherSize
          || !res.counters.get(UserSegmentCounters.PROFILES_OUT.name()).equals(
              res.counters.get(UserSegmentCounters.PROFILES_IN.name()))) {
        throw new IOException("segment sizes and profile segment ids disagree: " + res.counters
            + " other=" + table.otherSize + "; was " + profiles + " changed during the run?");
      }
      fs.delete(new Path(tmp, "_kmeans"), true);
      counters.putAll(res.counters);
      return res;
    });
  }

  /** Refuses settings that would break k-anonymity or make k-means meaningless, naming the key and value. */
  static void checkSettings(Configuration conf) {
    atLeast(conf, MIN_SIZE, DEFAULT_MIN_SIZE, SegmentRules.MIN_ANONYMITY,
        " (k-anonymity: a smaller segment could describe a single user)");
    atLeast(conf, K, DEFAULT_K, 1, "");
    atLeast(conf, ITERATIONS, DEFAULT_ITERATIONS, 1, "");
  }

  /**
   * Refuses an output folder that is the input, holds it or lies inside it: committing the output replaces
   * the whole folder, which would delete the profiles being read.
   */
  static void checkApart(FileSystem fs, Path input, Path output) {
    String in = fs.makeQualified(input).toUri().getPath().replaceAll("/+$", "") + "/";
    String out = fs.makeQualified(output).toUri().getPath().replaceAll("/+$", "") + "/";
    if (in.startsWith(out) || out.startsWith(in)) {
      throw new UserError("--output " + output + " overlaps --input " + input
          + ": the segments stage writes its own folder and never into its input");
    }
  }

  private static void atLeast(Configuration conf, String key, int dflt, int min, String why) {
    String raw = conf.getTrimmed(key);
    int v;
    try {
      v = conf.getInt(key, dflt);
    } catch (NumberFormatException e) {
      throw new UserError(key + " must be an integer, got '" + raw + "'");
    }
    if (v < min) {
      throw new UserError(key + " must be at least " + min + why + ", got " + v);
    }
  }

  private static Job profileJob(Configuration conf, String name, Path profiles) throws IOException {
    Job job = Jobs.newJob(conf, name, UserSegmentDriver.class);
    job.setInputFormatClass(AvroParquetInputFormat.class);
    AvroParquetInputFormat.setAvroReadSchema(job, UserProfile.getClassSchema());
    FileInputFormat.addInputPath(job, profiles);
    return job;
  }

  private static List<String> readLines(FileSystem fs, Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    for (FileStatus st : KMeansFiles.sortedParts(fs, dir)) {
      for (String l : new String(fs.open(st.getPath()).readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!l.isBlank()) {
          lines.add(l);
        }
      }
    }
    return lines;
  }

  @Override
  public String command() {
    return "segments";
  }

  @Override
  public String usage() {
    return "segments --input P/user_profile --output G [--k 8] [--iterations 10] [--seed 1] [--min-size 20]\n"
        + "    [--previous G_PREV [--recluster]]\n"
        + "  Mahout k-means (cosine) over profile vectors. Writes G/user_segment/ (Parquet UserSegment) and\n"
        + "  G/user_profile/ (the profiles with their segment_id), atomically; --input is only read.\n"
        + "  Segments under --min-size users (at least 2) are merged into segment -1 (k-anonymity), which is\n"
        + "  published with its size only when itself under it. G/centroids/ keeps the final centroids: with\n"
        + "  --previous (yesterday's G) k-means starts from them and clusters keep yesterday's ids (matched by\n"
        + "  cosine, one-to-one; unmatched ones get fresh ids); a k other than yesterday's is refused unless\n"
        + "  --recluster (random start, ids still matched). Keys: portrait.segments.*";
  }

  @Override
  protected List<String> options() {
    return List.of("input", "output", "k", "iterations", "seed", "min-size", "run-id", "previous");
  }

  @Override
  protected List<String> flags() {
    return List.of("recluster");
  }

  @Override
  protected int run(CliArgs a) throws Exception {
    Configuration conf = getConf();
    // Passed on as text: checkSettings() then refuses a bad value naming its key, whichever way it was given.
    if (a.has("k")) {
      conf.set(K, a.get("k", ""));
    }
    if (a.has("iterations")) {
      conf.set(ITERATIONS, a.get("iterations", ""));
    }
    if (a.has("seed")) {
      conf.setLong(SEED, a.getLong("seed", DEFAULT_SEED));
    }
    if (a.has("min-size")) {
      conf.set(MIN_SIZE, a.get("min-size", ""));
    }
    if (a.has("run-id")) {
      conf.set(RUN_ID, a.get("run-id", ""));
    }
    if (a.has("previous")) {
      conf.set(PREVIOUS, a.get("previous", ""));
    }
    if (a.has("recluster")) {
      conf.set(RECLUSTER, a.get("recluster", "true"));
    }
    Result r = run(conf, new Path(a.require("input")), new Path(a.require("output")));
    System.out.println("segments: " + r.counters + " segments=" + r.segments.size());
    return 0;
  }
}
