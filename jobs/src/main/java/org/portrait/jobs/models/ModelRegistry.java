package org.portrait.jobs.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.security.UserGroupInformation;
import org.portrait.common.config.UserError;
import org.portrait.common.layout.PortraitLayout;
import org.portrait.common.run.RunLock;
import org.portrait.jobs.pipeline.PipelineDriver;

/**
 * The registry of trained models under {@code <root>/models/}: one folder per model ({@code models/<id>/}, holding
 * {@code glove/}, {@code classifiers/} and {@value ModelManifest#FILE}), a pointer {@value #CURRENT} (one line:
 * the id of the model the daily runs use) and an append-only log {@value #HISTORY} of every switch.
 * <p>
 * Why this shape: a model folder is never changed after it is registered, so a daily run that read the pointer
 * keeps a consistent model whatever happens meanwhile, and a rollback is only a pointer switch. The switch is one
 * atomic rename with overwrite (FileContext; HDFS and the local file system both do it atomically): a reader sees
 * the old id or the new one, never an empty or missing pointer. Registry changes (register, promote, rollback)
 * hold {@value #LOCK} (a {@link RunLock}) so two of them cannot interleave; reads take no lock.
 */
public final class ModelRegistry {
  /** The pointer file: one line, the current model's id. */
  public static final String CURRENT = "current";
  /** Tab-separated log of switches: time, action, model, previous, who, reason. */
  public static final String HISTORY = "history.tsv";
  /** The registry's lock; names starting with '_' are never models. */
  public static final String LOCK = "_lock.json";
  static final String HISTORY_HEADER = "time\taction\tmodel\tprevious\twho\treason";
  private static final SecureRandom RANDOM = new SecureRandom();

  private ModelRegistry() {}

  /** One model as {@code models list} shows it; {@code problem} is set (and the rest may be empty) when its manifest cannot be read. */
  public record ModelInfo(String id, Instant created, String windowFrom, String windowTo, Map<String, String> headline,
      Optional<Boolean> gatesPassed, boolean current, String problem) {}

  /** The result of a promote or rollback: the model now current and the one before it (empty when none). */
  public record Switch(String action, String model, Optional<String> previous, boolean changed) {}

  /** {@code <root>/models}. */
  public static Path modelsDir(Path root) {
    return new Path(root, PortraitLayout.path(PortraitLayout.MODELS));
  }

  /** {@code <root>/models/<id>}. */
  public static Path modelDir(Path root, String id) {
    return new Path(modelsDir(root), ModelManifest.checkId(id));
  }

  /**
   * Registers a fully built model: writes {@code manifest} into {@code builtFolder} as {@value ModelManifest#FILE},
   * then moves the folder to {@code models/<id>/} with one rename (so a model folder is complete or absent).
   * {@code builtFolder} must be on the same file system as {@code root} (build it under staging). An id that is
   * already registered, or a missing folder, is a UserError. Returns the model's folder.
   */
  public static Path register(Configuration conf, Path root, Path builtFolder, ModelManifest manifest)
      throws IOException {
    String id = ModelManifest.checkId(manifest.id());
    FileSystem fs = root.getFileSystem(conf);
    Path target = fs.makeQualified(modelDir(root, id));
    FileSystem builtFs = builtFolder.getFileSystem(conf);
    if (!builtFs.getUri().equals(fs.getUri())) {
      throw new UserError("cannot register model " + id + ": " + builtFolder + " is not on the file system of "
          + root + " (" + fs.getUri() + "); build it under " + new Path(root, PortraitLayout.path(PortraitLayout.STAGING)));
    }
    Path built = fs.makeQualified(builtFolder);
    if (!fs.exists(built) || !fs.getFileStatus(built).isDirectory()) {
      throw new UserError("cannot register model " + id + ": " + builtFolder + " is not a folder");
    }
    try (RunLock lock = lock(conf, root, "models register " + id)) {
      if (fs.exists(target)) {
        throw new UserError("model " + id + " is already registered (" + target + "); a new model needs a new id");
      }
      manifest.write(fs, new Path(built, ModelManifest.FILE));
      fs.mkdirs(target.getParent());
      if (!fs.rename(built, target)) {
        throw new IOException("could not move " + built + " to " + target);
      }
    }
    // An Oozie train action hands the id (and the gates it was judged by) to the actions after it.
    org.portrait.jobs.ActionOutput.put("model_id", id);
    if (manifest.gateReport().isPresent()) {
      org.portrait.jobs.ActionOutput.gates(manifest.gateReport().get());
    }
    return target;
  }

