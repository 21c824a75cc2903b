package org.portrait.jobs.glove;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.portrait.common.io.FileDigest;

/**
 * What a run's checkpoints were trained from: the vocabulary's digest, the co-occurrence files (name and length)
 * and every setting that changes the updates. A run that starts afresh writes it next to its checkpoints; a retry
 * of the same work (an Oozie action retried, a train rerun after a kill) resumes only when its own inputs give the
 * same text, so a checkpoint of other data or other settings is never continued.
 */
final class CheckpointInputs {
  static final String FILE = "_inputs.txt";

  /** Settings that change the model a round produces (the round count only decides where training stops). */
  private static final String[] SETTINGS = {GloveTrainDriver.DIM, GloveTrainDriver.X_MAX, GloveTrainDriver.ALPHA,
      GloveTrainDriver.ETA, GloveTrainDriver.CLIP, GloveTrainDriver.TASKS, GloveTrainDriver.THREADS,
      GloveTrainDriver.SEED, GloveTrainDriver.SCHEDULE, GloveTrainDriver.MERGE, GloveTrainDriver.WARM_START};

  private CheckpointInputs() {}

  static String describe(Configuration conf, Path cooccur, Path vocabDir) throws IOException {
    StringBuilder s = new StringBuilder();
    Path vocab = new Path(vocabDir, GloveFiles.VOCAB);
    s.append("vocab.tsv sha256 ").append(FileDigest.sha256(vocab.getFileSystem(conf), vocab)).append('\n');
    List<String> files = new ArrayList<>();
    for (FileStatus f : GloveFiles.cooccurFiles(conf, cooccur)) {
      files.add(f.getPath().getName() + " " + f.getLen());
    }
    files.sort(null);
    for (String f : files) {
      s.append("cooccur ").append(f).append('\n');
    }
    for (String key : SETTINGS) {
      s.append(key).append('=').append(conf.getTrimmed(key, "")).append('\n');
    }
    return s.toString();
  }

  static void write(Configuration conf, Path checkpoints, Path cooccur, Path vocabDir) throws IOException {
    Path file = new Path(checkpoints, FILE);
    try (OutputStream out = file.getFileSystem(conf).create(file, true)) {
      out.write(describe(conf, cooccur, vocabDir).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** True when {@code checkpoints} holds a complete checkpoint begun from exactly these inputs and settings. */
  static boolean match(Configuration conf, Path checkpoints, Path cooccur, Path vocabDir) throws IOException {
    Path file = new Path(checkpoints, FILE);
    FileSystem fs = file.getFileSystem(conf);
    if (!fs.exists(file) || GloveFiles.lastCheckpoint(conf, checkpoints) < 0) {
      return false;
    }
    try (InputStream in = fs.open(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).equals(describe(conf, cooccur, vocabDir));
    }
  }
}
