package org.portrait.jobs.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;
import org.portrait.common.config.ActionConf;
import org.portrait.common.config.LocalMode;
import org.portrait.jobs.PortraitTool;

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
    COMMANDS.put("publish", "org.portrait.jobs.pipeline.PublishCommand");
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
    System.exit(run(ActionConf.create(), args));
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
