package org.portrait.jobs.glove;

import org.portrait.common.config.UserError;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.NLineInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.portrait.common.glove.GloveModel;
import org.portrait.common.glove.GloveParams;
import org.portrait.common.glove.VocabIds;
import org.portrait.common.glove.WarmStart;
import org.portrait.jobs.CliArgs;
import org.portrait.jobs.Jobs;
import org.portrait.jobs.Stage;
import org.portrait.jobs.PortraitTool;

/**
 * glove-train: GloVe by distributed SGD in rounds. Task p owns the word rows of its co-occurrence partitions
 * and uses every core of its task through row/column-stratified threads. With one task a round is one
 * map-only job. With P tasks (default schedule "dsgd") a round is P map-only jobs (strata): in each, task p
 * trains its rows x one column block, disjoint from the other tasks' blocks, and the driver takes every
 * parameter from the one task that changed it; under "mixing" a round is one job whose task models are merged
 * (per parameter: mean delta of the tasks that changed it). After the round the driver checks the model for
 * non-finite values and commits a checkpoint (model + AdaGrad state + loss history). The loss
 * per round goes to the log, the checkpoint's loss history and the LOSS_E9 counter. Training stops after the rounds
 * or when the relative loss change falls under a threshold. Output, installed atomically at the end: M/vectors.txt,
 * M/word_vector/, M/loss.tsv, M/_counters.json, and the final model state M/model.bin (AdaGrad included) with the
 * vocabulary it was trained over, M/vocab.tsv: what {@link #WARM_START} continues from. Checkpoints live apart
 * from M (the pipeline keeps them in the layout's checkpoints area, keyed by dt), so a failed attempt keeps them
 * and a retry resumes from them, while M only ever holds a complete model. See the usage for the options.
 */
