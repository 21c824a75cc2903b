package org.portrait.jobs.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.portrait.common.config.LocalMode;
import org.portrait.common.config.UserError;
import org.portrait.common.embeval.NeighbourOverlap;
import org.portrait.common.embeval.WordVectors;
import org.portrait.common.gates.GateCheck;
import org.portrait.common.gates.GateReport;
import org.portrait.common.gates.GateThresholds;
import org.portrait.common.io.FaultInjector;
import org.portrait.common.io.FileDigest;
import org.portrait.common.layout.PortraitLayout;
import org.portrait.common.run.RunLock;
import org.portrait.jobs.CliArgs;
import org.portrait.jobs.PortraitTool;
import org.portrait.jobs.cooccur.CooccurDriver;
import org.portrait.jobs.glove.GloveTrainDriver;
import org.portrait.jobs.models.GateFiles;
import org.portrait.jobs.models.ModelManifest;
import org.portrait.jobs.models.ModelRegistry;
import org.portrait.jobs.profile.AppliedModel;
import org.portrait.jobs.profile.ProfileDriver;
import org.portrait.jobs.vocab.VocabDriver;

/**
 * {@code train --input RAW[,RAW...] --work ROOT --dt D [--window-days N]}: the periodic training run. Ingests and
 * segments each raw day not yet segmented, then over the segmented history of the last N days builds the
 * vocabulary, co-occurrences and GloVe (warm-started from the current model: old words keep their rows and
 * AdaGrad state), trains the review classifiers (or keeps the current ones when the window has no labels),
 * checks the model gates and registers the result as {@code models/<id>/}. It becomes {@code models/current} only
 * when every gate passes; otherwise the run exits non-zero naming the first failed gate, and the pointer stays.
 */
public class TrainDriver extends PortraitTool {
  /** Days of segmented history a model is trained on (the window ends at --dt). Default 30. */
  public static final String WINDOW_DAYS = "portrait.train.window-days";
  public static final int DEFAULT_WINDOW_DAYS = 30;

  /** What a run produced. */
  public record Result(String modelId, boolean promoted, GateReport gates, Path modelDir) {}

  /** The day a raw input holds: its nearest {@code dt=} folder, else the run's day when it is the only input. */
  static String dayOf(String input, String runDt, int inputs) {
    for (Path p = new Path(input); p != null; p = p.getParent()) {
      if (p.getName().startsWith("dt=")) {
        return RunValidation.dt(p.getName().substring(3));
      }
    }
    if (inputs == 1) {
      return runDt;
    }
    throw new UserError("--input " + input + ": with several inputs each must be a day's folder (…/dt=yyyy-MM-dd)");
  }

  public static Result run(Configuration conf, Path root, List<String> inputs, String dt, boolean breakLock,
      PrintStream progress) throws Exception {
    RunValidation.dt(dt);
    RunValidation.workRoot(conf, root);
    for (String in : inputs) {
      RunValidation.input(conf, "input", in, false);
    }
    int window = conf.getInt(WINDOW_DAYS, DEFAULT_WINDOW_DAYS);
    if (window < 1 || window > 3650) {
      throw new UserError("--window-days (" + WINDOW_DAYS + ") must be 1..3650, not " + window);
    }
    LocalDate day = LocalDate.parse(dt);
    List<String[]> days = new ArrayList<>();
    for (String in : inputs) {
      String d = dayOf(in, dt, inputs.size());
      if (LocalDate.parse(d).isAfter(day)) {
        throw new UserError("--input " + in + " is of " + d + ", after --dt " + dt);
      }
      days.add(new String[] {d, in});
    }
    if (LocalMode.isEmbedded(conf)) {
      LocalMode.configure(conf, new java.io.File(root.toUri().getPath()));
    }
    PipelineLayout layout = new PipelineLayout(root, null, null, null, null, dt);
    Path lockFile = new Path(layout.lockFile().getParent(), "train-lock.json");
    try (RunLock lock = RunLock.acquire(conf, lockFile, "train " + dt, PipelineDriver.lockMaxAge(conf), breakLock)) {
      segmentMissingDays(conf, root, days, breakLock, progress);
      TreeSet<String> have = DailyDriver.daysWith(conf, layout.areaPath(PortraitLayout.STAGING), "segment/"
          + org.portrait.jobs.Jobs.COUNTERS_FILE);
      have.removeIf(d -> LocalDate.parse(d).isAfter(day) || !LocalDate.parse(d).isAfter(day.minusDays(window)));
      if (have.isEmpty()) {
        throw new UserError("no segmented day in the " + window + " days up to " + dt + " under "
            + layout.areaPath(PortraitLayout.STAGING));
      }
      Path corpus = new Path(layout.areaPath(PortraitLayout.STAGING), "{dt=" + String.join(",dt=", have) + "}/segment");
      progress.printf(Locale.ROOT, "train %s: %d days of history (%s .. %s)%n", dt, have.size(), have.first(),
          have.last());
      return train(conf, root, layout, corpus, have.first(), have.last(), days, progress);
    }
  }