  /** The current model's id; empty before the first promote. */
  public static Optional<String> current(Configuration conf, Path root) throws IOException {
    Path p = new Path(modelsDir(root), CURRENT);
    FileSystem fs = p.getFileSystem(conf);
    if (!fs.exists(p)) {
      return Optional.empty();
    }
    try (InputStream in = fs.open(p)) {
      String id = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }
  }

  /** As {@link #promote(Configuration, Path, String, String, boolean)} without force. */
  public static Switch promote(Configuration conf, Path root, String id, String reason) throws IOException {
    return promote(conf, root, id, reason, false);
  }

  /**
   * Makes model {@code id} current and records it in the history. An unknown id is a UserError; so is a model
   * whose manifest records failed gates, or none, unless {@code force}. Promoting the current model changes
   * nothing (and records nothing).
   */
  public static Switch promote(Configuration conf, Path root, String id, String reason, boolean force)
      throws IOException {
    ModelManifest.checkId(id);
    try (RunLock lock = lock(conf, root, "models promote " + id)) {
      ModelManifest m = manifest(conf, root, id);
      if (!force) {
        Optional<Boolean> passed = m.gatesPassed();
        if (passed.isEmpty()) {
          throw new UserError("model " + id + " has no gate results in its manifest; promote with --force to use"
              + " it unchecked");
        }
        if (!passed.get()) {
          String why = m.gateReport().flatMap(r -> r.firstFailure()).orElse("its gates failed");
          throw new UserError("model " + id + " failed its gates (" + why + "); promote with --force to use it"
              + " anyway");
        }
      }
      Optional<String> previous = current(conf, root);
      if (previous.isPresent() && previous.get().equals(id)) {
        return new Switch("promote", id, previous, false);
      }
      switchTo(conf, root, id, "promote", previous, (force ? "forced; " : "") + (reason == null ? "" : reason));
      return new Switch("promote", id, previous, true);
    }
  }

  /**
   * Makes current again the model that the present one replaced when it was promoted (history read backwards:
   * the last promote of the current model names it), and records a rollback. Repeated rollbacks walk further
   * back through the promotions. No current model, or none before it, is a UserError.
   */
  public static Switch rollback(Configuration conf, Path root, String reason) throws IOException {
    try (RunLock lock = lock(conf, root, "models rollback")) {
      String now = current(conf, root).orElseThrow(() -> new UserError("no current model: nothing to roll back"));
      String before = null;
      List<String[]> history = history(conf, root);
      for (int i = history.size() - 1; i >= 0; i--) {
        String[] h = history.get(i);
        if (h.length >= 4 && h[1].equals("promote") && h[2].equals(now)) {
          before = h[3].equals("-") ? "" : h[3];
          break;
        }
      }
      if (before == null || before.isEmpty()) {
        throw new UserError("no model was current before " + now + " (" + new Path(modelsDir(root), HISTORY)
            + "): nothing to roll back to; promote a model by id instead");
      }
      manifest(conf, root, before); // still registered?
      switchTo(conf, root, before, "rollback", Optional.of(now), reason == null ? "" : reason);
      return new Switch("rollback", before, Optional.of(now), true);
    }
  }

  /** Every registered model, oldest first, with which one is current. */
  public static List<ModelInfo> list(Configuration conf, Path root) throws IOException {
    Path dir = modelsDir(root);
    FileSystem fs = dir.getFileSystem(conf);
    if (!fs.exists(dir)) {
      return List.of();
    }
    String current = current(conf, root).orElse("");
    List<ModelInfo> out = new ArrayList<>();
    for (FileStatus s : fs.listStatus(dir)) {
      String name = s.getPath().getName();
      if (!s.isDirectory() || name.startsWith("_") || name.startsWith(".")) {
        continue;
      }
      try {
        ModelManifest m = ModelManifest.read(fs, new Path(s.getPath(), ModelManifest.FILE));
        out.add(new ModelInfo(name, m.created(), m.windowFrom(), m.windowTo(), m.headline(), m.gatesPassed(),
            name.equals(current), m.id().equals(name) ? null : "manifest names model " + m.id()));
      } catch (IOException | RuntimeException e) {
        out.add(new ModelInfo(name, null, "", "", Map.of(), Optional.empty(), name.equals(current),
            "no readable " + ModelManifest.FILE + " (" + e.getMessage() + ")"));
      }
    }
    out.sort(Comparator.comparing((ModelInfo i) -> i.created() == null ? Instant.EPOCH : i.created())
        .thenComparing(ModelInfo::id));
    return out;
  }

