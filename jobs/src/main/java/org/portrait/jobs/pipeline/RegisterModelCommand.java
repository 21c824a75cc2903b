package org.portrait.jobs.pipeline;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.portrait.common.config.UserError;
import org.portrait.common.io.FileDigest;
import org.portrait.jobs.CliArgs;
import org.portrait.jobs.Jobs;
import org.portrait.jobs.PortraitTool;
import org.portrait.jobs.Stage;
import org.portrait.jobs.models.ModelManifest;

/**
 * {@code register-model --work ROOT --dt D --vocab V --glove G --profile P --output O}: the pipeline's step from
 * trained stage outputs to a registered model. Checks the model gates of the vocabulary V, the GloVe output G and
 * the classifiers P/models, registers them as {@code ROOT/models/<id>/} and makes the model current (as
 * {@code train} does). The id is derived from the outputs' contents, so a rerun of the same run finds its model
 * registered and writes the same tables. Writes O/model.tsv (id and folder) and O/_counters.json.
 */
public class RegisterModelCommand extends PortraitTool {
  /** What O/model.tsv holds: {@code model_id<TAB>id} and {@code model_dir<TAB>folder}. */
  public static final String MODEL_FILE = "model.tsv";

  /** Registers and promotes; returns what {@link TrainDriver#registerAndPromote} returned. */
  public static TrainDriver.Result run(Configuration conf, Path root, String dt, Path vocab, Path glove,
      Path profile, Path output) throws IOException {
    RunValidation.dt(dt);
    FileSystem fs = root.getFileSystem(conf);
    Path classifiers = new Path(profile, "models");
    for (Path p : List.of(new Path(vocab, "vocab.tsv"), new Path(glove, "loss.tsv"),
        new Path(glove, "vectors.txt"), classifiers)) {
      if (!fs.exists(p)) {
        throw new UserError("register-model: no " + p + " (run the vocab, glove-train and profile stages first)");
      }
    }
    Map<String, Long> vocabCounters = Jobs.readCounters(conf, vocab);
    Map<String, Long> profileCounters = Jobs.readCounters(conf, profile);
    List<Double> loss = readLoss(conf, new Path(glove, "loss.tsv"));
    String id = "m-" + dt + "-" + contentDigest(conf, List.of(new Path(vocab, "vocab.tsv"),
        new Path(glove, "loss.tsv"), classifiers)).substring(0, 8);
    ModelManifest m = ModelManifest.create(id, Instant.now(), dt, dt);
    RunManifest.explicitSettings(conf).forEach(m.settings()::put);
    m.training().put("rounds", loss.size());
    m.training().put("warm_start_from", "");
    m.training().put("category_examples", profileCounters.getOrDefault("CATEGORY_EXAMPLES", 0L));
    m.training().put("sentiment_examples", profileCounters.getOrDefault("SENTIMENT_EXAMPLES", 0L));
    m.training().put("classifiers_from", "this run");
    m.training().put("corpus", vocab.toString());
    java.io.ByteArrayOutputStream lines = new java.io.ByteArrayOutputStream();
    java.io.PrintStream progress = new java.io.PrintStream(lines, true, StandardCharsets.UTF_8);
    return Stage.run(conf, output, (out, counters) -> {
      TrainDriver.Result r = TrainDriver.registerAndPromote(conf, root, dt, out.tempPath(), m, vocab, vocabCounters,
          glove, loss, classifiers, progress);
      fs.delete(new Path(out.tempPath(), "_model." + id), true);
      try (OutputStream os = fs.create(new Path(out.tempPath(), MODEL_FILE), true)) {
        os.write(("model_id\t" + r.modelId() + "\nmodel_dir\t" + r.modelDir() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      counters.put("GATES", (long) r.gates().gates().size());
      counters.put("GATES_FAILED", (long) r.gates().failures().size());
      counters.put("VOCAB_SIZE", vocabCounters.getOrDefault("VOCAB_SIZE", 0L));
      System.out.print(lines.toString(StandardCharsets.UTF_8));
      return r;
    });
  }

  /** Losses of a GloVe output's loss.tsv (round TAB loss), in round order. */
  static List<Double> readLoss(Configuration conf, Path file) throws IOException {
    List<Double> out = new ArrayList<>();
    FileSystem fs = file.getFileSystem(conf);
    for (String line : new String(fs.open(file).readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
      String[] f = line.strip().split("\t");
      if (f.length >= 2 && !f[0].equals("round")) {
        try {
          out.add(Double.parseDouble(f[1]));
        } catch (NumberFormatException e) {
          throw new UserError(file + ": '" + line + "' is not round<TAB>loss");
        }
      }
    }
    return out;
  }

  /** SHA-256 over the files (folders: their data files, by name) — the same outputs give the same id. */
  private static String contentDigest(Configuration conf, List<Path> paths) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (Path p : paths) {
      FileSystem fs = p.getFileSystem(conf);
      List<FileStatus> files = new ArrayList<>();
      if (fs.getFileStatus(p).isDirectory()) {
        for (FileStatus f : fs.listStatus(p)) {
          if (f.isFile() && !f.getPath().getName().startsWith(".")) {
            files.add(f);
          }
        }
      } else {
        files.add(fs.getFileStatus(p));
      }
      files.sort((a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
      for (FileStatus f : files) {
        sb.append(f.getPath().getName()).append('=').append(FileDigest.sha256(fs, f.getPath())).append('\n');
      }
    }
    return FileDigest.sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String command() {
    return "register-model";
  }

  @Override
  public String usage() {
    return String.join("\n",
        "portrait register-model --work ROOT --dt yyyy-MM-dd --vocab V --glove G --profile P --output O",
        "  Checks the model gates of vocabulary V, GloVe output G and the classifiers P/models (a profile",
        "  output), registers them as ROOT/models/<id>/ and makes the model current; a failed gate exits",
        "  non-zero naming it. The pipeline's step between training and applying the model.");
  }

  @Override
  protected List<String> options() {
    return List.of("work", "dt", "vocab", "glove", "profile", "output");
  }

  @Override
  protected int run(CliArgs a) throws Exception {
    TrainDriver.Result r = run(getConf(), new Path(a.require("work")), a.require("dt"), new Path(a.require("vocab")),
        new Path(a.require("glove")), new Path(a.require("profile")), new Path(a.require("output")));
    System.out.println("register-model: " + r.modelId() + " current (" + r.modelDir() + ")");
    return 0;
  }
}