public class GloveTrainDriver extends PortraitTool {
  private static final Log LOG = LogFactory.getLog(GloveTrainDriver.class);
  /** Vector dimension; default {@value #DEFAULT_DIM}. */
  public static final String DIM = "portrait.glove.dim";
  public static final int DEFAULT_DIM = 100;
  /** x_max of the weighting function; default {@value #DEFAULT_X_MAX}. */
  public static final String X_MAX = "portrait.glove.x-max";
  public static final double DEFAULT_X_MAX = 10;
  /** alpha of the weighting function; default {@value #DEFAULT_ALPHA}. */
  public static final String ALPHA = "portrait.glove.alpha";
  public static final double DEFAULT_ALPHA = 0.75;
  /** AdaGrad learning rate; default {@value #DEFAULT_ETA}. */
  public static final String ETA = "portrait.glove.eta";
  public static final double DEFAULT_ETA = 0.05;
  /** Gradient component clip; default {@value #DEFAULT_CLIP}. */
  public static final String CLIP = "portrait.glove.grad-clip";
  public static final double DEFAULT_CLIP = 100;
  /** Maximum rounds (epochs); default {@value #DEFAULT_ROUNDS}. */
  public static final String ROUNDS = "portrait.glove.rounds";
  public static final int DEFAULT_ROUNDS = 15;
  /** Parallel training tasks per round; default {@value #DEFAULT_TASKS}. */
  public static final String TASKS = "portrait.glove.tasks";
  public static final int DEFAULT_TASKS = 1;
  /** Threads inside each task; default {@value #DEFAULT_THREADS}. */
  public static final String THREADS = "portrait.glove.threads";
  public static final int DEFAULT_THREADS = 2;
  /** Random seed (initial vectors, entry order); default {@value #DEFAULT_SEED}. */
  public static final String SEED = "portrait.glove.seed";
  public static final long DEFAULT_SEED = 1;
  /** Stop when |loss change| / previous loss is below this; 0 = never; default {@value #DEFAULT_MIN_CHANGE}. */
  public static final String MIN_CHANGE = "portrait.glove.min-rel-change";
  public static final double DEFAULT_MIN_CHANGE = 1e-4;
  /**
   * How parallel tasks share a round: "dsgd" (the round runs in as many strata as tasks; in stratum s task p
   * trains its word rows x the context rows of column block (p + s) mod tasks, so no two tasks touch the same
   * parameter and the merge is exact: one job per stratum) or "mixing" (one job per round, every task trains
   * all its entries from the round's model, then the models are merged, see {@link #MERGE}); default
   * {@value #DEFAULT_SCHEDULE}. Both are the same with one task.
   */
  public static final String SCHEDULE = "portrait.glove.schedule";
  public static final String DEFAULT_SCHEDULE = "dsgd";
  /**
   * Merge of parallel tasks under "mixing": "mean" (each parameter moves by the mean delta of the tasks that
   * changed it: word rows exact, shared context rows averaged) or "sum" of deltas (diverged with 4 tasks);
   * default {@value #DEFAULT_MERGE}.
   */
  public static final String MERGE = "portrait.glove.merge";
  public static final String DEFAULT_MERGE = "mean";
  /**
   * An earlier glove-train output (holding model.bin and vocab.tsv) to start from instead of random vectors:
   * words both vocabularies have keep their vectors, biases and AdaGrad sums, new words start as in a cold
   * start with the seed; the dim must be the same. A checkpoint that --resume finds wins over it. Default: none
   * (cold start).
   */
  public static final String WARM_START = "portrait.glove.warm-start";
  /** Memory a task may use, MB; default: the task heap (local: this JVM's max heap). */
  public static final String TASK_MEMORY_MB = "portrait.glove.task-memory-mb";
  /** Keep loaded entries in the JVM between rounds; default true. */
  public static final String CACHE_ENTRIES = "portrait.glove.cache-entries";
  /**
   * YARN node label expression for the GloVe round jobs only (their AM and tasks), e.g. {@code gpu}: a lifecycle
   * run (train) shares one configuration between all its jobs, so the label cannot be a plain
   * {@code mapreduce.job.node-label-expression} there. Default: none (the default partition).
   */
  public static final String NODE_LABEL = "portrait.glove.node-label";
  /** YARN queue of the GloVe round jobs only; default: the run's {@code mapreduce.job.queuename}. */
  public static final String QUEUE = "portrait.glove.queue";
  static final String JOB_NODE_LABEL = "mapreduce.job.node-label-expression";
  static final String JOB_QUEUE = "mapreduce.job.queuename";
  /** How often the driver polls a round's job for completion, ms; default {@value #DEFAULT_POLL_MS}. */
  public static final String POLL_MS = "portrait.glove.poll-ms";
  public static final int DEFAULT_POLL_MS = 50;
  static final String POLL_INTERVAL = "mapreduce.client.completion.pollinterval";
  /**
   * Tests only: the run fails right after committing this round's checkpoint, as a killed attempt would.
   * Default -1 (never).
   */
  public static final String TEST_FAIL_AFTER_ROUND = "portrait.glove.test.fail-after-round";
  // Set by the driver for each round's job.
  static final String INPUT = "portrait.glove.round.input";
  static final String ROUND = "portrait.glove.round.number";
  static final String ROUND_MODEL = "portrait.glove.round.model";
  static final String ROUND_OUT = "portrait.glove.round.out";
  static final String STRATA = "portrait.glove.round.strata";
  static final String STRATUM = "portrait.glove.round.stratum";

  /** What a run produced. */
  public static final class Result {
    public final List<Double> loss;
    public final int rounds;
    public final Map<String, Long> counters;
    /** Wall seconds of the rounds run (jobs + merge + checkpoint), without setup and vector output. */
    public final double trainSeconds;

    Result(List<Double> loss, int rounds, Map<String, Long> counters, double trainSeconds) {
      this.loss = loss;
      this.rounds = rounds;
      this.counters = counters;
      this.trainSeconds = trainSeconds;
    }
  }

  static GloveParams params(Configuration conf) {
    return new GloveParams(conf.getDouble(X_MAX, DEFAULT_X_MAX), conf.getDouble(ALPHA, DEFAULT_ALPHA),
        conf.getDouble(ETA, DEFAULT_ETA), conf.getDouble(CLIP, DEFAULT_CLIP));
  }