  /** Ingests and segments (without publishing) each input day whose segment output is not there yet. */
  private static void segmentMissingDays(Configuration conf, Path root, List<String[]> days, boolean breakLock,
      PrintStream progress) throws Exception {
    List<PipelineStage> two = DailyDriver.ingestAndSegment();
    for (String[] d : days) {
      PipelineLayout l = new PipelineLayout(root, d[1], null, null, null, d[0]);
      FileSystem fs = root.getFileSystem(conf);
      if (fs.exists(new Path(l.stage("segment"), org.portrait.jobs.Jobs.COUNTERS_FILE))) {
        continue;
      }
      int rc = PipelineDriver.runStages(conf, l, two, "train-segment", null, null, breakLock, false,
          FaultInjector.NONE, progress);
      if (rc != 0) {
        throw new UserError("segmenting " + d[1] + " (dt=" + d[0] + ") failed (exit " + rc + "); nothing trained");
      }
    }
  }

  private static Result train(Configuration base, Path root, PipelineLayout layout, Path corpus, String from,
      String to, List<String[]> days, PrintStream progress) throws Exception {
    Configuration conf = new Configuration(base);
    Path work = layout.stage("train");
    Path vocab = new Path(work, "vocab");
    Path cooccur = new Path(work, "cooccur");
    Path glove = new Path(work, "glove");
    Path profile = new Path(work, "profile");
    Optional<String> current = ModelRegistry.current(conf, root);
    Path currentDir = current.map(id -> ModelRegistry.modelDir(root, id)).orElse(null);
    FileSystem fs = root.getFileSystem(conf);
    if (currentDir != null && fs.exists(new Path(currentDir, "glove/model.bin"))) {
      conf.set(GloveTrainDriver.WARM_START, new Path(currentDir, "glove").toString());
    }
    long t0 = System.nanoTime();
    Map<String, Long> vocabCounters = VocabDriver.run(conf, corpus, vocab).counters;
    step(progress, "vocab", t0, "vocab_size=" + vocabCounters.get("VOCAB_SIZE"));
    t0 = System.nanoTime();
    CooccurDriver.run(conf, corpus, vocab, cooccur);
    step(progress, "cooccur", t0, "");
    t0 = System.nanoTime();
    // An earlier attempt of this dt (an action retried, a run killed) left checkpoints of the same inputs: resume.
    Path checkpoints = layout.checkpoints("train-glove");
    boolean resume = GloveTrainDriver.resumable(conf, cooccur, vocab, checkpoints);
    if (resume) {
      progress.println("  glove-train resumes from the checkpoints of an earlier attempt of dt=" + layout.dt());
    }
    GloveTrainDriver.Result g = GloveTrainDriver.run(conf, cooccur, vocab, glove, checkpoints, resume);
    step(progress, "glove-train", t0, "rounds=" + g.rounds + " loss=" + (g.loss.isEmpty() ? "none"
        : String.format(Locale.ROOT, "%.6f", g.loss.get(g.loss.size() - 1)))
        + (conf.get(GloveTrainDriver.WARM_START) != null ? " warm-started from " + current.get() : " cold start"));
    t0 = System.nanoTime();
    conf.set(org.portrait.jobs.profile.ProfileConf.RUN_ID, "train-" + layout.dt());
    ProfileDriver.Result p = ProfileDriver.run(conf, corpus, glove, vocab, profile);
    Path classifiers = new Path(profile, "models");
    String classifiersFrom = "this window";
    if ((!p.training.category || !p.training.sentiment) && currentDir != null
        && AppliedModel.keepClassifiers(conf, new Path(currentDir, "classifiers"), classifiers)) {
      classifiersFrom = "model " + current.get() + " where the window had no labels";
    }
    step(progress, "classifiers", t0, "category_examples=" + p.training.categoryExamples + " sentiment_examples="
        + p.training.sentimentExamples + " (classifiers from " + classifiersFrom + ")");

    String id = "m-" + layout.dt() + "-" + FileDigest.sha256((from + to + Instant.now() + days)
        .getBytes(StandardCharsets.UTF_8)).substring(0, 8);
    ModelManifest m = ModelManifest.create(id, Instant.now(), from, to);
    for (String[] d : days) {
      m.inputs().put("dt=" + d[0], d[1]);
    }
    RunManifest.explicitSettings(conf).forEach(m.settings()::put);
    m.training().put("rounds", g.rounds);
    m.training().put("warm_start_from", current.isPresent() && conf.get(GloveTrainDriver.WARM_START) != null
        ? current.get() : "");
    g.counters.forEach((k, v) -> {
      if (k.startsWith("WARM_")) {
        m.training().put(k.toLowerCase(Locale.ROOT), v);
      }
    });
    m.training().put("category_examples", p.training.categoryExamples);
    m.training().put("sentiment_examples", p.training.sentimentExamples);
    m.training().put("classifiers_from", classifiersFrom);
    m.training().put("corpus", corpus.toString());
    try {
      return registerAndPromote(conf, root, layout.dt(), work, m, vocab, vocabCounters, glove, g.loss, classifiers,
          progress);
    } finally {
      // Once the model is registered (promoted or held back by a gate) its checkpoints have served their purpose.
      if (fs.exists(ModelRegistry.modelDir(root, id))) {
        fs.delete(checkpoints, true);
      }
    }
  }

