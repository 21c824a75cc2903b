package org.portrait.jobs.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapreduce.AvroJob;
import org.apache.avro.mapreduce.AvroKeyOutputFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.LazyOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;
import org.apache.parquet.avro.AvroParquetOutputFormat;
import org.apache.parquet.hadoop.ParquetOutputFormat;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.portrait.common.UserSplit;
import org.portrait.common.config.LocalMode;
import org.portrait.common.config.UserError;
import org.portrait.common.csv.Csv;
import org.portrait.common.privacy.PseudonymKey;
import org.portrait.jobs.CliArgs;
import org.portrait.jobs.Jobs;
import org.portrait.jobs.Stage;
import org.portrait.jobs.PortraitTool;
import org.portrait.schema.Review;
import org.portrait.schema.ReviewReject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ingest}: raw reviews (CSV/TSV with header, JSON Lines, Avro; optionally compressed) to D/reviews/ (Avro
 * {@link Review}) and D/rejects/ (Parquet {@link ReviewReject}, the review_reject table), plus D/_counters.json.
 * Every record read is accepted or rejected with a reason; the run fails when the counts do not reconcile, and
 * (a user error) when nothing was accepted. Review texts and reject rows are PII-masked before they are
 * written; raw records are kept only in a quarantine folder, when one is given. Output is committed atomically
 * (a rerun replaces it).
 */
public class IngestDriver extends PortraitTool {
  private static final Logger LOG = LoggerFactory.getLogger(IngestDriver.class);

  /** Input format: auto (by file extension), csv, tsv, jsonl or avro. Default auto. */
  public static final String FORMAT = "portrait.ingest.format";
  public static final String DEFAULT_FORMAT = "auto";
  /** Prefix of the column mapping: portrait.ingest.column.&lt;field&gt; = input column; default: the field name. */
  public static final String COLUMN_PREFIX = "portrait.ingest.column.";
  /** Longest accepted text in characters (code points) after clean-up; longer is TEXT_TOO_LONG. Default 5000. */
  public static final String MAX_TEXT_CHARS = "portrait.ingest.max-text-chars";
  public static final int DEFAULT_MAX_TEXT_CHARS = 5000;
  /** Characters of the (masked) text kept in a reject row, and of the raw record in the quarantine. Default 2000. */
  public static final String MAX_RAW_CHARS = "portrait.ingest.max-raw-chars";
  public static final int DEFAULT_MAX_RAW_CHARS = 2000;
  /** Bytes after which an unclosed quote in CSV/TSV is given up at the next line end. Default 1 MiB. */
  public static final String MAX_RECORD_BYTES = "portrait.ingest.max-record-bytes";
  public static final int DEFAULT_MAX_RECORD_BYTES = 1 << 20;
  /** Share of users in the test split (UserSplit). Default UserSplit.DEFAULT_TEST_SHARE (0.3). */
  public static final String TEST_SHARE = "portrait.ingest.test-share";
  /** Time zone of timestamps without offset. Default UTC. */
  public static final String TIMEZONE = "portrait.ingest.timezone";
  public static final String DEFAULT_TIMEZONE = "UTC";
  /** Reduce tasks (de-duplication by review id and output writing). Default 1. */
  public static final String REDUCERS = "portrait.ingest.reducers";
  public static final int DEFAULT_REDUCERS = 1;
  /** Pseudonym key alias, see {@link PseudonymKey}. */
  public static final String PSEUDONYM_KEY = PseudonymKey.KEY;
  /**
   * Allow the public development pseudonym key for output on a cluster file system (anything but file:), where
   * ingest otherwise refuses it. Default false.
   */
  public static final String ALLOW_DEVELOPMENT_KEY = "portrait.ingest.allow-development-key";
  /**
   * Folder for the raw records of rejects (JSON Lines, folder mode 700, files 600; normally the layout's
   * quarantine area, quarantine/dt=&lt;dt&gt;); replaced by each run. Default none: raw records are not kept.
   */
  public static final String QUARANTINE = "portrait.ingest.quarantine";

  @Override
  public String command() {
    return "ingest";
  }

