package org.portrait.common.gates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The results of a set of gates: as JSON for the run report and the model manifest ({@link #toJson}), as
 * aligned text lines for the console ({@link #lines}), and the first failure's one-line reason.
 */
public final class GateReport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<Gate> gates;

  public GateReport(List<Gate> gates) {
    this.gates = List.copyOf(gates);
  }

  public List<Gate> gates() {
    return gates;
  }

  /** True when every gate passed (and vacuously when there is none). */
  public boolean passed() {
    return gates.stream().allMatch(Gate::passed);
  }

  /** The gates that failed, in order. */
  public List<Gate> failures() {
    return gates.stream().filter(g -> !g.passed()).toList();
  }

  /** The reason of the first failed gate, one line, ready to print; empty when all passed. */
  public Optional<String> firstFailure() {
    return gates.stream().filter(g -> !g.passed()).findFirst().map(Gate::reason);
  }

  /**
   * {@code {"passed": true, "gates": [{"name", "value", "bound", "comparison", "passed", "reason"}, ...]}}. A
   * value or bound that is not a finite number (NaN value, a check's bound) is written as null.
   */
  public ObjectNode toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("passed", passed());
    ArrayNode list = root.putArray("gates");
    for (Gate g : gates) {
      ObjectNode n = list.addObject();
      n.put("name", g.name());
      number(n, "value", g.value());
      number(n, "bound", g.bound());
      n.put("comparison", g.comparison().name().toLowerCase(java.util.Locale.ROOT));
      n.put("passed", g.passed());
      n.put("reason", g.reason());
    }
    return root;
  }

  /** Reads what {@link #toJson} wrote. */
  public static GateReport fromJson(JsonNode root) {
    List<Gate> out = new ArrayList<>();
    for (JsonNode n : root.path("gates")) {
      out.add(new Gate(n.path("name").asText(), n.path("value").isNumber() ? n.path("value").asDouble() : Double.NaN,
          n.path("bound").isNumber() ? n.path("bound").asDouble() : Double.NaN,
          Gate.Comparison.valueOf(n.path("comparison").asText("is_true").toUpperCase(java.util.Locale.ROOT)),
          n.path("passed").asBoolean(), n.path("reason").asText()));
    }
    return new GateReport(out);
  }

  private static void number(ObjectNode n, String field, double d) {
    if (Double.isFinite(d)) {
      n.put(field, d);
    } else {
      n.putNull(field);
    }
  }

  /** One aligned line per gate: {@code PASS  model.vocab-coverage.min  0.85 >= 0.8}. */
  public List<String> lines() {
    int width = gates.stream().mapToInt(g -> g.name().length()).max().orElse(0);
    List<String> out = new ArrayList<>();
    for (Gate g : gates) {
      String measure = g.comparison() == Gate.Comparison.IS_TRUE ? (g.value() != 0 ? "yes" : "no")
          : Gate.format(g.value()) + " " + g.comparison().symbol + " " + Gate.format(g.bound());
      out.add(String.format(java.util.Locale.ROOT, "%-4s  %-" + width + "s  %s", g.passed() ? "PASS" : "FAIL",
          g.name(), measure));
    }
    return out;
  }
}
