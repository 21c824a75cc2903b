package org.portrait.jobs;

import java.util.List;
import org.apache.hadoop.conf.Configured;
import org.apache.hadoop.util.Tool;

/**
 * Base of every command: a thin {@link Tool#run(String[])} that parses options, prints {@code --help},
 * and turns bad arguments into a usage message and exit code 2 instead of a stack trace. The real work is
 * in each driver's typed Java entry point, which tests call directly.
 */
public abstract class PortraitTool extends Configured implements Tool {

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

  /** Runs the command with parsed options; returns the process exit code. */
  protected abstract int run(CliArgs args) throws Exception;

  @Override
  public final int run(String[] argv) throws Exception {
    CliArgs args;
    try {
      args = CliArgs.parse(argv, options(), flags());
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
      return run(args);
    } catch (IllegalArgumentException e) {
      System.err.println(command() + ": " + e.getMessage());
      return 2;
    }
  }
}