  /** The manifest of model {@code id}; an unknown id is a UserError naming the registered ones. */
  public static ModelManifest show(Configuration conf, Path root, String id) throws IOException {
    return manifest(conf, root, id);
  }

  /** The history lines (header skipped), each split at tabs; empty when nothing was ever promoted. */
  public static List<String[]> history(Configuration conf, Path root) throws IOException {
    Path p = new Path(modelsDir(root), HISTORY);
    FileSystem fs = p.getFileSystem(conf);
    List<String[]> out = new ArrayList<>();
    if (!fs.exists(p)) {
      return out;
    }
    for (String line : read(fs, p).split("\n")) {
      if (!line.isBlank() && !line.equals(HISTORY_HEADER)) {
        out.add(line.split("\t", -1));
      }
    }
    return out;
  }

  private static ModelManifest manifest(Configuration conf, Path root, String id) throws IOException {
    Path dir = modelDir(root, id);
    FileSystem fs = dir.getFileSystem(conf);
    Path file = new Path(dir, ModelManifest.FILE);
    if (!fs.exists(file)) {
      List<String> ids = list(conf, root).stream().map(ModelInfo::id).toList();
      throw new UserError("no model " + id + " in " + modelsDir(root) + " (registered: "
          + (ids.isEmpty() ? "none" : String.join(", ", ids)) + ")");
    }
    return ModelManifest.read(fs, file);
  }

  /** Switches the pointer (one atomic rename), then appends the history line. Caller holds the lock. */
  private static void switchTo(Configuration conf, Path root, String id, String action, Optional<String> previous,
      String reason) throws IOException {
    Path dir = modelsDir(root);
    FileSystem fs = dir.getFileSystem(conf);
    replace(conf, fs, new Path(dir, CURRENT), id + "\n");
    Path historyFile = new Path(dir, HISTORY);
    String old = fs.exists(historyFile) ? read(fs, historyFile) : HISTORY_HEADER + "\n";
    String line = String.join("\t", Instant.now().toString(), action, id, previous.orElse("-"), who(),
        clean(reason));
    try {
      // Rewritten whole rather than appended: append is optional on Hadoop file systems (the local one lacks
      // it). Only this process writes it, under the lock, and old lines are copied unchanged.
      replace(conf, fs, historyFile, old + line + "\n");
    } catch (IOException e) {
      throw new IOException("model " + id + " is current, but " + historyFile + " could not be updated", e);
    }
  }

  /** Writes {@code content} to a uniquely named sibling, then renames it over {@code file} atomically. */
  static void replace(Configuration conf, FileSystem fs, Path file, String content) throws IOException {
    Path target = fs.makeQualified(file);
    Path tmp = new Path(target.getParent(),
        "_" + target.getName() + "." + String.format(Locale.ROOT, "%08x", RANDOM.nextInt()));
    try (OutputStream out = fs.create(tmp, false)) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
    try {
      FileContext.getFileContext(target.toUri(), conf).rename(tmp, target, Options.Rename.OVERWRITE);
    } catch (IOException | RuntimeException e) {
      fs.delete(tmp, false);
      throw e;
    }
  }

  private static String read(FileSystem fs, Path p) throws IOException {
    try (InputStream in = fs.open(p)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static RunLock lock(Configuration conf, Path root, String command) throws IOException {
    Duration maxAge = Duration.ofHours(conf.getInt(PipelineDriver.LOCK_MAX_AGE_HOURS,
        PipelineDriver.DEFAULT_LOCK_MAX_AGE_HOURS));
    return RunLock.acquire(conf, new Path(modelsDir(root), LOCK), command, maxAge, false);
  }

  private static String who() {
    String user;
    try {
      user = UserGroupInformation.getCurrentUser().getShortUserName();
    } catch (IOException e) {
      user = System.getProperty("user.name", "unknown");
    }
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "unknown";
    }
    return clean(user + "@" + host);
  }

  private static String clean(String s) {
    return s.replaceAll("[\\t\\r\\n]+", " ").strip();
  }
}
