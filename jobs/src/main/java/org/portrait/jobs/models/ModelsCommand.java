package org.portrait.jobs.models;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.portrait.common.config.UserError;
import org.portrait.jobs.CliArgs;
import org.portrait.jobs.PortraitTool;
import org.portrait.jobs.models.ModelRegistry.ModelInfo;
import org.portrait.jobs.models.ModelRegistry.Switch;

/**
 * {@code models list | show ID | promote ID [--force] | rollback}, {@code --work ROOT}: the registry of trained
 * models ({@link ModelRegistry}) from the command line.
 */
public class ModelsCommand extends PortraitTool {
  private static final List<String> SUBCOMMANDS = List.of("list", "show", "promote", "rollback");

  @Override
  public String command() {
    return "models";
  }

  @Override
  public String usage() {
    return String.join("\n",
        "portrait models list|show ID|promote ID [--force]|rollback --work ROOT [--reason TEXT]",
        "  The registry of trained models under ROOT/models/: one folder per model (manifest.json, glove/,",
        "  classifiers/), the pointer ROOT/models/current naming the model daily runs use, and the log",
        "  ROOT/models/history.tsv of every switch.",
        "  list      the registered models, oldest first: created, data window, figures, gates; * marks current",
        "  show ID   the model's manifest (JSON)",
        "  promote   makes model ID current; refused when its manifest records failed (or no) gates, unless",
        "            --force. --reason is recorded in the history.",
        "  rollback  makes current again the model that the current one replaced when it was promoted");
  }

  @Override
  protected List<String> options() {
    return List.of("work", "reason");
  }

  @Override
  protected List<String> flags() {
    return List.of("force");
  }

  @Override
  protected boolean takesArguments() {
    return true;
  }

  @Override
  protected int run(CliArgs args) throws Exception {
    List<String> pos = args.positional();
    if (pos.isEmpty()) {
      throw new UserError("name a subcommand: " + String.join(", ", SUBCOMMANDS));
    }
    String sub = pos.get(0);
    if (!SUBCOMMANDS.contains(sub)) {
      throw new UserError("unknown subcommand '" + sub + "' (subcommands: " + String.join(", ", SUBCOMMANDS) + ")");
    }
    int wanted = sub.equals("show") || sub.equals("promote") ? 2 : 1;
    if (pos.size() != wanted) {
      throw new UserError(wanted == 2 ? sub + " needs one model id" : sub + " takes no argument, found '"
          + pos.get(1) + "'");
    }
    if (args.has("force") && !sub.equals("promote")) {
      throw new UserError("--force only applies to promote");
    }
    Path root = new Path(args.require("work"));
    Configuration conf = getConf();
    String reason = args.get("reason", "");
    switch (sub) {
      case "list":
        for (String line : table(ModelRegistry.list(conf, root))) {
          System.out.println(line);
        }
        return 0;
      case "show":
        System.out.print(ModelRegistry.show(conf, root, pos.get(1)).toJson());
        return 0;
      case "promote":
        print(ModelRegistry.promote(conf, root, pos.get(1), reason, args.has("force")));
        return 0;
      default:
        print(ModelRegistry.rollback(conf, root, reason));
        return 0;
    }
  }

  private static void print(Switch s) {
    if (!s.changed()) {
      System.out.println("model " + s.model() + " is already current");
    } else {
      System.out.println((s.action().equals("rollback") ? "rolled back to " : "promoted ") + s.model()
          + s.previous().map(p -> " (was " + p + ")").orElse(" (no model was current)"));
    }
  }

  /** The {@code list} table: one header line, one line per model, columns padded to their widest cell. */
  static List<String> table(List<ModelInfo> models) {
    if (models.isEmpty()) {
      return List.of("no models registered");
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"", "MODEL", "CREATED", "WINDOW", "VOCAB", "ROUNDS", "FINAL LOSS", "GATES"});
    for (ModelInfo m : models) {
      String gates = m.problem() != null ? m.problem()
          : m.gatesPassed().map(p -> p ? "passed" : "FAILED").orElse("none");
      rows.add(new String[] {m.current() ? "*" : "", m.id(), created(m.created()),
          m.windowFrom().isEmpty() && m.windowTo().isEmpty() ? "-" : m.windowFrom() + ".." + m.windowTo(),
          m.headline().getOrDefault("vocab", "-"), m.headline().getOrDefault("rounds", "-"),
          m.headline().getOrDefault("final loss", "-"), gates});
    }
    int[] width = new int[rows.get(0).length];
    for (String[] r : rows) {
      for (int c = 0; c < r.length; c++) {
        width[c] = Math.max(width[c], r[c].length());
      }
    }
    List<String> out = new ArrayList<>();
    for (String[] r : rows) {
      StringBuilder sb = new StringBuilder();
      for (int c = 0; c < r.length; c++) {
        sb.append(c == r.length - 1 ? r[c] : String.format(Locale.ROOT, "%-" + width[c] + "s  ", r[c]));
      }
      out.add(sb.toString().stripTrailing());
    }
    return out;
  }

  private static String created(Instant t) {
    return t == null ? "-" : t.toString().replaceFirst("\\.\\d+Z$", "Z");
  }
}