  @Override
  public String usage() {
    return String.join("\n",
        "usage: ingest --input FILE|DIR[,FILE|DIR...] --output D [--format auto|csv|tsv|jsonl|avro]"
            + " [--test-share X] [--quarantine Q]",
        "  Validates, cleans, PII-masks and de-duplicates raw reviews; writes D/reviews/ (Avro Review), D/rejects/",
        "  (Parquet ReviewReject: reason, user key, masked text) and D/_counters.json. Raw records of rejects go",
        "  to Q (--quarantine or " + QUARANTINE + "; folder mode 700, files 600) or nowhere.",
        "  Every record is accepted or rejected; the run fails if read != accepted + rejected, and (exit 2) if no",
        "  record was accepted. Formats by extension (.csv .tsv .jsonl .avro, also .gz) unless set.",
        "  Settings (-D key=value): " + FORMAT + " (auto), " + COLUMN_PREFIX
            + "{user_id,review_id,text,ts,category,label} (the field name),",
        "  " + MAX_TEXT_CHARS + " (" + DEFAULT_MAX_TEXT_CHARS + "), " + MAX_RAW_CHARS + " (" + DEFAULT_MAX_RAW_CHARS
            + "), " + MAX_RECORD_BYTES + " (" + DEFAULT_MAX_RECORD_BYTES + "),",
        "  " + TEST_SHARE + " (" + UserSplit.DEFAULT_TEST_SHARE + "), " + TIMEZONE + " (UTC), " + REDUCERS + " (1),",
        "  " + PSEUDONYM_KEY + ": HMAC key for user pseudonyms, from a Hadoop credential provider",
        "  (hadoop.security.credential.provider.path) or the configuration; without it a public development key",
        "  is used and a warning printed - refused for output on a cluster file system unless",
        "  " + ALLOW_DEVELOPMENT_KEY + "=true.");
  }

  @Override
  protected List<String> options() {
    return List.of("input", "output", "format", "test-share", "quarantine");
  }

  @Override
  protected int run(CliArgs args) throws Exception {
    Configuration conf = args.copyTo(new Configuration(getConf()), "format", FORMAT, "test-share", TEST_SHARE,
        "quarantine", QUARANTINE);
    List<Path> inputs = new ArrayList<>();
    for (String s : args.require("input").split(",")) {
      if (!s.isBlank()) {
        inputs.add(new Path(s.trim()));
      }
    }
    IngestResult r = run(conf, inputs, new Path(args.require("output")));
    System.out.println(r.summary());
    return 0;
  }

  /** The column mapping from {@code conf}. */
  static ReviewParser.Columns columns(Configuration conf) {
    ReviewParser.Columns c = new ReviewParser.Columns();
    c.userId = conf.get(COLUMN_PREFIX + "user_id", c.userId);
    c.reviewId = conf.get(COLUMN_PREFIX + "review_id", c.reviewId);
    c.text = conf.get(COLUMN_PREFIX + "text", c.text);
    c.ts = conf.get(COLUMN_PREFIX + "ts", c.ts);
    c.category = conf.get(COLUMN_PREFIX + "category", c.category);
    c.label = conf.get(COLUMN_PREFIX + "label", c.label);
    return c;
  }