  /**
   * True when {@code checkpoints} holds a complete checkpoint of a run begun from the same vocabulary,
   * co-occurrences and settings: a retry of the same work may then pass {@code resume} and lose nothing.
   */
  public static boolean resumable(Configuration conf, Path cooccur, Path vocabDir, Path checkpoints)
      throws IOException {
    return CheckpointInputs.match(conf, checkpoints, cooccur, vocabDir);
  }

  /** Checkpoints folder used when none is given: a hidden sibling of the output, {@code _checkpoints.<name>}. */
  public static Path defaultCheckpoints(Path output) {
    return new Path(output.getParent(), "_checkpoints." + output.getName());
  }

  /** As {@link #run(Configuration, Path, Path, Path, Path, boolean)} with {@link #defaultCheckpoints}. */
  public static Result run(Configuration conf, Path cooccur, Path vocabDir, Path output, boolean resume)
      throws IOException, InterruptedException {
    return run(conf, cooccur, vocabDir, output, defaultCheckpoints(output), resume);
  }

  /**
   * Trains with the settings in {@code conf}, checkpointing every round under {@code checkpoints}, and installs
   * the trained vectors as {@code output}. With {@code resume}, continues after the last complete checkpoint
   * (same settings expected); otherwise starts afresh (old checkpoints removed).
   */
  public static Result run(Configuration conf, Path cooccur, Path vocabDir, Path output, Path checkpoints,
      boolean resume) throws IOException, InterruptedException {
    Configuration c = new Configuration(conf);
    // The job client polls for completion every 5 s by default: per round that would dominate the overhead.
    c.setInt(POLL_INTERVAL, c.getInt(GloveTrainDriver.POLL_MS, DEFAULT_POLL_MS));
    // c configures the round jobs and nothing else: the label and queue reach them and no other stage's job.
    String label = c.getTrimmed(NODE_LABEL, "");
    if (!label.isEmpty()) {
      c.set(JOB_NODE_LABEL, label, NODE_LABEL);
    }
    String queue = c.getTrimmed(QUEUE, "");
    if (!queue.isEmpty()) {
      c.set(JOB_QUEUE, queue, QUEUE);
    }
    int dim = c.getInt(DIM, DEFAULT_DIM);
    int rounds = c.getInt(ROUNDS, DEFAULT_ROUNDS);
    int tasks = c.getInt(TASKS, DEFAULT_TASKS);
    int threads = c.getInt(THREADS, DEFAULT_THREADS);
    String merge = c.get(MERGE, DEFAULT_MERGE);
    String schedule = c.get(SCHEDULE, DEFAULT_SCHEDULE);
    if (dim < 1 || rounds < 1 || tasks < 1 || threads < 1) {
      throw new UserError("dim, rounds, tasks and threads must be >= 1");
    }
    if (!merge.equals("sum") && !merge.equals("mean")) {
      throw new UserError("merge must be sum or mean: " + merge);
    }
    if (!schedule.equals("dsgd") && !schedule.equals("mixing")) {
      throw new UserError("schedule must be dsgd or mixing: " + schedule);
    }
    int strata = schedule.equals("dsgd") ? tasks : 1;
    params(c); // validates
    VocabIds vocab = GloveFiles.readVocab(c, vocabDir);
    List<FileStatus> files = GloveFiles.cooccurFiles(c, cooccur);
    if (files.isEmpty()) {
      throw new UserError("no co-occurrence files (*.cooc) in " + cooccur);
    }
    GloveMemory.check(c, vocab.size(), dim, files, tasks);
    Path m = checkpoints;
    FileSystem fs = m.getFileSystem(c);
    fs.mkdirs(m);
    List<Double> loss = new ArrayList<>();
    int start = resume ? GloveFiles.lastCheckpoint(c, m) : -1;
    GloveModel model;
    WarmStart.Result warm = null; // a resumed run was initialised (and counted) by the run that began it
    if (start >= 0) {
      model = GloveFiles.readModel(c, new Path(GloveFiles.checkpoint(m, start), GloveFiles.MODEL));
      if (model.vocab != vocab.size() || model.dim != dim) {
        throw new UserError("checkpoint round " + start + " has vocab " + model.vocab + " x dim "
            + model.dim + ", the settings say " + vocab.size() + " x " + dim + "; rerun without --resume");
      }
      loss.addAll(GloveFiles.readLoss(c, new Path(GloveFiles.checkpoint(m, start), GloveFiles.LOSS)));
      // The checkpoint already holds the warm-started model (and its rounds since): starting over would lose them.
      LOG.info("resuming after round " + start + (c.getTrimmed(WARM_START, "").isEmpty() ? ""
          : " (" + WARM_START + " ignored: resuming wins)"));
    } else {
      fs.delete(new Path(m, GloveFiles.CHECKPOINTS), true);
      CheckpointInputs.write(c, m, cooccur, vocabDir);
      start = 0;
      long seed = c.getLong(SEED, DEFAULT_SEED);
      String warmDir = c.getTrimmed(WARM_START, "");
      if (warmDir.isEmpty()) {
        model = GloveModel.init(vocab.size(), dim, seed);
      } else {
        warm = GloveFiles.warmStart(c, new Path(warmDir), vocab, dim, seed);
        model = warm.model;
        LOG.info("warm start from " + warmDir + ": " + warm.carried + " words carried, " + warm.fresh + " new");
      }
      GloveFiles.writeCheckpoint(c, m, 0, model, loss);
    }
    Path work = new Path(m, "_work");
    fs.delete(work, true);
    Path taskList = new Path(work, "tasks.txt");
    try (OutputStream out = fs.create(taskList, true)) {
      for (int p = 0; p < tasks; p++) {
        out.write((p + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    Map<String, Long> total = new LinkedHashMap<>();
    for (GloveCounters k : GloveCounters.values()) {
      total.put(k.name(), 0L);
    }
    if (warm != null) {
      total.put(GloveCounters.WARM_WORDS_CARRIED.name(), (long) warm.carried);
      total.put(GloveCounters.WARM_WORDS_NEW.name(), (long) warm.fresh);
    }
    long entries = 0;
    for (FileStatus f : files) {
      entries += f.getLen() / 12;
    }
    double trainSecs = 0;
    int round = start;
    GloveProgress progress = GloveProgress.stderr(rounds);
    try {
      while (round < rounds) {
        round++;
        long t0 = System.nanoTime();
        Path roundDir = new Path(work, "round-" + round);
        Path roundModel = new Path(GloveFiles.checkpoint(m, round - 1), GloveFiles.MODEL);
        Map<String, Long> jc = new LinkedHashMap<>();
        double cost = 0;
        for (int step = 0; step < strata; step++) {
          // Rotate the strata's order by round, as the threads' sub-steps are rotated inside a task.
          Path stepDir = new Path(roundDir, "stratum-" + step);
          c.setInt(STRATA, strata);
          c.setInt(STRATUM, (step + round) % strata);
          Map<String, Long> sc = runTasks(c, cooccur, round, roundModel, stepDir, taskList);
          sc.forEach((k, v) -> jc.merge(k, v, Long::sum));
          cost += GloveFiles.readCost(c, new Path(stepDir, "out"), tasks);
          Path models = new Path(stepDir, "models");
          if (strata > 1) {
            // DSGD: every row was changed by one task at most; copying the tasks' rows in is the exact merge.
            for (int p = 0; p < tasks; p++) {
              GloveFiles.applyRows(c, new Path(models, "task-" + p + ".rows"), model);
            }
          } else {
            GloveModel[] trained = new GloveModel[tasks];
            for (int p = 0; p < tasks; p++) {
              trained[p] = GloveFiles.readModel(c, new Path(models, "task-" + p + ".bin"));
            }
            model = GloveModel.merge(model, trained, merge.equals("mean"));
          }
          if (step + 1 < strata) {
            roundModel = new Path(stepDir, "merged.bin");
            GloveFiles.writeModel(c, roundModel, model);
          }
        }
        long t1 = System.nanoTime();
        jc.forEach((k, v) -> total.merge(k, v, Long::sum));
        double l = cost / Math.max(1, entries - jc.get(GloveCounters.BAD_ENTRIES.name()));
        String bad = model.firstNonFinite();
        if (bad != null || !Double.isFinite(l)) {
          total.put(GloveCounters.LOSS_E9.name(), -1L);
          throw new IOException("glove-train diverged in round " + round + ": loss " + l
              + (bad == null ? "" : ", non-finite parameter " + bad) + " (" + jc.get("NONFINITE_SKIPPED")
              + " updates skipped); lower --eta or --grad-clip. Last good checkpoint: round " + (round - 1));
        }
        loss.add(l);
        GloveFiles.writeCheckpoint(c, m, round, model, loss);
        fs.delete(GloveFiles.checkpoint(m, round - 2), true);
        fs.delete(roundDir, true);
        if (round == c.getInt(TEST_FAIL_AFTER_ROUND, -1)) {
          throw new IOException("stopping after round " + round + " as " + TEST_FAIL_AFTER_ROUND + " asks");
        }
        long t2 = System.nanoTime();
        total.merge(GloveCounters.ROUNDS.name(), 1L, Long::sum);
        total.put(GloveCounters.LOSS_E9.name(), Math.round(l * 1e9));
        double jobSecs = (t1 - t0) / 1e9;
        trainSecs += (t2 - t0) / 1e9;
        LOG.info(String.format("round %d loss %.6f (jobs+merges %.2f s, checkpoint %.2f s, %d skipped)", round, l,
            jobSecs, (t2 - t1) / 1e9, jc.get(GloveCounters.NONFINITE_SKIPPED.name())));
        progress.round(round, l, jc.get(GloveCounters.UPDATES.name()), (t2 - t0) / 1e9);
        if (loss.size() >= 2) {
          double prev = loss.get(loss.size() - 2);
          double change = Math.abs(prev - l) / prev;
          if (change < c.getDouble(MIN_CHANGE, DEFAULT_MIN_CHANGE)) {
            LOG.info("relative loss change " + change + " below threshold: stopping after round " + round);
            break;
          }
        }
      }
      progress.finish();
      GloveModel trained = model;
      Stage.run(c, output, (out, counters) -> {
        VectorsOutput.write(c, out.tempPath(), trained, vocab);
        GloveFiles.writeLoss(c, new Path(out.tempPath(), GloveFiles.LOSS), loss);
        GloveFiles.writeModel(c, new Path(out.tempPath(), GloveFiles.MODEL), trained);
        GloveFiles.copyVocab(c, vocabDir, out.tempPath());
        counters.putAll(total);
        return out.target();
      });
      fs.delete(work, true);
    } finally {
      GloveTrainMapper.clearCache();
    }
    return new Result(loss, round, total, trainSecs);
  }

  /** Runs one map-only job: every task trains from {@code model} and writes its model under {@code dir}. */
  private static Map<String, Long> runTasks(Configuration c, Path cooccur, int round, Path model, Path dir,
      Path taskList) throws IOException, InterruptedException {
    Path modelsDir = new Path(dir, "models");
    modelsDir.getFileSystem(c).mkdirs(modelsDir);
    c.set(INPUT, cooccur.toString());
    c.setInt(ROUND, round);
    c.set(ROUND_MODEL, model.toString());
    c.set(ROUND_OUT, modelsDir.toString());
    Job job = Jobs.newJob(c, "glove-train-round-" + round + "-" + dir.getName(), GloveTrainDriver.class);
    job.setInputFormatClass(NLineInputFormat.class);
    NLineInputFormat.addInputPath(job, taskList);
    NLineInputFormat.setNumLinesPerSplit(job, 1);
    job.setMapperClass(GloveTrainMapper.class);
    job.setNumReduceTasks(0);
    job.setMapSpeculativeExecution(false);
    job.setOutputKeyClass(Text.class);
    job.setOutputValueClass(Text.class);
    job.setOutputFormatClass(TextOutputFormat.class);
    FileOutputFormat.setOutputPath(job, new Path(dir, "out"));
    Jobs.runOrThrow(job);
    return Jobs.counters(job, GloveCounters.class);
  }

  @Override
  public String command() {
    return "glove-train";
  }

  @Override
  public String usage() {
    return "glove-train --input C --vocab V --output M [--checkpoints K] [--dim 100] [--x-max 10] [--alpha 0.75] [--eta 0.05]\n"
        + "    [--rounds 15] [--tasks 1] [--threads 2] [--seed 1] [--grad-clip 100] [--min-rel-change 1e-4]\n"
        + "    [--schedule dsgd|mixing] [--merge mean|sum] [--warm-start M0] [--resume]\n"
        + "  Trains GloVe on co-occurrences C (from cooccur) over vocabulary V: map-only jobs, tasks in parallel\n"
        + "  (dsgd: one job per stratum, tasks train disjoint row x column blocks; mixing: one job per round,\n"
        + "  task models merged), each with stratified lock-free threads; AdaGrad. Writes M/vectors.txt, M/word_vector/\n"
        + "  (Parquet WordVector), M/loss.tsv (round<TAB>loss), M/model.bin + M/vocab.tsv (final state, for a warm\n"
        + "  start), M/_counters.json, installed atomically at the end; checkpoints (every round, AdaGrad included) go\n"
        + "  to K (default: M's sibling _checkpoints.<name>) and survive a failed attempt. --warm-start M0 starts from\n"
        + "  an earlier output M0 (same dim): shared words keep vectors, biases and AdaGrad sums, new words start cold.\n"
        + "  --resume continues after the last complete checkpoint (and then wins over --warm-start). Same seed and\n"
        + "  settings (tasks, threads included) give identical vectors. Keys: portrait.glove.* (dim, x-max, alpha,\n"
        + "  eta, grad-clip, rounds, tasks, threads, seed, min-rel-change, schedule, merge, warm-start,\n"
        + "  task-memory-mb, cache-entries).";
  }

  @Override
  protected List<String> options() {
    return List.of("input", "vocab", "output", "checkpoints", "dim", "x-max", "alpha", "eta", "rounds", "tasks", "threads", "seed",
        "grad-clip", "min-rel-change", "schedule", "merge", "warm-start");
  }

  @Override
  protected List<String> flags() {
    return List.of("resume");
  }

  @Override
  protected int run(CliArgs args) throws Exception {
    Configuration conf = args.copyTo(new Configuration(getConf()), "dim", DIM, "x-max", X_MAX, "alpha", ALPHA,
        "eta", ETA, "rounds", ROUNDS, "tasks", TASKS, "threads", THREADS, "seed", SEED, "grad-clip", CLIP,
        "min-rel-change", MIN_CHANGE, "schedule", SCHEDULE, "merge", MERGE, "warm-start", WARM_START);
    long t0 = System.nanoTime();
    Path output = new Path(args.require("output"));
    Path checkpoints = args.has("checkpoints") ? new Path(args.get("checkpoints", null)) : defaultCheckpoints(output);
    Result r = run(conf, new Path(args.require("input")), new Path(args.require("vocab")), output, checkpoints,
        args.has("resume"));
    double secs = (System.nanoTime() - t0) / 1e9;
    long updates = r.counters.get(GloveCounters.UPDATES.name());
    System.out.printf("glove-train: %d rounds, loss %.6f, %d updates in %.1f s training (%.0f updates/s), "
        + "%.1f s total%n", r.rounds, r.loss.isEmpty() ? Double.NaN : r.loss.get(r.loss.size() - 1), updates,
        r.trainSeconds, updates / r.trainSeconds, secs);
    return 0;
  }
}
