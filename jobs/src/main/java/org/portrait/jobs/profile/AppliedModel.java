package org.portrait.jobs.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.portrait.common.config.UserError;
import org.portrait.common.io.FileDigest;

/**
 * The trained part of a profile run ({@code P/models/}: classifiers, category prior, SIF component and
 * {@code model-info.tsv}) and how a later run applies it instead of training: the same vocabulary and vectors
 * (checked by their SHA-256), the same document count for IDF, threshold, weighting and model id, so the
 * applied run scores reviews exactly as the run that trained the model did.
 */
public final class AppliedModel {
  static final String INFO = "model-info.tsv";

  private AppliedModel() {}

  /** SHA-256 of a file's bytes (vocab.tsv, vectors.txt: a few MB). */
  public static String sha256(Configuration conf, Path file) throws IOException {
    return FileDigest.sha256(file.getFileSystem(conf), file);
  }

  /** Writes model-info.tsv: what a later run needs to apply the model, and the training figures. */
  public static void writeInfo(Configuration conf, Path models, Map<String, String> info) throws IOException {
    StringBuilder sb = new StringBuilder();
    info.forEach((k, v) -> sb.append(k).append('\t').append(v).append('\n'));
    FileSystem fs = models.getFileSystem(conf);
    fs.mkdirs(models);
    try (OutputStream o = fs.create(new Path(models, INFO), true)) {
      o.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  public static Map<String, String> readInfo(Configuration conf, Path models) throws IOException {
    Path file = new Path(models, INFO);
    FileSystem fs = file.getFileSystem(conf);
    if (!fs.exists(file)) {
      throw new UserError("--model " + models + ": no " + INFO + " (expected the models/ folder of a profile run)");
    }
    Map<String, String> out = new LinkedHashMap<>();
    try (InputStream in = fs.open(file)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        int tab = line.indexOf('\t');
        if (tab > 0) {
          out.put(line.substring(0, tab), line.substring(tab + 1));
        }
      }
    }
    return out;
  }

  /** The models folder named by {@code --model}: the folder itself, or the models/ folder of a profile output. */
  public static Path resolve(Configuration conf, Path given) throws IOException {
    FileSystem fs = given.getFileSystem(conf);
    if (fs.exists(new Path(given, INFO))) {
      return given;
    }
    if (fs.exists(new Path(given, "models/" + INFO))) {
      return new Path(given, "models");
    }
    throw new UserError("--model " + given + ": not a profile model (no " + INFO + " in it or in its models/)");
  }

  /**
   * Copies the model into {@code models} (so the output names what produced it) and sets in {@code conf} what
   * the tasks must score with: document count, threshold, weighting, model id. Refuses other vocabulary or
   * vectors than the model was trained with, naming which differs.
   */
  public static Map<String, String> apply(Configuration conf, Path source, Path models) throws IOException {
    Map<String, String> info = readInfo(conf, source);
    for (String[] f : new String[][] {{"vocab_sha256", ProfileConf.VOCAB, "--vocab"},
        {"vectors_sha256", ProfileConf.VECTORS, "--vectors"}}) {
      String want = info.get(f[0]);
      if (want != null && !want.equals(sha256(conf, new Path(conf.get(f[1]))))) {
        throw new UserError("--model " + source + " was trained with other " + f[2] + " than "
            + conf.get(f[1]) + "; pass the vocabulary and vectors of the model's run");
      }
    }
    FileSystem fs = source.getFileSystem(conf);
    fs.mkdirs(models);
    for (FileStatus st : fs.listStatus(source, p -> !p.getName().startsWith("."))) {
      if (!FileUtil.copy(fs, st.getPath(), fs, new Path(models, st.getPath().getName()), false, conf)) {
        throw new IOException("cannot copy " + st.getPath() + " into " + models);
      }
    }
    conf.setLong(ProfileConf.DOC_COUNT, Long.parseLong(required(info, "doc_count", source)));
    conf.set(ProfileConf.INTEREST_THRESHOLD, required(info, "interest_threshold", source));
    if (info.containsKey("weighting")) {
      conf.set(ProfileConf.WEIGHTING, info.get("weighting"));
    }
    conf.set(ProfileConf.MODEL_ID, required(info, "model_id", source));
    return info;
  }

  /**
   * Puts the classifiers (category with its prior and tuned threshold, and sentiment) of an earlier model into a
   * freshly trained {@code models} folder that has none (a training window without labelled reviews), so the
   * new model keeps interests and sentiment. Classifiers read hashed token features, not vectors, so they carry
   * over; what the new folder does have is kept. Returns whether anything was carried.
   */
  public static boolean keepClassifiers(Configuration conf, Path from, Path models) throws IOException {
    Map<String, String> old = readInfo(conf, from);
    FileSystem fs = from.getFileSystem(conf);
    boolean carried = false;
    boolean category = Boolean.parseBoolean(old.getOrDefault("category", "false"))
        && !fs.exists(new Path(models, ProfileConf.CATEGORY_MODEL));
    List<String> files = new ArrayList<>();
    if (category) {
      files.add(ProfileConf.CATEGORY_MODEL);
      files.add(ProfileConf.CATEGORY_PRIOR);
      // the window had no categories, so its stats are uncategorised: keep the old categorised ones
      files.add(ProfileConf.KEYWORD_STATS);
      files.add(ProfileConf.SEED_TAXONOMY);
    }
    if (!fs.exists(new Path(models, ProfileConf.SENTIMENT_MODEL))) {
      files.add(ProfileConf.SENTIMENT_MODEL);
    }
    for (String f : files) {
      Path src = new Path(from, f);
      if (fs.exists(src)) {
        if (!FileUtil.copy(fs, src, fs, new Path(models, f), false, true, conf)) {
          throw new IOException("cannot copy " + src + " into " + models);
        }
        carried = true;
      }
    }
    if (!category) {
      if (carried) {
        Map<String, String> info = readInfo(conf, models);
        info.put("classifiers_from", old.getOrDefault("model_id", from.toString()));
        writeInfo(conf, models, info);
      }
      return carried;
    }
    Map<String, String> info = readInfo(conf, models);
    info.put("category", "true");
    info.put("interest_threshold", old.get("interest_threshold"));
    info.put("classifiers_from", old.getOrDefault("model_id", from.toString()));
    writeInfo(conf, models, info);
    return true;
  }

  private static String required(Map<String, String> info, String key, Path source) {
    String v = info.get(key);
    if (v == null) {
      throw new UserError("--model " + source + ": " + INFO + " has no " + key);
    }
    return v;
  }
}