  /**
   * Typed entry point: ingests {@code inputs} (files or folders, read recursively; hidden and {@code _} files
   * skipped) into {@code output}, and the raw rejects into {@link #QUARANTINE} when set. Bad settings, unknown
   * formats, headers without the user id or text column and the development key on a cluster are
   * {@link UserError}s before any job runs; a failed job, counts that do not
   * reconcile and a run that accepted nothing are exceptions too, and leave any previous output in place.
   */
  public static IngestResult run(Configuration baseConf, List<Path> inputs, Path output) throws IOException {
    Configuration conf = new Configuration(baseConf);
    PseudonymKey key = PseudonymKey.resolve(conf);
    IngestGuards.requireUsableKey(conf, key, output);
    List<Path> files = inputFiles(conf, inputs);
    if (files.isEmpty()) {
      throw IngestGuards.nothingAccepted(conf, inputs, 0, Map.of());
    }
    for (Path f : files) {
      IngestFormat format = IngestFormat.of(f, conf);
      if (format.delimited()) {
        checkHeader(conf, f, format);
      }
    }
    if (key.isDevelopmentKey()) {
      LOG.warn(PseudonymKey.warning());
      System.err.println(PseudonymKey.warning());
    }
    conf.set("parquet.avro.write-old-list-structure", "false");
    if (LocalMode.isLocal(conf)) {
      // waitForCompletion polls every 5 s by default: most of a small local job's wall time.
      conf.setIfUnset("mapreduce.client.completion.pollinterval", "100");
    }
    return Stage.run(conf, output, (out, ownCounters) -> {
      Job job = Jobs.newJob(conf, "ingest", IngestDriver.class);
      job.setInputFormatClass(IngestInputFormat.class);
      // Only hidden files (or none): give the folders themselves, which list as zero splits.
      FileInputFormat.setInputPaths(job, (files.isEmpty() ? inputs : files).toArray(new Path[0]));
      job.setMapperClass(IngestMapper.class);
      job.setReducerClass(IngestReducer.class);
      job.setMapOutputKeyClass(Text.class);
      job.setMapOutputValueClass(IngestValue.class);
      job.setOutputKeyClass(NullWritable.class);
      job.setOutputValueClass(NullWritable.class);
      job.setNumReduceTasks(conf.getInt(REDUCERS, DEFAULT_REDUCERS));
      LazyOutputFormat.setOutputFormatClass(job, AvroKeyOutputFormat.class);
      AvroJob.setOutputKeySchema(job, Review.getClassSchema());
      FileOutputFormat.setCompressOutput(job, true);
      job.getConfiguration().set(AvroJob.CONF_OUTPUT_CODEC, "deflate");
      // AvroKeyOutputFormat names its files from this key (not MultipleOutputs' base path): reviews/part-r-*.avro.
      job.getConfiguration().set("avro.mo.config.namedOutput", IngestReducer.REVIEWS + "/part");
      MultipleOutputs.addNamedOutput(job, IngestReducer.REVIEWS, AvroKeyOutputFormat.class, AvroKey.class,
          NullWritable.class);
      MultipleOutputs.addNamedOutput(job, IngestReducer.REJECTS, AvroParquetOutputFormat.class, Void.class,
          ReviewReject.class);
      AvroParquetOutputFormat.setSchema(job, ReviewReject.getClassSchema());
      ParquetOutputFormat.setCompression(job, CompressionCodecName.UNCOMPRESSED);
      Path quarantine = conf.get(QUARANTINE) == null ? null : new Path(conf.get(QUARANTINE));
      if (quarantine != null) {
        MultipleOutputs.addNamedOutput(job, IngestReducer.QUARANTINE, QuarantineOutputFormat.class,
            NullWritable.class, Text.class);
      }
      FileOutputFormat.setOutputPath(job, out.tempPath());
      Jobs.runOrThrow(job);

      Map<String, Long> counters = Jobs.counters(job, IngestCounters.class);
      IngestResult result = new IngestResult(out.target(), counters);
      String problem = result.reconciliationError();
      if (problem != null) {
        throw new IllegalStateException("ingest does not reconcile: " + problem + "; output not committed");
      }
      if (result.accepted == 0) {
        throw IngestGuards.nothingAccepted(conf, inputs, result.read, result.rejectedBy);
      }
      if (quarantine != null) {
        IngestGuards.publishQuarantine(conf, new Path(out.tempPath(), IngestReducer.QUARANTINE_DIR), quarantine);
      }
      FileSystem fs = out.tempPath().getFileSystem(conf);
      // Downstream stages and Hive expect both folders, even when empty.
      fs.mkdirs(new Path(out.tempPath(), IngestReducer.REVIEWS));
      fs.mkdirs(new Path(out.tempPath(), IngestReducer.REJECTS));
      ownCounters.putAll(counters);
      return result;
    });
  }

  /** The data files under {@code inputs}; a UserError for a path that does not exist. */
  static List<Path> inputFiles(Configuration conf, List<Path> inputs) throws IOException {
    if (inputs.isEmpty()) {
      throw new UserError("no input given");
    }
    List<Path> files = new ArrayList<>();
    for (Path in : inputs) {
      FileSystem fs = in.getFileSystem(conf);
      if (!fs.exists(in)) {
        throw new UserError("input not found: " + in);
      }
      collect(fs, fs.getFileStatus(in), files, true);
    }
    files.sort(null);
    return files;
  }

  private static void collect(FileSystem fs, FileStatus st, List<Path> files, boolean top) throws IOException {
    String name = st.getPath().getName();
    if (!top && (name.startsWith("_") || name.startsWith("."))) {
      return;
    }
    if (st.isDirectory()) {
      for (FileStatus c : fs.listStatus(st.getPath())) {
        collect(fs, c, files, false);
      }
    } else {
      files.add(fs.makeQualified(st.getPath()));
    }
  }

  /** Reads the first record of a CSV/TSV file and checks that the mapped user id and text columns exist. */
  private static void checkHeader(Configuration conf, Path file, IngestFormat format) throws IOException {
    DelimitedRecordReader reader = new DelimitedRecordReader(format.delimiter());
    try {
      reader.initialize(file, conf);
      if (!reader.nextKeyValue()) {
        return; // empty file: no header, no records
      }
      Text v = reader.getCurrentValue();
      String header;
      try {
        header = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(v.getBytes(), 0, v.getLength()))
            .toString();
      } catch (CharacterCodingException e) {
        throw new UserError(file + ": header row is not valid UTF-8");
      }
      if (!header.isEmpty() && header.charAt(0) == Csv.BOM) {
        header = header.substring(1);
      }
      ReviewParser probe = new ReviewParser(columns(conf), null, 0, 0, null);
      probe.setHeader(Csv.parse(header, format.delimiter()));
    } catch (Csv.MalformedRecordException e) {
      throw new UserError(file + ": bad header: " + e.getMessage());
    } catch (UserError e) {
      throw e.getMessage().startsWith(file.toString()) ? e : new UserError(file + ": " + e.getMessage());
    } finally {
      reader.close();
    }
  }
}
