package org.portrait.jobs.cooccur;

import org.portrait.common.config.UserError;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.avro.mapreduce.AvroJob;
import org.apache.avro.mapreduce.AvroKeyInputFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.portrait.common.config.LocalMode;
import org.portrait.jobs.CliArgs;
import org.portrait.jobs.Jobs;
import org.portrait.jobs.Stage;
import org.portrait.jobs.StageResult;
import org.portrait.jobs.PortraitTool;

/**
 * cooccur: GloVe co-occurrence counts (i, j, x_ij) from tokenized reviews and the vocabulary. Symmetric window,
 * 1/distance weights, OOV tokens dropped before distances are counted (as the reference does), each review a
 * separate document. Output: {@code C/part-r-NNNNN.cooc} (see {@link CooccurOutputFormat}), partitioned by
 * word row (see {@link CooccurPartitioner}), plus {@code C/_counters.json}.
 */
public class CooccurDriver extends PortraitTool {
  /** Vocabulary folder holding vocab.tsv; set by the driver from --vocab. */
  public static final String VOCAB = "portrait.cooccur.vocab";
  /** Window size on each side; default {@value #DEFAULT_WINDOW}. */
  public static final String WINDOW = "portrait.cooccur.window";
  public static final int DEFAULT_WINDOW = 10;
  /** Memory for each mapper's in-mapper combining map, MB; default {@value #DEFAULT_MAP_MEMORY_MB}. */
  public static final String MAP_MEMORY_MB = "portrait.cooccur.map-memory-mb";
  public static final long DEFAULT_MAP_MEMORY_MB = 128;
  /** Number of output partitions (reducers); default {@value #DEFAULT_PARTITIONS}. */
  public static final String PARTITIONS = "portrait.cooccur.partitions";
  public static final int DEFAULT_PARTITIONS = 4;
  /**
   * Map splits wanted at least (the input is cut into splits of at most total / min-splits bytes); 0 = one per
   * local map slot in local mode, block-sized splits otherwise. Default {@value #DEFAULT_MIN_SPLITS}.
   */
  public static final String MIN_SPLITS = "portrait.cooccur.min-splits";
  public static final int DEFAULT_MIN_SPLITS = 0;

  /** Runs the job with the settings in {@code conf} (defaults above) and commits {@code output} atomically. */
  public static StageResult run(Configuration conf, Path input, Path vocab, Path output) throws IOException {
    Configuration c = new Configuration(conf);
    c.set(VOCAB, vocab.toString());
    // Poll for completion often (default 5 s): the local runner finishes small inputs in well under that.
    c.setInt("mapreduce.client.completion.pollinterval", 100);
    // The reducer holds one row at a time, so its shuffled input may stay in memory (Hadoop's default of 0
    // writes it all to disk and reads it back first).
    c.setIfUnset("mapreduce.reduce.input.buffer.percent", "0.7");
    int window = c.getInt(WINDOW, DEFAULT_WINDOW);
    if (window < 1) {
      throw new UserError("window must be >= 1: " + window);
    }
    int partitions = c.getInt(PARTITIONS, DEFAULT_PARTITIONS);
    if (partitions < 1) {
      throw new UserError("partitions must be >= 1: " + partitions);
    }
    if (!vocab.getFileSystem(c).exists(new Path(vocab, "vocab.tsv"))) {
      throw new UserError("no vocab.tsv in " + vocab);
    }
    return Stage.run(c, output, (out, counters) -> {
      Job job = Jobs.newJob(c, "cooccur", CooccurDriver.class);
      job.setInputFormatClass(AvroKeyInputFormat.class);
      AvroJob.setInputKeySchema(job, CooccurMapper.TOKENS_ONLY);
      AvroJob.setDataModelClass(job, RawUtf8Data.class);
      FileInputFormat.addInputPath(job, input);
      limitSplitSize(job, input);
      job.setMapperClass(CooccurMapper.class);
      job.setCombinerClass(CooccurReducer.class);
      job.setReducerClass(CooccurReducer.class);
      job.setPartitionerClass(CooccurPartitioner.class);
      job.setMapOutputKeyClass(IntWritable.class);
      job.setMapOutputValueClass(BytesWritable.class);
      job.setOutputKeyClass(IntWritable.class);
      job.setOutputValueClass(BytesWritable.class);
      job.setNumReduceTasks(partitions);
      job.setOutputFormatClass(CooccurOutputFormat.class);
      FileOutputFormat.setOutputPath(job, out.tempPath());
      Jobs.runOrThrow(job);
      counters.putAll(Jobs.counters(job, CooccurCounters.class));
      return new StageResult(out.target(), counters);
    });
  }

  /** One small tokenized file would be one split, leaving all but one core idle: cut it (Avro is splittable). */
  private static void limitSplitSize(Job job, Path input) throws IOException {
    Configuration jc = job.getConfiguration();
    int minSplits = jc.getInt(MIN_SPLITS, DEFAULT_MIN_SPLITS);
    if (minSplits == 0 && LocalMode.isLocal(jc)) {
      minSplits = jc.getInt("mapreduce.local.map.tasks.maximum", 1);
    }
    if (minSplits > 1) {
      Jobs.splitInto(job, org.portrait.common.io.AvroFiles.length(jc, input), minSplits);
    }
  }

  @Override
  public String command() {
    return "cooccur";
  }

  @Override
  public String usage() {
    return "cooccur --input S --vocab V --output C [--window 10] [--partitions 4] [--map-memory-mb 128]"
        + " [--min-splits N]\n"
        + "  Counts GloVe co-occurrences of tokenized reviews S (Avro TokenizedReview) over the vocabulary V\n"
        + "  (V/vocab.tsv): symmetric window, 1/distance weights, OOV tokens dropped. Writes C/part-r-*.cooc\n"
        + "  (12-byte records int i, int j, float x, partitioned by i mod partitions) and C/_counters.json.\n"
        + "  Keys: " + WINDOW + ", " + PARTITIONS + ", " + MAP_MEMORY_MB + " (in-mapper combining budget), "
        + MIN_SPLITS + ".";
  }

  @Override
  protected List<String> options() {
    return List.of("input", "vocab", "output", "window", "partitions", "map-memory-mb", "min-splits");
  }

  @Override
  protected int run(CliArgs args) throws Exception {
    Configuration conf = args.copyTo(new Configuration(getConf()), "window", WINDOW, "partitions", PARTITIONS,
        "min-splits", MIN_SPLITS, "map-memory-mb", MAP_MEMORY_MB);
    long t0 = System.nanoTime();
    StageResult r = run(conf, new Path(args.require("input")), new Path(args.require("vocab")),
        new Path(args.require("output")));
    double secs = (System.nanoTime() - t0) / 1e9;
    long tokens = r.counters.getOrDefault(CooccurCounters.TOKENS.name(), 0L);
    System.out.printf("cooccur: %d tokens, %d entries in %.1f s (%.0f tokens/s) -> %s%n", tokens,
        r.counters.getOrDefault(CooccurCounters.ENTRIES_OUT.name(), 0L), secs, tokens / secs, r.output);
    return 0;
  }
}
