package org.portrait.jobs.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileChecksum;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.portrait.common.io.FileDigest;
import org.portrait.common.run.BuildInfo;

/**
 * What one run is: its dt, inputs (every file with size and checksum), settings and code version, and, as the
 * stages finish, each stage's output and counters. The run id is a hash of the first part, so a rerun on the same
 * input and settings has the same id (and writes byte-identical tables). Publish installs exactly the tables
 * whose stages this manifest lists: a stage skipped by this run is never published from an older run's output.
 * Stored as {@code runs/dt=<dt>/manifest.json}.
 */
public final class RunManifest {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  static final String FILE = "manifest.json";

  private final ObjectNode root;

  private RunManifest(ObjectNode root) {
    this.root = root;
  }

  /**
   * A new manifest for a run of {@code layout} with {@code conf}'s explicitly set portrait.* settings and the
   * run's options; reads every input file once for its checksum when the file system has none to offer.
   */
  public static RunManifest create(Configuration conf, PipelineLayout layout, Map<String, String> options)
      throws IOException {
    ObjectNode identity = JSON.createObjectNode();
    identity.put("dt", layout.dt());
    identity.put("code_version", BuildInfo.codeVersion());
    ArrayNode inputs = identity.putArray("inputs");
    addInput(conf, inputs, "input", layout.input());
    addInput(conf, inputs, "truth", layout.truth());
    addInput(conf, inputs, "eval", layout.evalDir());
    addInput(conf, inputs, "thresholds", layout.thresholds());
    ObjectNode settings = identity.putObject("settings");
    for (Map.Entry<String, String> e : new TreeMap<>(explicitSettings(conf)).entrySet()) {
      settings.put(e.getKey(), e.getValue());
    }
    ObjectNode opts = identity.putObject("options");
    new TreeMap<>(options).forEach(opts::put);
    ObjectNode root = JSON.createObjectNode();
    root.put("run_id", "r" + FileDigest.sha256(JSON.writeValueAsBytes(identity)).substring(0, 16));
    root.setAll(identity);
    root.putArray("stages");
    return new RunManifest(root);
  }

  /** portrait.* keys set in {@code conf} other than by defaults (the settings that change what a run computes). */
  static Map<String, String> explicitSettings(Configuration conf) {
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, String> e : conf) {
      if (e.getKey().startsWith("portrait.")) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  private static void addInput(Configuration conf, ArrayNode inputs, String role, String path) throws IOException {
    if (path == null) {
      return;
    }
    Path p = new Path(path);
    FileSystem fs = p.getFileSystem(conf);
    ObjectNode n = inputs.addObject();
    n.put("role", role);
    n.put("path", fs.makeQualified(p).toString());
    ArrayNode files = n.putArray("files");
    List<FileStatus> all = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(p, true);
    while (it.hasNext()) {
      LocatedFileStatus s = it.next();
      String name = s.getPath().getName();
      if (!name.startsWith(".") && !name.startsWith("_")) {
        all.add(s);
      }
    }
    all.sort((a, b) -> a.getPath().toString().compareTo(b.getPath().toString()));
    String base = fs.makeQualified(p).toString();
    for (FileStatus s : all) {
      ObjectNode f = files.addObject();
      String full = s.getPath().toString();
      f.put("file", full.equals(base) ? s.getPath().getName() : full.substring(base.length() + 1));
      f.put("bytes", s.getLen());
      f.put("checksum", checksum(fs, s.getPath()));
    }
  }

  /** The file system's own checksum (HDFS: MD5 of CRCs, no data read), else SHA-256 of the bytes. */
  static String checksum(FileSystem fs, Path file) throws IOException {
    FileChecksum c = fs.getFileChecksum(file);
    if (c != null) {
      return c.getAlgorithmName() + ":" + HexFormat.of().formatHex(c.getBytes());
    }
    return "SHA-256:" + FileDigest.sha256(fs, file);
  }

  public String runId() {
    return root.path("run_id").asText();
  }

  /** Records a finished stage: its output folder and counters. */
  public void addStage(String name, Path output, Map<String, Long> counters) {
    ArrayNode stages = (ArrayNode) root.get("stages");
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i).path("name").asText().equals(name)) {
        stages.remove(i);
        break;
      }
    }
    ObjectNode s = stages.addObject();
    s.put("name", name);
    s.put("output", output.toString());
    ObjectNode c = s.putObject("counters");
    counters.forEach(c::put);
  }

  /** Names of the stages this run completed. */
  public List<String> stages() {
    List<String> out = new ArrayList<>();
    root.path("stages").forEach(s -> out.add(s.path("name").asText()));
    return out;
  }

  public String dt() {
    return root.path("dt").asText();
  }

  /** Writes the manifest to {@code file} (temporary file + rename, so a reader never sees half of it). */
  public void write(Configuration conf, Path file) throws IOException {
    FileSystem fs = file.getFileSystem(conf);
    fs.mkdirs(file.getParent());
    Path tmp = new Path(file.getParent(), "_tmp." + file.getName());
    try (OutputStream out = fs.create(tmp, true)) {
      out.write(JSON.writeValueAsBytes(root));
    }
    fs.delete(file, false);
    if (!fs.rename(tmp, file)) {
      throw new IOException("cannot write " + file);
    }
  }

  /** Reads a manifest written by {@link #write}. */
  public static RunManifest read(Configuration conf, Path file) throws IOException {
    try (InputStream in = file.getFileSystem(conf).open(file)) {
      JsonNode n = JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return new RunManifest((ObjectNode) n);
    }
  }
}
