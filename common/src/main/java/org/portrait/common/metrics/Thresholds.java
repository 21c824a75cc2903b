package org.portrait.common.metrics;

import org.portrait.common.config.UserError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Quality floors: properties {@code metric=floor} (slice {@code all}) or {@code metric@slice=floor}. A metric
 * below its floor, or not computed at all, is a failure, so a workflow can stop before publishing.
 */
public final class Thresholds {
  private Thresholds() {}

  /** Every failed floor as a readable line; empty when all pass. */
  public static List<String> failures(Properties floors, List<MetricRow> rows) {
    Map<String, Double> byKey = new TreeMap<>();
    for (MetricRow r : rows) {
      byKey.put(r.slice().equals(MetricRow.ALL) ? r.metric() : r.metric() + "@" + r.slice(), r.value());
    }
    List<String> out = new ArrayList<>();
    for (String key : new TreeMap<>(floors).keySet().stream().map(Object::toString).toList()) {
      double floor;
      try {
        floor = Double.parseDouble(floors.getProperty(key).strip());
      } catch (NumberFormatException e) {
        throw new UserError("threshold " + key + " is not a number: " + floors.getProperty(key));
      }
      Double v = byKey.get(key);
      if (v == null) {
        out.add(key + ": not computed (floor " + floor + ")");
      } else if (v.isNaN() || v < floor) {
        out.add(String.format("%s = %.4f is below its floor %.4f", key, v, floor));
      }
    }
    return out;
  }
}
