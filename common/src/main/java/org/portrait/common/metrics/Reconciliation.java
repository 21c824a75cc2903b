package org.portrait.common.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks that every record is accounted for across stages, from the counters each stage wrote. A rule reads
 * {@code stage:COUNTER = stage:COUNTER + stage:COUNTER ...}; rules are separated by {@code ;}. A rule whose
 * stage has no counters at all (not configured for this run) is skipped and says so; a rule naming a counter
 * that its stage did not write fails, since a renamed counter must not silently pass the check.
 */
public final class Reconciliation {
  /** Outcome of one rule. */
  public record Check(String rule, boolean ok, boolean skipped, String detail) {}

  private Reconciliation() {}

  /** Evaluates {@code rules} against {@code counters} (stage name to counter name to value). */
  public static List<Check> check(String rules, Map<String, Map<String, Long>> counters) {
    List<Check> out = new ArrayList<>();
    for (String rule : rules.split(";")) {
      String r = rule.strip();
      if (!r.isEmpty()) {
        out.add(checkOne(r, counters));
      }
    }
    return out;
  }

  static Check checkOne(String rule, Map<String, Map<String, Long>> counters) {
    String[] sides = rule.split("=");
    if (sides.length != 2) {
      throw new IllegalArgumentException("reconciliation rule needs exactly one '=': " + rule);
    }
    StringBuilder detail = new StringBuilder();
    long[] vals = new long[2];
    for (int s = 0; s < 2; s++) {
      for (String term : sides[s].split("\\+")) {
        String t = term.strip();
        int colon = t.indexOf(':');
        if (colon <= 0) {
          throw new IllegalArgumentException("term must be stage:COUNTER: '" + t + "' in " + rule);
        }
        String stage = t.substring(0, colon);
        String name = t.substring(colon + 1);
        Map<String, Long> c = counters.get(stage);
        if (c == null || c.isEmpty()) {
          return new Check(rule, true, true, "skipped: no counters for stage " + stage);
        }
        Long v = c.get(name);
        if (v == null) {
          return new Check(rule, false, false,
              "counter " + name + " missing in stage " + stage + " (it has " + c.keySet() + ")");
        }
        vals[s] += v;
        detail.append(detail.length() == 0 ? "" : ", ").append(t).append('=').append(v);
      }
    }
    boolean ok = vals[0] == vals[1];
    String d = (ok ? "ok: " : "MISMATCH " + vals[0] + " != " + vals[1] + " (" + Math.abs(vals[0] - vals[1])
        + " records unaccounted for): ") + detail;
    return new Check(rule, ok, false, d);
  }
}
