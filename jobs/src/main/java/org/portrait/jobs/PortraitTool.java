package org.portrait.jobs;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.conf.Configured;
import org.apache.hadoop.util.Tool;
import org.portrait.common.config.UserError;

/**
 * Base of every command: a thin {@link Tool#run(String[])} that parses options, prints {@code --help}, checks
 * the settings, and maps failures to exit codes. A {@link UserError} (bad option, bad setting, missing input)
 * is one line and exit code 2; any other failure is an internal error: exit code 1 with its cause chain on one
 * line (the stack trace goes to the log). The real work is in each driver's typed Java entry point, which tests
 * call directly.
 */
public abstract class PortraitTool extends Configured implements Tool {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PortraitTool.class);
  /** System property naming the log file (set by run-local); user errors point to it. */
  public static final String LOG_FILE_PROPERTY = "portrait.log.file";

  /** Command name as typed on the command line, e.g. {@code ingest}. */
  public abstract String command();

  /** One paragraph: what the command does, its options and their defaults. */
  public abstract String usage();

  /** Options that take a value, without the leading dashes. */
  protected abstract List<String> options();

  /** Options without a value. */
  protected List<String> flags() {
    return List.of();
  }

  /** Whether the command takes plain arguments after its options (e.g. the words of {@code nearest}). */
  protected boolean takesArguments() {
    return false;
  }

  /** Runs the command with parsed options; returns the process exit code. */
  protected abstract int run(CliArgs args) throws Exception;

  @Override
  public final int run(String[] argv) throws Exception {
    CliArgs args;
    try {
      String[] rest = takeGenericOptions(argv, getConf());
      args = CliArgs.parse(rest, options(), flags());
      if (!takesArguments() && !args.positional().isEmpty()) {
        throw new UserError("unexpected argument '" + args.positional().get(0)
            + "' (options are --name value; settings are -D key=value)");
      }
    } catch (IllegalArgumentException e) {
      System.err.println(command() + ": " + e.getMessage());
      System.err.println(usage());
      return 2;
    }
    if (args.help()) {
      System.out.println(usage());
      return 0;
    }
    try {
      org.portrait.jobs.settings.Settings.check(getConf());
      return run(args);
    } catch (UserError e) {
      System.err.println(command() + ": " + e.getMessage() + logHint());
      LOG.info(command() + ": user error", e);
      return 2;
    } catch (Exception | OutOfMemoryError e) {
      System.err.println(command() + ": internal error: " + causes(e) + logHint());
      LOG.error(command() + " failed", e);
      return 1;
    }
  }

  /**
   * Applies {@code -D key=value} (or {@code -Dkey=value}) wherever it stands after the command's options to
   * {@code conf}: ToolRunner stops at the first non-generic argument, so these would otherwise be ignored. The
   * other generic options (-conf, -fs, -libjars, ...) only work before the command's own options: refused there.
   */
  static String[] takeGenericOptions(String[] argv, Configuration conf) {
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < argv.length; i++) {
      String a = argv[i];
      if (a.equals("-D")) {
        if (i + 1 >= argv.length) {
          throw new UserError("-D needs key=value");
        }
        setting(argv[++i], conf);
      } else if (a.startsWith("-D") && a.length() > 2) {
        setting(a.substring(2), conf);
      } else if (a.startsWith("-") && !a.startsWith("--") && a.length() > 1 && !isNumber(a)) {
        throw new UserError("generic option " + a + " must come before the command's options");
      } else {
        rest.add(a);
      }
    }
    return rest.toArray(new String[0]);
  }

  private static boolean isNumber(String a) {
    try {
      Double.parseDouble(a);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static void setting(String kv, Configuration conf) {
    int eq = kv.indexOf('=');
    if (eq <= 0) {
      throw new UserError("-D " + kv + ": expected key=value");
    }
    conf.set(kv.substring(0, eq), kv.substring(eq + 1), "command line");
  }

  /** "IOException: job failed; caused by OutOfMemoryError: Java heap space": the chain on one line. */
  public static String causes(Throwable e) {
    StringBuilder sb = new StringBuilder();
    java.util.Set<Throwable> seen = new java.util.HashSet<>();
    for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
      String msg = t.getMessage() == null ? "" : t.getMessage().split("\n", 2)[0];
      if (sb.length() > 0) {
        if (sb.indexOf(msg) >= 0 && !msg.isEmpty()) {
          continue; // wrapping exceptions often repeat their cause's message
        }
        sb.append("; caused by ");
      }
      sb.append(t.getClass().getSimpleName());
      if (!msg.isEmpty()) {
        sb.append(": ").append(msg);
      }
    }
    return sb.toString();
  }

  private static String logHint() {
    String log = System.getProperty(LOG_FILE_PROPERTY);
    return log == null ? "" : " (log: " + log + ")";
  }
}