  /**
   * Checks the model gates of a trained vocabulary, GloVe output and classifiers, registers them as
   * {@code models/<m.id()>/} with manifest {@code m} (loss and vocabulary size added) and makes the model current
   * when every gate passes; otherwise throws a UserError naming the failed gate (the model stays registered,
   * the pointer unchanged). A model of that id already registered is promoted as it is, gates rechecked.
   */
  static Result registerAndPromote(Configuration conf, Path root, String dt, Path work, ModelManifest m, Path vocab,
      Map<String, Long> vocabCounters, Path glove, List<Double> loss, Path classifiers, PrintStream progress)
      throws IOException {
    Optional<String> current = ModelRegistry.current(conf, root);
    Path currentDir = current.map(c -> ModelRegistry.modelDir(root, c)).orElse(null);
    String id = m.id();
    Path dir = ModelRegistry.modelDir(root, id);
    FileSystem fs = root.getFileSystem(conf);
    if (id.equals(current.orElse(null))) {
      // The same training output as the current model (a rerun): there is no other model to compare with.
      currentDir = null;
    }
    GateReport gates = modelGates(conf, GateFiles.thresholds(conf), loss, vocab, vocabCounters, glove, currentDir);
    m.lossPerRound(loss.stream().mapToDouble(Double::doubleValue).toArray());
    m.training().put(ModelManifest.VOCAB_SIZE, vocabCounters.get("VOCAB_SIZE"));
    m.gates(gates);
    if (!fs.exists(dir)) {
      Path built = new Path(work, "_model." + id);
      fs.delete(built, true);
      copy(conf, vocab, new Path(built, "vocab"));
      copy(conf, glove, new Path(built, "glove"));
      copy(conf, classifiers, new Path(built, "classifiers"));
      dir = ModelRegistry.register(conf, root, built, m);
    }
    for (String line : gates.lines()) {
      progress.println("  " + line);
    }
    if (!gates.passed()) {
      throw new UserError(gates.firstFailure().orElse("a model gate failed") + "; model " + id
          + " registered but not promoted (models/current stays " + current.orElse("unset") + ")");
    }
    ModelRegistry.promote(conf, root, id, "train dt=" + dt + ": model gates passed");
    progress.printf(Locale.ROOT, "model %s registered and current (%s)%n", id, dir);
    return new Result(id, true, gates, dir);
  }

