package org.portrait.jobs.segment;

import org.portrait.common.config.UserError;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapreduce.AvroJob;
import org.apache.avro.mapreduce.AvroKeyInputFormat;
import org.apache.avro.mapreduce.AvroKeyOutputFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.util.ToolRunner;
import org.portrait.common.io.AvroFiles;
import org.portrait.jobs.CliArgs;
import org.portrait.jobs.Jobs;
import org.portrait.jobs.Stage;
import org.portrait.jobs.StageResult;
import org.portrait.jobs.PortraitTool;
import org.portrait.schema.Review;
import org.portrait.schema.TokenizedReview;

/**
 * segment: Avro Review (ingest's D/reviews) → Avro TokenizedReview, map-only. Keys: see {@link SegmentConf}.
 * The input is cut into at least {@code portrait.segment.min-splits} splits (Avro files split at sync markers)
 * so that every local map slot / core has work even when ingest wrote a single file.
 */
public class SegmentDriver extends PortraitTool {
  /** Extra entry of the result / {@code _counters.json}: map tasks run (= part files written). */
  public static final String MAP_TASKS = "MAP_TASKS";

  /** Runs the job over the {@code *.avro} files of {@code input}; replaces {@code output} on success. */
  public static StageResult run(Configuration conf, Path input, Path output) throws IOException {
    List<Path> files = AvroFiles.dataFiles(conf, input, ".avro");
    if (files.isEmpty()) {
      throw new UserError("no *.avro review files in " + input);
    }
    Job job = Jobs.newJob(conf, "segment", SegmentDriver.class);
    Configuration jc = job.getConfiguration();
    long total = 0;
    for (Path f : files) {
      FileInputFormat.addInputPath(job, f);
      total += f.getFileSystem(jc).getFileStatus(f).getLen();
    }
    long maxSplit = jc.getLong(SegmentConf.SPLIT_MAX_BYTES, SegmentConf.DEFAULT_SPLIT_MAX_BYTES);
    if (maxSplit > 0) {
      FileInputFormat.setMaxInputSplitSize(job, maxSplit);
    } else {
      Jobs.splitInto(job, total, jc.getInt(SegmentConf.MIN_SPLITS, SegmentConf.DEFAULT_MIN_SPLITS));
    }
    job.setInputFormatClass(AvroKeyInputFormat.class);
    AvroJob.setInputKeySchema(job, Review.getClassSchema());
    job.setMapperClass(SegmentMapper.class);
    job.setNumReduceTasks(0);
    job.setOutputFormatClass(AvroKeyOutputFormat.class);
    AvroJob.setOutputKeySchema(job, TokenizedReview.getClassSchema());
    job.setOutputKeyClass(AvroKey.class);
    job.setOutputValueClass(NullWritable.class);

    return Stage.run(jc, output, (out, counters) -> {
      FileOutputFormat.setOutputPath(job, out.tempPath());
      Jobs.runOrThrow(job);
      counters.putAll(Jobs.counters(job, SegmentCounters.class));
      counters.put(MAP_TASKS, (long) AvroFiles.dataFiles(jc, out.tempPath(), ".avro").size());
      return new StageResult(out.target(), counters);
    });
  }

  @Override
  public String command() {
    return "segment";
  }

  @Override
  public String usage() {
    return String.join("\n",
        "usage: segment --input D_ingest/reviews --output S [options] [-D key=value ...]",
        "Segments each review with HanLP (Viterbi) after full-width/case normalisation and PII masking",
        "(<PHONE> <EMAIL> <ID> <URL>), removes punctuation and stopwords, writes Avro TokenizedReview to S/.",
        "A review left without tokens is kept with an empty token list and counted (EMPTY_AFTER_SEGMENT).",
        "options (each also a -D key):",
        "  --stopwords FILES     extra stopword lists, comma-separated  (" + SegmentConf.STOPWORDS_FILES + ")",
        "  --no-stopwords        keep stopwords                          (" + SegmentConf.STOPWORDS_REMOVE + "=false; default true)",
        "  --no-bundled          do not use the bundled list             (" + SegmentConf.STOPWORDS_BUNDLED + "=false; default true)",
        "  --drop-negations      remove negations listed as stopwords    (" + SegmentConf.KEEP_NEGATIONS + "=false; default keep)",
        "  --keep WORDS          words never removed, comma-separated    (" + SegmentConf.STOPWORDS_KEEP + ")",
        "  --pos PREFIXES        keep only these HanLP natures, e.g. n,v,a (" + SegmentConf.POS_KEEP + "; default all)",
        "  --user-dict FILES     HanLP user dictionaries                 (" + SegmentConf.USER_DICT + ")",
        "  --max-split-bytes N   maximum split size; 0 = input/min-splits (" + SegmentConf.SPLIT_MAX_BYTES + "; default 0)",
        "  --min-splits N        splits when automatic                   (" + SegmentConf.MIN_SPLITS + "; default 2)");
  }

  @Override
  protected List<String> options() {
    return List.of("input", "output", "stopwords", "keep", "pos", "user-dict", "max-split-bytes", "min-splits");
  }

  @Override
  protected List<String> flags() {
    return List.of("no-stopwords", "no-bundled", "drop-negations");
  }

  @Override
  protected int run(CliArgs args) throws Exception {
    Configuration conf = args.copyTo(new Configuration(getConf()), "stopwords", SegmentConf.STOPWORDS_FILES,
        "keep", SegmentConf.STOPWORDS_KEEP, "pos", SegmentConf.POS_KEEP, "user-dict", SegmentConf.USER_DICT,
        "max-split-bytes", SegmentConf.SPLIT_MAX_BYTES, "min-splits", SegmentConf.MIN_SPLITS);
    if (args.has("no-stopwords")) {
      conf.setBoolean(SegmentConf.STOPWORDS_REMOVE, false);
    }
    if (args.has("no-bundled")) {
      conf.setBoolean(SegmentConf.STOPWORDS_BUNDLED, false);
    }
    if (args.has("drop-negations")) {
      conf.setBoolean(SegmentConf.KEEP_NEGATIONS, false);
    }
    StageResult r = run(conf, new Path(args.require("input")), new Path(args.require("output")));
    System.out.println("segment: " + r.counters);
    return 0;
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new SegmentDriver(), args));
  }
}
