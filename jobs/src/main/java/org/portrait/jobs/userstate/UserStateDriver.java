package org.portrait.jobs.userstate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.parquet.avro.AvroParquetOutputFormat;
import org.portrait.common.config.UserError;
import org.portrait.jobs.CliArgs;
import org.portrait.jobs.Jobs;
import org.portrait.jobs.PortraitTool;
import org.portrait.jobs.Stage;
import org.portrait.jobs.models.ModelRegistry;
import org.portrait.jobs.profile.AppliedModel;
import org.portrait.jobs.profile.ProfileConf;
import org.portrait.jobs.profile.ProfileDriver;
import org.portrait.schema.ReviewPrediction;
import org.portrait.schema.TokenizedReview;
import org.portrait.schema.UserProfile;
import org.portrait.schema.UserState;

/**
 * {@code state --model M --history S --as-of D [--previous O_PREV] --output O}: merges the segmented reviews of the
 * history days into yesterday's user state and profiles every user of the result with the trained model M
 * (nothing is trained). {@code state(D) = decay(state(D-1)) + reviews(D)}; without {@code --previous} the state is
 * rebuilt from the history, each review weighted by its age, which gives the same result. Writes O/user_state/
 * (Avro UserState), O/user_profile/ (Parquet UserProfile), O/review_predictions/ (the as-of day's reviews),
 * O/models/ (the classifiers applied), O/state-info.tsv and O/_counters.json, all committed together.
 */
public class UserStateDriver extends PortraitTool {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(UserStateDriver.class);
  /**
   * Half-life of user evidence in days: each day multiplies the weight of older reviews by 2^(-1/half-life);
   * 0 turns decay off (plain sums). Default 0.
   */
  public static final String HALF_LIFE_DAYS = "portrait.state.half-life-days";
  public static final double DEFAULT_HALF_LIFE_DAYS = 0;
  /** Reducers of the state job. Default 2. */
  public static final String REDUCERS = "portrait.state.reducers";
  public static final int DEFAULT_REDUCERS = 2;
  /** Model id recorded in the state and the profiles; default: the model id of the applied classifiers. */
  public static final String MODEL_ID = "portrait.state.model-id";
  /**
   * Most users a daily run rebuilds from the retained history because they were sent a review id their state
   * already had (each key is held in every map task of the replace pass, ~200 bytes a key); beyond it the whole
   * state is rebuilt from the history instead. Default 100000.
   */
  public static final String MAX_REPLACED_USERS = "portrait.state.max-replaced-users";
  public static final int DEFAULT_MAX_REPLACED_USERS = 100_000;
  /** The as-of day, set by the driver for the tasks. */
  static final String AS_OF = "portrait.state.internal.as-of";
  /** Set by the driver when it has a history to replace from: repeats against the state defer the user. */
  static final String DEFER_REPEATS = "portrait.state.internal.defer-repeats";
  /** Set by the driver for the replace pass: the folder of user keys whose reviews pass the mapper. */
  static final String REPLACE_USERS = "portrait.state.internal.replace-users";

  /** What the state output records about itself (model, as-of day, decay), read before merging into it. */
  public static final String INFO = "state-info.tsv";
  public static final String STATE_DIR = "user_state";
  public static final String PROFILES_DIR = "user_profile";
  public static final String PREDICTIONS_DIR = "review_predictions";
  /** Working folder of the user keys sent to the replace pass (removed before commit). */
  private static final String REPLACE_USERS_DIR = "replace-users";

  /**
   * Inputs: {@code previous} may be null (rebuild); {@code history} may be a glob of segment outputs;
   * {@code replaceHistory} (may be null) is the retained segmented history, as-of day included, that users sent a
   * review id again are rebuilt from (without it the earlier copy stays and the new one is counted as repeated).
   */
  public record Options(Path model, Path previous, Path history, String asOf, Path output, Path replaceHistory) {
    public Options(Path model, Path previous, Path history, String asOf, Path output) {
      this(model, previous, history, asOf, output, null);
    }
  }

  /** Weight factor of one day: 2^(-1/half-life), 1 without decay. */
  static double dayFactor(Configuration conf) {
    double h = conf.getDouble(HALF_LIFE_DAYS, DEFAULT_HALF_LIFE_DAYS);
    return h > 0 ? Math.pow(0.5, 1 / h) : 1.0;
  }

