package org.portrait.jobs.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;
import org.portrait.common.config.ActionConf;
import org.portrait.common.config.LocalMode;
import org.portrait.jobs.ActionOutput;
import org.portrait.jobs.PortraitTool;
import org.portrait.jobs.pipeline.DailyDriver;
import org.portrait.jobs.pipeline.PipelineDriver;
import org.portrait.jobs.pipeline.PipelineStage;

/**
 * Entry point of the job jar: {@code java -jar portrait-jobs-local.jar <command> [options]} or
 * {@code hadoop jar portrait-jobs-cluster.jar <command> ...}; also the main class of every Oozie java action.
 * Every command goes through {@link ToolRunner}, so {@code -D key=value} and {@code -conf file} work everywhere.
 */
public final class PortraitMain {
  /** Command name to Tool class name, in pipeline order. Resolved by name so a command is listed once, here. */
  static final Map<String, String> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("make-users", "org.portrait.jobs.sample.MakeUsersCommand");
    COMMANDS.put("spread-days", "org.portrait.jobs.sample.SpreadDaysCommand");
    COMMANDS.put("ingest", "org.portrait.jobs.ingest.IngestDriver");
    COMMANDS.put("segment", "org.portrait.jobs.segment.SegmentDriver");
    COMMANDS.put("vocab", "org.portrait.jobs.vocab.VocabDriver");
    COMMANDS.put("cooccur", "org.portrait.jobs.cooccur.CooccurDriver");
    COMMANDS.put("glove-train", "org.portrait.jobs.glove.GloveTrainDriver");
    COMMANDS.put("nearest", "org.portrait.jobs.glove.NearestCommand");
    COMMANDS.put("embedding-eval", "org.portrait.jobs.embeval.EmbeddingEvalCommand");
    COMMANDS.put("export-tokens", "org.portrait.jobs.segment.ExportTokensCommand");
    COMMANDS.put("profile", "org.portrait.jobs.profile.ProfileDriver");
    COMMANDS.put("segments", "org.portrait.jobs.usersegment.UserSegmentDriver");
    COMMANDS.put("state", "org.portrait.jobs.userstate.UserStateDriver");
    COMMANDS.put("metrics", "org.portrait.jobs.metrics.MetricsDriver");
    COMMANDS.put("drift", "org.portrait.jobs.drift.DriftDriver");
    COMMANDS.put("lookalike", "org.portrait.jobs.lookalike.LookalikeDriver");
    COMMANDS.put("lookalike-eval", "org.portrait.jobs.lookalike.LookalikeEvalCommand");
    COMMANDS.put("publish", "org.portrait.jobs.pipeline.PublishCommand");
    COMMANDS.put("hive-partitions", "org.portrait.jobs.hive.HivePartitionsCommand");
    COMMANDS.put("pipeline", "org.portrait.jobs.pipeline.PipelineDriver");
    COMMANDS.put("train", "org.portrait.jobs.pipeline.TrainDriver");
    COMMANDS.put("daily", "org.portrait.jobs.pipeline.DailyDriver");
    COMMANDS.put("gates", "org.portrait.jobs.gates.DailyGatesCommand");
    COMMANDS.put("models", "org.portrait.jobs.models.ModelsCommand");
    COMMANDS.put("register-model", "org.portrait.jobs.pipeline.RegisterModelCommand");
  }

  private PortraitMain() {}

  /** System property naming a file that receives the full INFO log instead of stderr (run-local sets it). */
  public static final String LOG_FILE_PROPERTY = PortraitTool.LOG_FILE_PROPERTY;

  public static void main(String[] args) throws Exception {
    String logFile = System.getProperty(LOG_FILE_PROPERTY);
    if (logFile != null) {
      logToFile(logFile);
    }
    boolean inOozie = System.getProperty(ActionConf.OOZIE_ACTION_CONF_PROPERTY) != null;
    if (args.length > 0 && LIFECYCLE.contains(args[0])) {
      ActionOutput.headlinesOnly(headlineCounters());
    }
    LastLine errors = new LastLine(System.err);
    if (inOozie) {
      System.setErr(new java.io.PrintStream(errors, true, java.nio.charset.StandardCharsets.UTF_8));
    }
    int rc = run(ActionConf.create(), args);
    if (inOozie && rc == 2) {
      // Exit 2 is a user error or a failed gate, whose one-line reason is the last line the command wrote to
      // stderr. It fails the same way on every attempt, and Oozie's user-retry cannot tell it from an internal
      // error: a lifecycle action therefore succeeds with the reason as its output (STOPPED), and the
      // workflow's decision sends it to the kill node without a retry. Other commands fail the attempt with the
      // reason as its error message (Oozie reports a System.exit only as "exit code [2]").
      String reason = errors.last() == null ? args[0] + " failed (exit 2)" : errors.last();
      if (LIFECYCLE.contains(args[0])) {
        ActionOutput.put(STOPPED, reason);
        System.exit(0);
      }
      throw new ActionFailedException(reason);
    }
    System.exit(rc);
  }

  /** Action-output key of a lifecycle action stopped by a user error or a failed gate: the one-line reason. */
  public static final String STOPPED = "stopped";

  /** Commands that run many stages in one process (one Oozie action each). */
  static final Set<String> LIFECYCLE = Set.of("train", "daily", "pipeline");

  /** The counters the lifecycle commands print as each stage's summary: what goes to Oozie's action data. */
  static Set<String> headlineCounters() {
    Set<String> out = new TreeSet<>();
    for (PipelineStage s : PipelineDriver.stages()) {
      out.addAll(s.headlineCounters());
    }
    DailyDriver.Plan any = new DailyDriver.Plan("m", new org.apache.hadoop.fs.Path("/m"), null, true, "/h", "/h",
        null);
    for (PipelineStage s : DailyDriver.stages(any)) {
      out.addAll(s.headlineCounters());
    }
    return out;
  }

  /** A lifecycle command's one-line reason for stopping, thrown to the Oozie launcher. */
  static final class ActionFailedException extends Exception {
    ActionFailedException(String message) {
      super(message);
    }
  }

  /** Passes bytes on and remembers the last non-blank line (UTF-8). */
  static final class LastLine extends java.io.OutputStream {
    private final java.io.OutputStream out;
    private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
    private volatile String last;

    LastLine(java.io.OutputStream out) {
      this.out = out;
    }

    @Override
    public synchronized void write(int b) throws java.io.IOException {
      out.write(b);
      if (b == '\n') {
        String s = line.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
        if (!s.isEmpty()) {
          last = s;
        }
        line.reset();
      } else {
        line.write(b);
      }
    }

    @Override
    public void flush() throws java.io.IOException {
      out.flush();
    }

    String last() {
      String pending = line.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
      return pending.isEmpty() ? last : pending;
    }
  }

  /** Sends every log line at INFO and above to {@code file}, leaving the console to the progress lines. */
  static void logToFile(String file) throws java.io.IOException {
    org.apache.log4j.Logger root = org.apache.log4j.Logger.getRootLogger();
    root.removeAllAppenders();
    root.setLevel(org.apache.log4j.Level.INFO);
    root.addAppender(new org.apache.log4j.FileAppender(
        new org.apache.log4j.PatternLayout("%d{ISO8601} %p [%t] %c{1}: %m%n"), file, true));
  }

  /** Runs one command; returns its exit code (2 for usage errors). */
  public static int run(Configuration conf, String[] args) throws Exception {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
      printCommands();
      return args.length == 0 ? 2 : 0;
    }
    Tool tool;
    try {
      tool = tool(args[0]);
    } catch (IllegalStateException e) {
      System.err.println("portrait: " + e.getMessage());
      return 1;
    }
    if (tool == null) {
      System.err.println("unknown command: " + args[0]);
      printCommands();
      return 2;
    }
    if (LocalMode.isLocal(conf)) {
      LocalMode.useAllCores(conf);
    }
    String[] rest = new String[args.length - 1];
    System.arraycopy(args, 1, rest, 0, rest.length);
    return ToolRunner.run(conf, tool, rest);
  }

  /**
   * A new instance of the command's Tool, or null when there is no such command. A listed command whose class
   * cannot be loaded or created is a broken build: an error, never a silent skip.
   */
  public static Tool tool(String command) {
    String className = COMMANDS.get(command);
    if (className == null) {
      return null;
    }
    try {
      return (Tool) Class.forName(className).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalStateException("command " + command + " cannot be loaded (" + className + "): "
          + PortraitTool.causes(e), e);
    }
  }

  private static void printCommands() {
    System.out.println("usage: portrait <command> [generic Hadoop options] [options]   (<command> --help for its options)");
    System.out.println("commands:");
    for (String c : COMMANDS.keySet()) {
      System.out.println("  " + c);
    }
  }
}
