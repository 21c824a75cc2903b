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
import org.apache.hadoop.fs.Path;
import org.portrait.common.glove.GloveModel;
import org.portrait.common.glove.GloveRows;
import org.portrait.common.glove.VocabIds;
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

  private GloveFiles() {}

  static VocabIds readVocab(Configuration conf, Path vocabDir) throws IOException {
    Path file = new Path(vocabDir, "vocab.tsv");
    try (InputStream in = file.getFileSystem(conf).open(file)) {
      return VocabIds.read(in);
    }
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
}
