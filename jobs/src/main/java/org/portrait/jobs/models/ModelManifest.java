package org.portrait.jobs.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.portrait.common.config.UserError;
import org.portrait.common.gates.GateReport;
import org.portrait.common.run.BuildInfo;

/**
 * The {@value #FILE} of a registered model: one JSON object whose fields keep the order they were set in.
 * It is deliberately generic (the train command records whatever it knows); the registry relies on a few fields
 * only, read by the typed getters:
 * <pre>
 * {
 *   "model_id": "m-2026-11-30-a1b2",           id: the model's folder name under models/
 *   "created": "2026-12-02T13:00:00Z",         ISO instant
 *   "window": {"from": "2026-11-01", "to": "2026-11-30"},   dt range of the training data
 *   "code_version": "0.1.0-SNAPSHOT+3f2a...",  BuildInfo.codeVersion() when created
 *   "inputs": {"&lt;path&gt;": "&lt;sha-256&gt;", ...},    checksums of what it was trained from
 *   "settings": {"portrait.glove.dim": "100", ...},
 *   "training": {"loss_per_round": [..], "vocab_size": 12345, ...},   figures; see {@link #headline()}
 *   "gates": {"passed": true, "gates": [...]}  GateReport.toJson(): promote refuses a model without passed gates
 * }
 * </pre>
 */
public final class ModelManifest {
  /** File name inside a model's folder. */
  public static final String FILE = "manifest.json";
  public static final String ID = "model_id";
  public static final String CREATED = "created";
  public static final String WINDOW = "window";
  public static final String CODE_VERSION = "code_version";
  public static final String INPUTS = "inputs";
  public static final String SETTINGS = "settings";
  public static final String TRAINING = "training";
  public static final String GATES = "gates";
  /** Training figures the {@code models list} table shows when present. */
  public static final String LOSS_PER_ROUND = "loss_per_round";
  public static final String VOCAB_SIZE = "vocab_size";

  /**
   * A model id is a folder name: letters, digits, '.', '_', '-', starting with a letter or digit (names starting
   * with '_' or '.' are the registry's own files), at most 100 characters.
   */
  private static final Pattern ID_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectNode root;

  private ModelManifest(ObjectNode root) {
    this.root = root;
  }

  /**
   * A new manifest with its id, creation time, data window and the running code's version; {@code inputs},
   * {@code settings} and {@code training} start empty, to be filled with {@link #inputs()} etc.
   */
  public static ModelManifest create(String id, Instant created, String windowFrom, String windowTo) {
    checkId(id);
    ObjectNode n = JSON.createObjectNode();
    n.put(ID, id);
    n.put(CREATED, created.toString());
    ObjectNode w = n.putObject(WINDOW);
    w.put("from", windowFrom);
    w.put("to", windowTo);
    n.put(CODE_VERSION, BuildInfo.codeVersion());
    n.putObject(INPUTS);
    n.putObject(SETTINGS);
    n.putObject(TRAINING);
    return new ModelManifest(n);
  }

  /** {@code id} when it can name a model folder, else a UserError. */
  public static String checkId(String id) {
    if (id == null || !ID_PATTERN.matcher(id).matches() || id.equals(ModelRegistry.CURRENT)) {
      throw new UserError("model id '" + id + "': use letters, digits, '.', '_' or '-', starting with a letter or"
          + " digit, at most 100 characters (and not '" + ModelRegistry.CURRENT + "')");
    }
    return id;
  }

  /** Parses a manifest; {@code where} names it in errors. Requires a valid id and creation time. */
  public static ModelManifest parse(String json, String where) {
    JsonNode n;
    try {
      n = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UserError(where + ": not JSON (" + e.getOriginalMessage() + ")");
    }
    if (n == null || !n.isObject()) {
      throw new UserError(where + ": not a JSON object");
    }
    ModelManifest m = new ModelManifest((ObjectNode) n);
    try {
      checkId(n.path(ID).asText(null));
    } catch (UserError e) {
      throw new UserError(where + ": " + e.getMessage());
    }
    try {
      m.created();
    } catch (DateTimeParseException e) {
      throw new UserError(where + ": '" + CREATED + "' is not an ISO instant: " + n.path(CREATED).asText());
    }
    return m;
  }