  /** Loss finite and falling, vocabulary coverage of the window's tokens, neighbour overlap with the current model. */
  static GateReport modelGates(Configuration conf, GateThresholds thresholds, List<Double> loss, Path vocab,
      Map<String, Long> vocabCounters, Path glove, Path currentDir) throws IOException {
    GateCheck check = new GateCheck(thresholds);
    boolean finite = !loss.isEmpty() && loss.stream().allMatch(Double::isFinite);
    check.isTrue(GateThresholds.MODEL_LOSS_FINITE, finite, loss.isEmpty() ? "no round trained"
        : "loss " + loss.get(0) + " → " + loss.get(loss.size() - 1) + " over " + loss.size() + " rounds");
    check.atMost(GateThresholds.MODEL_LOSS_RATIO_MAX, finite ? loss.get(loss.size() - 1) / loss.get(0) : Double.NaN);
    long tokens = vocabCounters.getOrDefault("TOKENS_IN", 0L);
    check.atLeast(GateThresholds.MODEL_VOCAB_COVERAGE_MIN, tokens == 0 ? Double.NaN
        : vocabTokens(conf, new Path(vocab, "vocab.tsv")) / (double) tokens);
    if (currentDir != null) {
      check.atLeast(GateThresholds.MODEL_NEIGHBOUR_OVERLAP_MIN, NeighbourOverlap.atK(
          vectors(conf, new Path(currentDir, "glove/vectors.txt")), vectors(conf, new Path(glove, "vectors.txt")), 10));
    }
    return check.report();
  }

  /** Sum of the vocabulary's counts (the window's tokens it covers); reads vocab.tsv, one line per word. */
  private static long vocabTokens(Configuration conf, Path vocabFile) throws IOException {
    long n = 0;
    FileSystem fs = vocabFile.getFileSystem(conf);
    try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(fs.open(vocabFile),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.split("\t");
        if (f.length >= 2) {
          n += Long.parseLong(f[1].trim());
        }
      }
    }
    return n;
  }

  private static WordVectors vectors(Configuration conf, Path file) throws IOException {
    try (InputStream in = file.getFileSystem(conf).open(file)) {
      return WordVectors.read(in);
    }
  }

  private static void copy(Configuration conf, Path from, Path to) throws IOException {
    FileSystem fs = from.getFileSystem(conf);
    if (!FileUtil.copy(fs, from, fs, to, false, conf)) {
      throw new IOException("cannot copy " + from + " to " + to);
    }
  }

  private static void step(PrintStream progress, String name, long t0, String summary) {
    progress.printf(Locale.ROOT, "  %-12s %6.1f s  %s%n", name, (System.nanoTime() - t0) / 1e9, summary);
  }

  @Override
  public String command() {
    return "train";
  }

  @Override
  public String usage() {
    return String.join("\n",
        "portrait train --input RAW[,RAW...] --work ROOT --dt yyyy-MM-dd [--window-days N] [--break-lock]",
        "  Trains a model over the segmented history of the N days up to --dt (" + WINDOW_DAYS + ", default "
            + DEFAULT_WINDOW_DAYS + "): vocabulary, co-occurrences, GloVe warm-started from models/current, and the",
        "  review classifiers (kept from the current model when the window has no labels). Each RAW (a day's raw",
        "  folder …/dt=<dt>, or one file for --dt) not yet segmented is ingested and segmented first.",
        "  Registers ROOT/models/<id>/ with its manifest and makes it current when the model gates pass",
        "  (" + GateThresholds.FILE + " overrides their bounds); otherwise exits non-zero naming the failed gate.");
  }

  @Override
  protected List<String> options() {
    return List.of("input", "work", "dt", "window-days");
  }

  @Override
  protected List<String> flags() {
    return List.of("break-lock");
  }

  @Override
  protected int run(CliArgs args) throws Exception {
    Configuration conf = getConf();
    if (args.has("window-days")) {
      conf.setInt(WINDOW_DAYS, args.getInt("window-days", DEFAULT_WINDOW_DAYS));
    }
    List<String> inputs = List.of(args.require("input").split(","));
    run(conf, new Path(args.require("work")), inputs,
        RunValidation.dt(args.get("dt", LocalDate.now(ZoneOffset.UTC).toString())), args.has("break-lock"),
        System.out);
    return 0;
  }
}
