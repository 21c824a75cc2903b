package org.portrait.jobs.glove;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.portrait.common.config.UserError;
import org.portrait.common.glove.GloveModel;
import org.portrait.common.glove.GloveRows;
import org.portrait.common.glove.VocabIds;
import org.portrait.common.glove.WarmStart;
import org.portrait.jobs.cooccur.CooccurOutputFormat;

/**
 * Files of glove-train: co-occurrence part files, models, checkpoints ({@code M/checkpoints/round-NNNNN/} with
 * model.bin and loss.tsv, committed by renaming a finished temporary folder, so a run killed half-way leaves the
 * last checkpoint intact) and the loss file.
 */
final class GloveFiles {
  static final String CHECKPOINTS = "checkpoints";
  static final String MODEL = "model.bin";
  static final String LOSS = "loss.tsv";
  static final String VOCAB = "vocab.tsv";

  private GloveFiles() {}

  static VocabIds readVocab(Configuration conf, Path vocabDir) throws IOException {
    Path file = new Path(vocabDir, VOCAB);
    try (InputStream in = file.getFileSystem(conf).open(file)) {
      return VocabIds.read(in);
    }
  }

  /** Copies {@code vocabDir/vocab.tsv} byte for byte into {@code dir}: a later warm start maps ids by it. */
  static void copyVocab(Configuration conf, Path vocabDir, Path dir) throws IOException {
    Path src = new Path(vocabDir, VOCAB);
    FileUtil.copy(src.getFileSystem(conf), src, dir.getFileSystem(conf), new Path(dir, VOCAB), false, true, conf);
  }

  /**
   * The start of a warm-started run: the model and vocabulary of the earlier glove-train output {@code dir}
   * mapped onto {@code vocab} by {@link WarmStart}. A missing model.bin or vocab.tsv is a {@link UserError}.
   */
  static WarmStart.Result warmStart(Configuration conf, Path dir, VocabIds vocab, int dim, long seed)
      throws IOException {
    FileSystem fs = dir.getFileSystem(conf);
    for (String f : new String[] {MODEL, VOCAB}) {
      if (!fs.exists(new Path(dir, f))) {
        throw new UserError("warm start: " + new Path(dir, f) + " does not exist (an output of glove-train from"
            + " before model.bin and vocab.tsv were kept cannot be warm-started from)");
      }
    }
    return WarmStart.apply(readModel(conf, new Path(dir, MODEL)), readVocab(conf, dir), vocab, dim, seed);
  }