  public static ModelManifest read(FileSystem fs, Path file) throws IOException {
    try (InputStream in = fs.open(file)) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), file.toString());
    }
  }

  /** Writes the manifest (pretty JSON), replacing the file. */
  public void write(FileSystem fs, Path file) throws IOException {
    try (OutputStream out = fs.create(file, true)) {
      out.write(toJson().getBytes(StandardCharsets.UTF_8));
    }
  }

  public String id() {
    return root.path(ID).asText();
  }

  public Instant created() {
    return Instant.parse(root.path(CREATED).asText());
  }

  /** First dt of the training window ("" when not recorded). */
  public String windowFrom() {
    return root.path(WINDOW).path("from").asText("");
  }

  /** Last dt of the training window ("" when not recorded). */
  public String windowTo() {
    return root.path(WINDOW).path("to").asText("");
  }

  public String codeVersion() {
    return root.path(CODE_VERSION).asText("");
  }

  /** Checksums of the inputs, path to digest: fill in place. */
  public ObjectNode inputs() {
    return object(INPUTS);
  }

  /** The settings the model was trained with: fill in place. */
  public ObjectNode settings() {
    return object(SETTINGS);
  }

  /** Training figures (loss per round, vocabulary size, ...): fill in place. */
  public ObjectNode training() {
    return object(TRAINING);
  }

  /** Records the loss of each round under {@code training.loss_per_round}. */
  public ModelManifest lossPerRound(double... losses) {
    ArrayNode a = training().putArray(LOSS_PER_ROUND);
    for (double l : losses) {
      a.add(l);
    }
    return this;
  }

  /** Records the gate results; {@link #gatesPassed()} reads their verdict. */
  public ModelManifest gates(GateReport report) {
    root.set(GATES, report.toJson());
    return this;
  }

  /** The verdict of the recorded gates; empty when none were recorded. */
  public Optional<Boolean> gatesPassed() {
    JsonNode g = root.path(GATES).path("passed");
    return g.isBoolean() ? Optional.of(g.asBoolean()) : Optional.empty();
  }

  /** The recorded gate results; empty when none were recorded. */
  public Optional<GateReport> gateReport() {
    JsonNode g = root.get(GATES);
    return g == null || !g.isObject() ? Optional.empty() : Optional.of(GateReport.fromJson(g));
  }

  /** Sets any other top-level field (a generic extension point: the train command's own records). */
  public ModelManifest set(String field, JsonNode value) {
    root.set(field, value);
    return this;
  }

  /** A copy of the whole manifest. */
  public ObjectNode json() {
    return root.deepCopy();
  }

  /** Figures for the {@code models list} table: vocabulary size, rounds and final loss, when recorded. */
  public Map<String, String> headline() {
    Map<String, String> h = new LinkedHashMap<>();
    JsonNode t = root.path(TRAINING);
    if (t.path(VOCAB_SIZE).isNumber()) {
      h.put("vocab", t.path(VOCAB_SIZE).asText());
    }
    JsonNode loss = t.path(LOSS_PER_ROUND);
    if (loss.isArray() && loss.size() > 0) {
      h.put("rounds", Integer.toString(loss.size()));
      h.put("final loss", String.format(java.util.Locale.ROOT, "%.4g", loss.get(loss.size() - 1).asDouble()));
    }
    return h;
  }

  /** Pretty JSON, as written to {@value #FILE}. */
  public String toJson() {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private ObjectNode object(String field) {
    JsonNode n = root.get(field);
    if (n == null || !n.isObject()) {
      return root.putObject(field);
    }
    return (ObjectNode) n;
  }
}
