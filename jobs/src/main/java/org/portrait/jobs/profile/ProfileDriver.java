package org.portrait.jobs.profile;

import org.portrait.common.config.UserError;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.mapreduce.AvroJob;
import org.apache.avro.mapreduce.AvroKeyInputFormat;
import org.apache.avro.mapreduce.AvroKeyOutputFormat;
import org.apache.avro.mapreduce.AvroMultipleOutputs;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.apache.parquet.avro.AvroParquetOutputFormat;
import org.portrait.common.profile.VectorMath;
import org.portrait.jobs.CliArgs;
import org.portrait.jobs.Jobs;
import org.portrait.jobs.Stage;
import org.portrait.jobs.PortraitTool;
import org.portrait.schema.ReviewPrediction;
import org.portrait.schema.TokenizedReview;
import org.portrait.schema.UserProfile;

/**
 * {@code profile --input S --vectors M --vocab V --output P}: trains the review classifiers on train users
 * (driver side), estimates SIF's common component (a first pass, when weighting=sif), then one reducer call per
 * user builds the profile. Writes P/user_profile/ (Parquet UserProfile), P/review_predictions/ (Avro
 * ReviewPrediction), P/models/ and P/_counters.json, all committed atomically.
 */
public class ProfileDriver extends PortraitTool {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ProfileDriver.class);
  /** Reducers of the profile job. Default 2. */
  public static final String REDUCERS = "portrait.profile.reducers";
  public static final int DEFAULT_REDUCERS = 2;

  /** What a run produced. */
  public static final class Result {
    public Map<String, Long> counters = new LinkedHashMap<>();
    public ProfileTraining.Result training;
    public double interestThreshold;
    public Path output;
  }

  /**
   * Runs the stage. {@code vectorsDir}/{@code vocabDir} may be the folders (M, V) or the files themselves.
   */
  public static Result run(Configuration base, Path input, Path vectorsDir, Path vocabDir, Path output)
      throws IOException {
    Configuration conf = new Configuration(base);
    conf.set(ProfileConf.VECTORS, file(conf, vectorsDir, "vectors.txt").toString());
    conf.set(ProfileConf.VOCAB, file(conf, vocabDir, "vocab.tsv").toString());
    if (conf.get(ProfileConf.RUN_ID) == null) {
      conf.set(ProfileConf.RUN_ID, "run-" + System.currentTimeMillis());
    }
    return Stage.run(conf, output, (out, counters) -> {
      Path tmp = out.tempPath();
      Path models = new Path(tmp, "models");
      Result res = new Result();
      boolean applying = conf.get(ProfileConf.APPLY_MODEL) != null;
      Map<String, Long> sif = new LinkedHashMap<>();
      if (applying) {
        // Apply mode: score with a model trained earlier; nothing is trained or tuned on this input.
        Map<String, String> info = AppliedModel.apply(conf, AppliedModel.resolve(conf,
            new Path(conf.get(ProfileConf.APPLY_MODEL))), models);
        res.training = new ProfileTraining.Result();
        res.training.docCount = conf.getLong(ProfileConf.DOC_COUNT, 0);
        res.training.category = Boolean.parseBoolean(info.getOrDefault("category", "true"));
        res.interestThreshold = conf.getDouble(ProfileConf.INTEREST_THRESHOLD, 0);
        res.counters.put("MODEL_APPLIED", 1L);
      } else {
        boolean supervised = conf.getBoolean(ProfileConf.SUPERVISED, true);
        boolean tune = conf.get(ProfileConf.INTEREST_THRESHOLD) == null;
        res.training = ProfileTraining.run(conf, input, models, supervised, tune);
        conf.setLong(ProfileConf.DOC_COUNT, res.training.docCount);
        if (tune && !Double.isNaN(res.training.interestThreshold)) {
          conf.setDouble(ProfileConf.INTEREST_THRESHOLD, res.training.interestThreshold);
        }
        res.interestThreshold = conf.getDouble(ProfileConf.INTEREST_THRESHOLD,
            ProfileConf.DEFAULT_INTEREST_THRESHOLD);
        conf.set(ProfileConf.MODEL_ID, modelId(conf, res));
        if ("sif".equalsIgnoreCase(conf.get(ProfileConf.WEIGHTING, ProfileConf.DEFAULT_WEIGHTING))) {
          sif = sifComponent(conf, input, new Path(tmp, "_sif"), models);
        }
        res.counters.put("MODEL_APPLIED", 0L);
        reportCategories(conf, res);
      }
      conf.set(ProfileConf.MODELS, models.toString());
      if (!applying) {
        writeModelInfo(conf, models, res);
      }

      Job job = Jobs.newJob(conf, "profile", ProfileDriver.class);
      configureInput(job, input);
      job.setReducerClass(ProfileReducer.class);
      job.setNumReduceTasks(conf.getInt(REDUCERS, DEFAULT_REDUCERS));
      job.setOutputKeyClass(Void.class);
      job.setOutputValueClass(UserProfile.class);
      job.setOutputFormatClass(AvroParquetOutputFormat.class);
      AvroParquetOutputFormat.setSchema(job, UserProfile.getClassSchema());
      AvroMultipleOutputs.addNamedOutput(job, ProfileReducer.PREDICTIONS, AvroKeyOutputFormat.class,
          ReviewPrediction.getClassSchema());
      Path profiles = new Path(tmp, "user_profile");
      FileOutputFormat.setOutputPath(job, profiles);
      Jobs.runOrThrow(job);
      res.counters.putAll(Jobs.counters(job, ProfileCounters.class));
      res.counters.putAll(sif);
      res.counters.put("TRAIN_REVIEWS", res.training.trainReviews);
      res.counters.put("CATEGORY_EXAMPLES", (long) res.training.categoryExamples);
      res.counters.put("SENTIMENT_EXAMPLES", (long) res.training.sentimentExamples);
      Jobs.moveSideOutput(conf, profiles, ProfileReducer.PREDICTIONS, new Path(tmp, "review_predictions"));
      tmp.getFileSystem(conf).delete(new Path(tmp, "_sif"), true);
      counters.putAll(res.counters);
      res.output = out.target();
      return res;
    });
  }

  /**
   * Says, once, when interests do not come from a classifier over known categories: one category (every user
   * gets it) or categories the bundled taxonomy lacks (seeds chosen from the data); counted in the run's counters.
   */
  private static void reportCategories(Configuration conf, Result res) throws IOException {
    List<String> cats = res.training.categories;
    res.counters.put("TRAIN_CATEGORIES", (long) cats.size());
    if (cats.size() == 1) {
      LOG.warn("profile: the train reviews have one category ({}): no category classifier; every user with "
          + "evidence gets it as their only interest (interest_source=single-category)", cats.get(0));
      res.counters.put("SINGLE_CATEGORY", 1L);
    }
    boolean dataSeeds = conf.get(ProfileConf.TAXONOMY) == null && !cats.isEmpty()
        && !org.portrait.common.profile.InterestTaxonomy.bundled().knowsAll(cats);
    res.counters.put("DATA_SEED_TAXONOMY", dataSeeds ? 1L : 0L);
    if (dataSeeds && cats.size() > 1) {
      LOG.info("profile: the bundled taxonomy lacks categories of the train reviews: seed terms chosen from them "
          + "(models/{})", ProfileConf.SEED_TAXONOMY);
    }
  }

  /** Sets Parquet/Avro settings for Hive-readable tables (3-level lists, no summary files). */
  public static void tableSettings(Configuration conf) {
    conf.setBoolean("parquet.avro.write-old-list-structure", false);
    conf.set("parquet.summary.metadata.level", "NONE");
    conf.setIfUnset("parquet.compression", "SNAPPY");
  }

  private static void configureInput(Job job, Path input) throws IOException {
    tableSettings(job.getConfiguration());
    job.setInputFormatClass(AvroKeyInputFormat.class);
    AvroJob.setInputKeySchema(job, TokenizedReview.getClassSchema());
    FileInputFormat.addInputPath(job, input);
    FileInputFormat.setInputDirRecursive(job, true);
    job.setMapperClass(ProfileMapper.class);
    job.setMapOutputKeyClass(Text.class);
    AvroJob.setMapOutputValueSchema(job, TokenizedReview.getClassSchema());
  }

  /** First pass for SIF: the common component over all users' SIF vectors, written to models/sif-pc.txt. */
  private static Map<String, Long> sifComponent(Configuration base, Path input, Path work, Path models)
      throws IOException {
    Configuration conf = new Configuration(base);
    conf.unset(ProfileConf.MODELS);
    Job job = Jobs.newJob(conf, "profile-sif", ProfileDriver.class);
    configureInput(job, input);
    job.setReducerClass(SifComponentReducer.class);
    job.setNumReduceTasks(conf.getInt(REDUCERS, DEFAULT_REDUCERS));
    job.setOutputKeyClass(NullWritable.class);
    job.setOutputValueClass(Text.class);
    job.setOutputFormatClass(TextOutputFormat.class);
    FileOutputFormat.setOutputPath(job, work);
    Jobs.runOrThrow(job);
    FileSystem fs = work.getFileSystem(conf);
    double[] sum = null;
    for (FileStatus st : fs.listStatus(work, p -> p.getName().startsWith("part-"))) {
      for (String line : new String(fs.open(st.getPath()).readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.trim().split(" ");
        if (sum == null) {
          sum = new double[f.length];
        }
        for (int i = 0; i < f.length; i++) {
          sum[i] += Double.parseDouble(f[i]);
        }
      }
    }
    Map<String, Long> c = new LinkedHashMap<>();
    c.put(ProfileCounters.SIF_USERS.name(), job.getCounters().findCounter(ProfileCounters.SIF_USERS).getValue());
    if (sum == null) {
      return c;
    }
    int d = (int) Math.round(Math.sqrt(sum.length));
    double[] pc = VectorMath.topEigenvector(sum, d, 100);
    StringBuilder s = new StringBuilder();
    for (double x : pc) {
      s.append(x).append('\n');
    }
    fs.mkdirs(models);
    try (OutputStream o = fs.create(new Path(models, ProfileConf.SIF_PC), true)) {
      o.write(s.toString().getBytes(StandardCharsets.UTF_8));
    }
    return c;
  }

  private static String modelId(Configuration conf, Result res) {
    return "vectors=" + new Path(conf.get(ProfileConf.VECTORS)).getParent().getName()
        + ";weighting=" + conf.get(ProfileConf.WEIGHTING, ProfileConf.DEFAULT_WEIGHTING)
        + ";classifiers=" + (res.training.category ? "supervised" : "embedding")
        + ";seed=" + conf.getLong(ProfileConf.SEED, ProfileConf.DEFAULT_SEED)
        + ";run=" + conf.get(ProfileConf.RUN_ID);
  }

  private static void writeModelInfo(Configuration conf, Path models, Result res) throws IOException {
    Map<String, String> info = new LinkedHashMap<>();
    info.put("model_id", conf.get(ProfileConf.MODEL_ID));
    info.put("doc_count", Long.toString(res.training.docCount));
    info.put("train_reviews", Long.toString(res.training.trainReviews));
    info.put("category_examples", Integer.toString(res.training.categoryExamples));
    info.put("sentiment_examples", Integer.toString(res.training.sentimentExamples));
    info.put("interest_threshold", Double.toString(res.interestThreshold));
    info.put("tuning_users", Integer.toString(res.training.tuningUsers));
    // What applying the model later needs to score the same way (see AppliedModel).
    info.put("category", Boolean.toString(res.training.category));
    info.put("weighting", conf.get(ProfileConf.WEIGHTING, ProfileConf.DEFAULT_WEIGHTING).toLowerCase());
    info.put("vocab_sha256", AppliedModel.sha256(conf, new Path(conf.get(ProfileConf.VOCAB))));
    info.put("vectors_sha256", AppliedModel.sha256(conf, new Path(conf.get(ProfileConf.VECTORS))));
    AppliedModel.writeInfo(conf, models, info);
  }

  /** {@code dir/name} when {@code dirOrFile} is a folder, else the file itself. */
  private static Path file(Configuration conf, Path dirOrFile, String name) throws IOException {
    FileSystem fs = dirOrFile.getFileSystem(conf);
    if (!fs.exists(dirOrFile)) {
      throw new UserError(dirOrFile + " does not exist");
    }
    Path p = fs.getFileStatus(dirOrFile).isDirectory() ? new Path(dirOrFile, name) : dirOrFile;
    if (!fs.exists(p)) {
      throw new UserError(p + " does not exist");
    }
    return fs.makeQualified(p);
  }

  @Override
  public String command() {
    return "profile";
  }

  @Override
  public String usage() {
    return "profile --input S --vectors M --vocab V --output P [--weighting sif|tfidf] [--taxonomy FILE]\n"
        + "        [--keywords 10] [--interest-threshold T (default: tuned on train users)] [--no-supervised]\n"
        + "        [--seed 1] [--reducers 2] [--run-id ID] [--model P_OLD/models]\n"
        + "  Builds one profile per user from tokenized reviews (S), word vectors (M/vectors.txt) and vocabulary\n"
        + "  (V/vocab.tsv). Writes P/user_profile/ (Parquet), P/review_predictions/ (Avro), P/models/.\n"
        + "  Classifiers are trained on split=train reviews only; with --model the classifiers, threshold and IDF\n"
        + "  document count of an earlier run are applied instead (same --vectors and --vocab required).\n"
        + "  Keys: portrait.profile.* (see ProfileConf).";
  }

  @Override
  protected List<String> options() {
    return List.of("input", "vectors", "vocab", "output", "weighting", "taxonomy", "keywords",
        "interest-threshold", "seed", "reducers", "run-id", "model");
  }

  @Override
  protected List<String> flags() {
    return List.of("no-supervised");
  }

  @Override
  protected int run(CliArgs a) throws Exception {
    Configuration conf = getConf();
    if (a.has("weighting")) {
      String w = a.get("weighting", "").toLowerCase();
      if (!w.equals("sif") && !w.equals("tfidf")) {
        throw new UserError("--weighting must be sif or tfidf");
      }
      conf.set(ProfileConf.WEIGHTING, w);
    }
    if (a.has("taxonomy")) {
      conf.set(ProfileConf.TAXONOMY, a.get("taxonomy", ""));
    }
    if (a.has("keywords")) {
      conf.setInt(ProfileConf.KEYWORDS, a.getInt("keywords", ProfileConf.DEFAULT_KEYWORDS));
    }
    if (a.has("interest-threshold")) {
      conf.setDouble(ProfileConf.INTEREST_THRESHOLD, a.getDouble("interest-threshold", 0));
    }
    if (a.has("seed")) {
      conf.setLong(ProfileConf.SEED, a.getLong("seed", ProfileConf.DEFAULT_SEED));
    }
    if (a.has("reducers")) {
      conf.setInt(REDUCERS, a.getInt("reducers", DEFAULT_REDUCERS));
    }
    if (a.has("run-id")) {
      conf.set(ProfileConf.RUN_ID, a.get("run-id", ""));
    }
    if (a.has("model")) {
      conf.set(ProfileConf.APPLY_MODEL, a.get("model", ""));
    }
    if (a.has("no-supervised")) {
      conf.setBoolean(ProfileConf.SUPERVISED, false);
    }
    Result r = run(conf, new Path(a.require("input")), new Path(a.require("vectors")), new Path(a.require("vocab")),
        new Path(a.require("output")));
    System.out.println("profile: " + r.counters + " interest_threshold=" + r.interestThreshold + " -> " + r.output);
    return 0;
  }
}