  /** The co-occurrence part files of {@code dir}, sorted by name. */
  static List<FileStatus> cooccurFiles(Configuration conf, Path dir) throws IOException {
    FileSystem fs = dir.getFileSystem(conf);
    List<FileStatus> out = new ArrayList<>();
    for (FileStatus s : fs.listStatus(dir)) {
      String n = s.getPath().getName();
      if (s.isFile() && n.endsWith(CooccurOutputFormat.SUFFIX) && !n.startsWith("_") && !n.startsWith(".")) {
        out.add(s);
      }
    }
    out.sort((a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
    return out;
  }

  static GloveModel readModel(Configuration conf, Path file) throws IOException {
    try (InputStream in = new java.io.BufferedInputStream(file.getFileSystem(conf).open(file), 1 << 16)) {
      return GloveModel.read(in);
    }
  }

  /** Writes the marked rows of a model (a DSGD task's result, see {@link GloveRows}). */
  static void writeRows(Configuration conf, Path file, GloveModel m, boolean[][] rows) throws IOException {
    try (OutputStream out = new java.io.BufferedOutputStream(file.getFileSystem(conf).create(file, true), 1 << 16)) {
      GloveRows.write(m, rows, out);
    }
  }

  /** Copies the rows in {@code file} into {@code m}. */
  static void applyRows(Configuration conf, Path file, GloveModel m) throws IOException {
    try (InputStream in = new java.io.BufferedInputStream(file.getFileSystem(conf).open(file), 1 << 16)) {
      GloveRows.applyTo(m, in);
    }
  }

  /** Writes a model to a temporary name, then renames it over {@code file}. */
  static void writeModel(Configuration conf, Path file, GloveModel m) throws IOException {
    FileSystem fs = file.getFileSystem(conf);
    Path tmp = new Path(file.getParent(), "_tmp." + file.getName() + "." + System.nanoTime());
    try (OutputStream out = new java.io.BufferedOutputStream(fs.create(tmp, true), 1 << 16)) {
      m.write(out);
    }
    if (fs.exists(file)) {
      fs.delete(file, false);
    }
    if (!fs.rename(tmp, file)) {
      throw new IOException("cannot rename " + tmp + " to " + file);
    }
  }

  static Path checkpoint(Path m, int round) {
    return new Path(new Path(m, CHECKPOINTS), String.format("round-%05d", round));
  }

  /** The last complete checkpoint's round, or -1 when there is none. Temporary folders are ignored. */
  static int lastCheckpoint(Configuration conf, Path m) throws IOException {
    Path dir = new Path(m, CHECKPOINTS);
    FileSystem fs = dir.getFileSystem(conf);
    if (!fs.exists(dir)) {
      return -1;
    }
    int best = -1;
    for (FileStatus s : fs.listStatus(dir)) {
      String n = s.getPath().getName();
      if (s.isDirectory() && n.startsWith("round-") && fs.exists(new Path(s.getPath(), MODEL))
          && fs.exists(new Path(s.getPath(), LOSS))) {
        best = Math.max(best, Integer.parseInt(n.substring("round-".length())));
      }
    }
    return best;
  }

  /** Writes checkpoint {@code round} (model + loss history) into a temporary folder, then renames it into place. */
  static void writeCheckpoint(Configuration conf, Path m, int round, GloveModel model, List<Double> loss)
      throws IOException {
    Path target = checkpoint(m, round);
    FileSystem fs = target.getFileSystem(conf);
    Path tmp = new Path(target.getParent(), "_tmp." + target.getName());
    fs.delete(tmp, true);
    fs.mkdirs(tmp);
    writeModel(conf, new Path(tmp, MODEL), model);
    writeLoss(conf, new Path(tmp, LOSS), loss);
    fs.delete(target, true);
    if (!fs.rename(tmp, target)) {
      throw new IOException("cannot commit checkpoint " + target);
    }
  }

  /** Writes {@code round<TAB>loss} lines (round from 1) to a temporary file, then renames it over {@code file}. */
  static void writeLoss(Configuration conf, Path file, List<Double> loss) throws IOException {
    FileSystem fs = file.getFileSystem(conf);
    Path tmp = new Path(file.getParent(), "_tmp." + file.getName());
    try (Writer w = new OutputStreamWriter(fs.create(tmp, true), StandardCharsets.UTF_8)) {
      for (int r = 0; r < loss.size(); r++) {
        w.write((r + 1) + "\t" + loss.get(r) + "\n");
      }
    }
    fs.delete(file, false);
    if (!fs.rename(tmp, file)) {
      throw new IOException("cannot rename " + tmp + " to " + file);
    }
  }

  static List<Double> readLoss(Configuration conf, Path file) throws IOException {
    List<Double> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(file.getFileSystem(conf).open(file),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          out.add(Double.parseDouble(line.split("\t")[1]));
        }
      }
    }
    return out;
  }

  /** Sum of the tasks' costs in a round job's part files ({@code task<TAB>cost}); one line per task expected. */
  static double readCost(Configuration conf, Path out, int tasks) throws IOException {
    FileSystem fs = out.getFileSystem(conf);
    double cost = 0;
    int seen = 0;
    for (FileStatus s : fs.listStatus(out)) {
      if (!s.getPath().getName().startsWith("part-")) {
        continue;
      }
      try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(s.getPath()), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          String[] f = line.split("\t");
          cost += Double.parseDouble(f[1]);
          seen++;
        }
      }
    }
    if (seen != tasks) {
      throw new IOException("round output has " + seen + " task results, expected " + tasks);
    }
    return cost;
  }
}
