package org.portrait.jobs.vocab;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.mapreduce.AvroJob;
import org.apache.avro.mapreduce.AvroKeyInputFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.SequenceFile;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.SequenceFileOutputFormat;
import org.apache.hadoop.util.ToolRunner;
import org.portrait.common.config.UserError;
import org.portrait.common.io.AvroFiles;
import org.portrait.common.text.Vocabulary;
import org.portrait.jobs.CliArgs;
import org.portrait.jobs.Jobs;
import org.portrait.jobs.Stage;
import org.portrait.jobs.StageResult;
import org.portrait.jobs.PortraitTool;
import org.portrait.schema.TokenizedReview;
import org.portrait.schema.VocabEntry;

/**
 * vocab: TokenizedReview → V/vocab.tsv ({@code word<TAB>count<TAB>df}, line = id), V/avro/ (VocabEntry).
 *
 * <p>The job counts (mapper per review, combiner, reducers keyed by word, min-count in the reducer); the driver
 * then sorts the surviving words (count descending, ties by word in UTF-16 order, so ids are deterministic),
 * applies max-vocab and assigns ids. Why in the driver: after min-count the vocabulary is small (≈19 k words
 * on the full corpus, well under a few MB even at 10⁶ words), a global order needs all of it in one place
 * anyway, and keeping counting on several reducers keeps the heavy part parallel — a single sorting reducer
 * would serialise the counting for no gain.
 */
public class VocabDriver extends PortraitTool {
  /** Words seen fewer times are dropped. Default {@value #DEFAULT_MIN_COUNT}. */
  public static final String MIN_COUNT = "portrait.vocab.min-count";
  public static final long DEFAULT_MIN_COUNT = 5;
  /** Keep at most this many words (the most frequent); 0 = unlimited. Default {@value #DEFAULT_MAX_VOCAB}. */
  public static final String MAX_VOCAB = "portrait.vocab.max-vocab";
  public static final int DEFAULT_MAX_VOCAB = 0;
  /** Count only reviews of this split (train/test); empty or "all" = every review (no labels are used). Default all. */
  public static final String SPLIT = "portrait.vocab.split";
  public static final String DEFAULT_SPLIT = "";
  /** Reduce tasks counting words. Default {@value #DEFAULT_REDUCERS}. */
  public static final String REDUCERS = "portrait.vocab.reducers";
  public static final int DEFAULT_REDUCERS = 2;
  /** Folder of the Avro VocabEntry files inside the output. */
  public static final String AVRO_DIR = "avro";
  private static final String COUNTS_DIR = "_counts";

  public static StageResult run(Configuration conf, Path input, Path output) throws IOException {
    List<Path> files = AvroFiles.dataFiles(conf, input, ".avro");
    if (files.isEmpty()) {
      throw new UserError("no *.avro tokenized review files in " + input);
    }
    Job job = Jobs.newJob(conf, "vocab", VocabDriver.class);
    Configuration jc = job.getConfiguration();
    for (Path f : files) {
      FileInputFormat.addInputPath(job, f);
    }
    job.setInputFormatClass(AvroKeyInputFormat.class);
    AvroJob.setInputKeySchema(job, TokenizedReview.getClassSchema());
    job.setMapperClass(VocabMapper.class);
    job.setCombinerClass(VocabCombiner.class);
    job.setReducerClass(VocabReducer.class);
    job.setNumReduceTasks(Math.max(1, jc.getInt(REDUCERS, DEFAULT_REDUCERS)));
    job.setMapOutputKeyClass(Text.class);
    job.setMapOutputValueClass(TermStats.class);
    job.setOutputKeyClass(Text.class);
    job.setOutputValueClass(TermStats.class);
    job.setOutputFormatClass(SequenceFileOutputFormat.class);

    return Stage.run(jc, output, (commit, counters) -> {
      Path temp = commit.tempPath();
      Path counts = new Path(temp, COUNTS_DIR);
      FileOutputFormat.setOutputPath(job, counts);
      Jobs.runOrThrow(job);
      counters.putAll(Jobs.counters(job, VocabCounters.class));
      List<Entry> words = readCounts(jc, counts);
      words.sort(null);
      int maxVocab = jc.getInt(MAX_VOCAB, DEFAULT_MAX_VOCAB);
      int cut = 0;
      if (maxVocab > 0 && words.size() > maxVocab) {
        cut = words.size() - maxVocab;
        words = new ArrayList<>(words.subList(0, maxVocab));
      }
      counters.put(VocabCounters.WORDS_CUT_BY_MAX_VOCAB.name(), (long) cut);
      counters.put(VocabCounters.VOCAB_SIZE.name(), (long) words.size());
      if (words.isEmpty()) {
        // Every later stage needs words; failing here names the setting instead of an empty model downstream.
        throw new UserError(emptyVocabulary(jc, counters));
      }
      writeOutputs(jc, temp, words);
      FileSystem fs = temp.getFileSystem(jc);
      fs.delete(counts, true);
      return new StageResult(commit.target(), counters);
    });
  }