  /**
   * The files of a trained model folder: vocabulary, vectors, classifiers; {@code id} is the registered model's id
   * when the folder was named through the registry's {@code current} pointer, else null.
   */
  public record ModelFiles(Path vocab, Path vectors, Path classifiers, String id) {
    public static ModelFiles of(Configuration conf, Path dir) throws IOException {
      FileSystem fs = dir.getFileSystem(conf);
      String id = null;
      if (dir.getName().equals(ModelRegistry.CURRENT) && fs.isFile(dir)) {
        // ROOT/models/current names the model folder next to it.
        id = new String(fs.open(dir).readAllBytes(), StandardCharsets.UTF_8).strip();
        dir = new Path(dir.getParent(), id);
      }
      if (!fs.isDirectory(dir)) {
        throw new UserError("--model " + dir + " is not a model folder");
      }
      ModelFiles m = new ModelFiles(new Path(dir, "vocab/vocab.tsv"), new Path(dir, "glove/vectors.txt"),
          new Path(dir, "classifiers"), id);
      for (Path p : List.of(m.vocab, m.vectors, m.classifiers)) {
        if (!fs.exists(p)) {
          throw new UserError("--model " + dir + " has no " + dir.toUri().relativize(p.toUri())
              + " (a model folder holds vocab/, glove/ and classifiers/)");
        }
      }
      return m;
    }
  }