  /**
   * Why the vocabulary came out empty, with the numbers and the setting that explain it. Only min-count can
   * remove every word (or there were none): max-vocab keeps the most frequent, at least one.
   */
  static String emptyVocabulary(Configuration conf, Map<String, Long> counters) {
    long distinct = counters.getOrDefault(VocabCounters.DISTINCT_WORDS.name(), 0L);
    long below = counters.getOrDefault(VocabCounters.WORDS_BELOW_MIN_COUNT.name(), 0L);
    long reviews = counters.getOrDefault(VocabCounters.REVIEWS_COUNTED.name(), 0L);
    String split = conf.getTrimmed(SPLIT, DEFAULT_SPLIT);
    String seen = "the vocabulary is empty: " + distinct + " distinct words seen in " + reviews + " counted reviews"
        + (split.isEmpty() || split.equals("all") ? "" : " of split " + split);
    if (distinct == 0) {
      return seen + " (" + counters.getOrDefault(VocabCounters.REVIEWS_OTHER_SPLIT.name(), 0L)
          + " reviews of other splits): the input has no tokens; check the segment output or " + SPLIT;
    }
    return seen + ", " + below + " of them removed by " + MIN_COUNT + "="
        + conf.getLong(MIN_COUNT, DEFAULT_MIN_COUNT) + " (words seen fewer times are dropped): lower " + MIN_COUNT
        + " (--min-count)";
  }

  /** A counted word; natural order = id order. */
  static final class Entry implements Comparable<Entry> {
    final String word;
    final long count;
    final long df;

    Entry(String word, long count, long df) {
      this.word = word;
      this.count = count;
      this.df = df;
    }

    @Override
    public int compareTo(Entry o) {
      int c = Long.compare(o.count, count);
      return c != 0 ? c : word.compareTo(o.word);
    }
  }

  private static List<Entry> readCounts(Configuration conf, Path dir) throws IOException {
    FileSystem fs = dir.getFileSystem(conf);
    List<Entry> out = new ArrayList<>();
    Text word = new Text();
    TermStats stats = new TermStats();
    for (FileStatus s : fs.listStatus(dir)) {
      if (!s.getPath().getName().startsWith("part-")) {
        continue;
      }
      try (SequenceFile.Reader r = new SequenceFile.Reader(conf, SequenceFile.Reader.file(s.getPath()))) {
        while (r.next(word, stats)) {
          out.add(new Entry(word.toString(), stats.count(), stats.df()));
        }
      }
    }
    return out;
  }

  private static void writeOutputs(Configuration conf, Path dir, List<Entry> words) throws IOException {
    FileSystem fs = dir.getFileSystem(conf);
    try (Writer w = new BufferedWriter(new OutputStreamWriter(
        fs.create(new Path(dir, Vocabulary.FILE_NAME), true), StandardCharsets.UTF_8))) {
      for (Entry e : words) {
        w.write(e.word + '\t' + e.count + '\t' + e.df + '\n');
      }
    }
    List<VocabEntry> records = new ArrayList<>(words.size());
    for (int i = 0; i < words.size(); i++) {
      Entry e = words.get(i);
      records.add(new VocabEntry(e.word, i, e.count, e.df));
    }
    AvroFiles.write(conf, new Path(new Path(dir, AVRO_DIR), "part-00000.avro"), VocabEntry.getClassSchema(), records);
  }

  @Override
  public String command() {
    return "vocab";
  }

  @Override
  public String usage() {
    return String.join("\n",
        "usage: vocab --input S --output V [--min-count N] [--max-vocab N] [--split train|test|all] [-D key=value ...]",
        "Counts words (occurrences and document frequency) of the tokenized reviews in S and writes",
        "V/vocab.tsv (word<TAB>count<TAB>df; line number = id, descending count, ties by word), V/avro/ (VocabEntry).",
        "  --min-count N  drop rarer words       (" + MIN_COUNT + ", default " + DEFAULT_MIN_COUNT + ")",
        "  --max-vocab N  keep the N most frequent, 0 = all (" + MAX_VOCAB + ", default 0)",
        "  --split S      count only this split   (" + SPLIT + ", default all)",
        "  --reducers N   counting reducers       (" + REDUCERS + ", default " + DEFAULT_REDUCERS + ")");
  }

  @Override
  protected List<String> options() {
    return List.of("input", "output", "min-count", "max-vocab", "split", "reducers");
  }

  @Override
  protected int run(CliArgs args) throws Exception {
    Configuration conf = args.copyTo(new Configuration(getConf()), "min-count", MIN_COUNT, "max-vocab", MAX_VOCAB,
        "reducers", REDUCERS, "split", SPLIT);
    StageResult r = run(conf, new Path(args.require("input")), new Path(args.require("output")));
    System.out.println("vocab: " + r.counters);
    return 0;
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new VocabDriver(), args));
  }
}