  /** Reads state-info.tsv of a state output (null when there is none). */
  public static Map<String, String> readInfo(Configuration conf, Path stateOutput) throws IOException {
    Path f = new Path(stateOutput, INFO);
    FileSystem fs = f.getFileSystem(conf);
    if (!fs.exists(f)) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : new String(fs.open(f).readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        out.put(line.substring(0, tab), line.substring(tab + 1));
      }
    }
    return out;
  }

  public static Map<String, Long> run(Configuration base, Options o) throws IOException {
    Configuration conf = new Configuration(base);
    LocalDate asOf;
    try {
      asOf = LocalDate.parse(o.asOf());
    } catch (java.time.format.DateTimeParseException e) {
      throw new UserError("--as-of " + o.asOf() + " is not a date (yyyy-MM-dd)");
    }
    conf.set(AS_OF, asOf.toString());
    ModelFiles model = ModelFiles.of(conf, o.model());
    if (model.id() != null && conf.get(MODEL_ID) == null) {
      conf.set(MODEL_ID, model.id());
    }
    conf.set(ProfileConf.VOCAB, model.vocab().toString());
    conf.set(ProfileConf.VECTORS, model.vectors().toString());
    if (o.previous() != null) {
      checkPrevious(conf, o.previous(), asOf, conf.get(MODEL_ID));
    }
    return Stage.run(conf, o.output(), (out, counters) -> {
      Path tmp = out.tempPath();
      Path models = new Path(tmp, "models");
      AppliedModel.apply(conf, AppliedModel.resolve(conf, model.classifiers()), models);
      if (conf.get(MODEL_ID) != null) {
        conf.set(ProfileConf.MODEL_ID, conf.get(MODEL_ID));
      }
      conf.set(ProfileConf.MODELS, models.toString());
      if (o.previous() != null) {
        checkPrevious(conf, o.previous(), asOf, conf.get(ProfileConf.MODEL_ID));
      }
      Configuration first = new Configuration(conf);
      first.setBoolean(DEFER_REPEATS, o.previous() != null && o.replaceHistory() != null);
      Map<String, Long> c = runJob(first, o.previous(), o.history(), tmp, "");
      long deferred = c.get(UserStateCounters.STATES_DEFERRED.name());
      if (deferred > 0) {
        c = replace(conf, o, tmp, c, deferred);
      }
      tmp.getFileSystem(conf).delete(new Path(tmp, REPLACE_USERS_DIR), true);
      writeInfo(conf, tmp, conf.get(ProfileConf.MODEL_ID), asOf, c.get(UserStateCounters.USERS.name()));
      counters.putAll(c);
      return c;
    });
  }

  /**
   * One state job: merges {@code history} (a glob) into {@code previous} (may be null) and writes profiles,
   * state rows and predictions under {@code tmp}, file names starting with {@code prefix}.
   */
  private static Map<String, Long> runJob(Configuration conf, Path previous, Path history, Path tmp, String prefix)
      throws IOException {
    Job job = Jobs.newJob(conf, "state", UserStateDriver.class);
    ProfileDriver.tableSettings(job.getConfiguration());
    Schema union = Schema.createUnion(TokenizedReview.getClassSchema(), UserState.getClassSchema());
    job.setInputFormatClass(AvroKeyInputFormat.class);
    AvroJob.setInputKeySchema(job, union);
    FileInputFormat.setInputDirRecursive(job, true);
    if (previous != null) {
      FileInputFormat.addInputPath(job, new Path(previous, STATE_DIR));
    }
    FileStatus[] matches = history == null ? null : history.getFileSystem(conf).globStatus(history);
    if (matches != null) {
      for (FileStatus h : matches) {
        FileInputFormat.addInputPath(job, h.getPath());
      }
    }
    if (FileInputFormat.getInputPaths(job).length == 0) {
      throw new UserError("state for " + conf.get(AS_OF) + ": no previous state and no history matching " + history);
    }
    job.setMapperClass(UserStateMapper.class);
    job.setMapOutputKeyClass(Text.class);
    AvroJob.setMapOutputValueSchema(job, union);
    job.setPartitionerClass(UserKeyGrouping.UserPartitioner.class);
    job.setGroupingComparatorClass(UserKeyGrouping.Comparator.class);
    job.setReducerClass(UserStateReducer.class);
    job.setNumReduceTasks(conf.getInt(REDUCERS, DEFAULT_REDUCERS));
    job.setOutputKeyClass(Void.class);
    job.setOutputValueClass(UserProfile.class);
    job.setOutputFormatClass(AvroParquetOutputFormat.class);
    AvroParquetOutputFormat.setSchema(job, UserProfile.getClassSchema());
    AvroMultipleOutputs.addNamedOutput(job, UserStateReducer.STATE, AvroKeyOutputFormat.class,
        UserState.getClassSchema());
    AvroMultipleOutputs.addNamedOutput(job, UserStateReducer.PREDICTIONS, AvroKeyOutputFormat.class,
        ReviewPrediction.getClassSchema());
    AvroMultipleOutputs.addNamedOutput(job, UserStateReducer.REPLACE, AvroKeyOutputFormat.class,
        Schema.create(Schema.Type.STRING));
    Path jobOut = new Path(tmp, prefix.isEmpty() ? PROFILES_DIR : prefix + "job");
    FileOutputFormat.setOutputPath(job, jobOut);
    Jobs.runOrThrow(job);
    Map<String, Long> c = Jobs.counters(job, UserStateCounters.class);
    // The replace pass's files join the first job's folders under prefixed names (same names would overwrite).
    Jobs.moveFiles(conf, jobOut, UserStateReducer.STATE + "-", new Path(tmp, STATE_DIR), prefix);
    Jobs.moveFiles(conf, jobOut, UserStateReducer.PREDICTIONS + "-", new Path(tmp, PREDICTIONS_DIR), prefix);
    if (prefix.isEmpty()) {
      Jobs.moveFiles(conf, jobOut, UserStateReducer.REPLACE + "-", new Path(tmp, REPLACE_USERS_DIR), prefix);
    } else {
      Jobs.moveFiles(conf, jobOut, "", new Path(tmp, PROFILES_DIR), prefix);
      jobOut.getFileSystem(conf).delete(jobOut, true);
    }
    return c;
  }

  /**
   * The replace pass: the users sent a review id their state already had are rebuilt from the retained history,
   * the newest copy of each review counting; their rows join the first job's output. Beyond
   * {@link #MAX_REPLACED_USERS} users the whole state is rebuilt from the history instead.
   */
  private static Map<String, Long> replace(Configuration conf, Options o, Path tmp, Map<String, Long> first,
      long deferred) throws IOException {
    int max = conf.getInt(MAX_REPLACED_USERS, DEFAULT_MAX_REPLACED_USERS);
    FileSystem fs = tmp.getFileSystem(conf);
    Path users = new Path(tmp, REPLACE_USERS_DIR);
    if (deferred > max) {
      LOG.warn("{} users were sent reviews they already had (more than {}={}): rebuilding the whole state from {}",
          deferred, MAX_REPLACED_USERS, max, o.replaceHistory());
      for (String d : List.of(PROFILES_DIR, STATE_DIR, PREDICTIONS_DIR, REPLACE_USERS_DIR)) {
        fs.delete(new Path(tmp, d), true);
      }
      Map<String, Long> c = runJob(conf, null, o.replaceHistory(), tmp, "");
      c.put(UserStateCounters.STATE_REBUILDS.name(), 1L);
      return c;
    }
    Configuration rc = new Configuration(conf);
    rc.set(REPLACE_USERS, users.toString());
    Map<String, Long> r = runJob(rc, null, o.replaceHistory(), tmp, "replaced-");
    if (r.get(UserStateCounters.USERS.name()) != deferred) {
      throw new IOException("the replace pass rebuilt " + r.get(UserStateCounters.USERS.name()) + " users, not the "
          + deferred + " sent to it: is " + o.replaceHistory() + " the retained history with the as-of day?");
    }
    Map<String, Long> c = new LinkedHashMap<>(first);
    c.put(UserStateCounters.USERS_REPLACED.name(), deferred);
    c.put(UserStateCounters.REPLACE_REVIEWS_IN.name(), r.get(UserStateCounters.REVIEWS_IN.name()));
    c.put(UserStateCounters.REPLACE_REVIEWS_REPLACED.name(), r.get(UserStateCounters.REVIEWS_REPEATED.name()));
    for (UserStateCounters k : List.of(UserStateCounters.USERS, UserStateCounters.PREDICTIONS_OUT,
        UserStateCounters.USERS_LOW_CONFIDENCE, UserStateCounters.USERS_NO_EVIDENCE,
        UserStateCounters.USERS_WITH_INTEREST, UserStateCounters.TOKENS_OF_DAY,
        UserStateCounters.IN_VOCAB_TOKENS_OF_DAY)) {
      c.merge(k.name(), r.get(k.name()), Long::sum);
    }
    LOG.info("replace pass: {} users rebuilt from {} ({} reviews read, {} earlier copies replaced)", deferred,
        o.replaceHistory(), r.get(UserStateCounters.REVIEWS_IN.name()),
        r.get(UserStateCounters.REVIEWS_REPEATED.name()));
    return c;
  }

  /** The previous state must be of the same model and of an earlier day: evidence of other models does not mix. */
  private static void checkPrevious(Configuration conf, Path previous, LocalDate asOf, String modelId)
      throws IOException {
    Map<String, String> info = readInfo(conf, previous);
    if (info == null) {
      throw new UserError("--previous " + previous + " is not a state output (no " + INFO + ")");
    }
    if (!LocalDate.parse(info.get("as_of")).isBefore(asOf)) {
      throw new UserError("--previous " + previous + " is as of " + info.get("as_of") + ", not before " + asOf);
    }
    if (modelId != null && !modelId.equals(info.get("model_id"))) {
      throw new UserError("--previous " + previous + " was built with model " + info.get("model_id") + ", not "
          + modelId + "; rebuild the state from the history (leave out --previous)");
    }
  }

  private static void writeInfo(Configuration conf, Path dir, String modelId, LocalDate asOf, Long users)
      throws IOException {
    String text = "model_id\t" + modelId + "\nas_of\t" + asOf + "\nhalf_life_days\t"
        + conf.getDouble(HALF_LIFE_DAYS, DEFAULT_HALF_LIFE_DAYS) + "\nusers\t" + users + "\n";
    FileSystem fs = dir.getFileSystem(conf);
    try (OutputStream os = fs.create(new Path(dir, INFO), true)) {
      os.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Override
  public String command() {
    return "state";
  }

  @Override
  public String usage() {
    return "state --model M --history S --as-of yyyy-MM-dd [--previous O_PREV] --output O [--half-life-days H]\n"
        + "      [--model-id ID] [--replace-history R]\n"
        + "  Merges the segmented reviews S (a segment output, or a glob of them under dt= folders) into the user\n"
        + "  state O_PREV/user_state of an earlier day and profiles every user of the new state with model M\n"
        + "  (a folder with vocab/, glove/ and classifiers/, or a registry's ROOT/models/current). Without\n"
        + "  --previous the state is rebuilt from S, each review weighted by the age of its dt= folder.\n"
        + "  Writes O/user_state, O/user_profile,\n"
        + "  O/review_predictions. A review id the state already counted, sent again, replaces the earlier copy when\n"
        + "  --replace-history R (the retained segmented history, as-of day included) is given: those users are\n"
        + "  rebuilt from R, the newest copy counting; without R the earlier copy stays (REVIEWS_REPEATED).\n"
        + "  Keys: " + HALF_LIFE_DAYS + " (0 = no decay), " + REDUCERS + ", " + MODEL_ID + ", " + MAX_REPLACED_USERS
        + ".";
  }

  @Override
  protected List<String> options() {
    return List.of("model", "history", "as-of", "previous", "output", "half-life-days", "model-id",
        "replace-history");
  }

  @Override
  protected int run(CliArgs a) throws Exception {
    Configuration conf = getConf();
    if (a.has("model-id")) {
      conf.set(MODEL_ID, a.require("model-id"));
    }
    if (a.has("half-life-days")) {
      conf.setDouble(HALF_LIFE_DAYS, a.getDouble("half-life-days", 0));
    }
    Path previous = a.has("previous") ? new Path(a.require("previous")) : null;
    Path replaceHistory = a.has("replace-history") ? new Path(a.require("replace-history")) : null;
    Map<String, Long> c = run(conf, new Options(new Path(a.require("model")), previous,
        new Path(a.require("history")), a.require("as-of"), new Path(a.require("output")), replaceHistory));
    System.out.println("state: " + c + " -> " + a.require("output"));
    return 0;
  }
}
