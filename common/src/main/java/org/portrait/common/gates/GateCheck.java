package org.portrait.common.gates;

import java.util.ArrayList;
import java.util.List;
import org.portrait.common.gates.Gate.Comparison;

/**
 * Collects gate results against a set of thresholds: each helper looks its bound up by the gate's key, records
 * a {@link Gate} and returns whether it passed. A measured value that is NaN fails whatever the bound (a metric
 * that could not be computed is no evidence of quality); a check that is configured as not enforced is
 * recorded as passed, saying so.
 */
public final class GateCheck {
  private final GateThresholds thresholds;
  private final List<Gate> results = new ArrayList<>();

  public GateCheck(GateThresholds thresholds) {
    this.thresholds = thresholds;
  }

  /** A check against the bundled defaults. */
  public GateCheck() {
    this(GateThresholds.defaults());
  }

  /** Floor gate {@code name} (a {@code .min} key): passes when {@code value >= bound}. */
  public boolean atLeast(String name, double value) {
    expect(name, GateThresholds.Kind.MIN);
    double bound = thresholds.bound(name);
    return add(name, value, bound, Comparison.AT_LEAST, value >= bound,
        "is below the floor " + Gate.format(bound));
  }

  /** Ceiling gate {@code name} (a {@code .max} key): passes when {@code value <= bound}. */
  public boolean atMost(String name, double value) {
    expect(name, GateThresholds.Kind.MAX);
    double bound = thresholds.bound(name);
    return add(name, value, bound, Comparison.AT_MOST, value <= bound,
        "is above the ceiling " + Gate.format(bound));
  }

  /**
   * Check gate {@code name}: passes when {@code holds}, or when the site's thresholds do not enforce it.
   * {@code detail} says what was checked or what went wrong ("ingest: 10 records in, 9 out, 0 rejected").
   */
  public boolean isTrue(String name, boolean holds, String detail) {
    expect(name, GateThresholds.Kind.CHECK);
    boolean enforced = thresholds.enforced(name);
    String d = detail == null || detail.isBlank() ? "" : ": " + detail.strip().replaceAll("\\s*\\R\\s*", " ");
    String reason;
    if (holds) {
      reason = "gate " + name + " passed" + d;
    } else if (enforced) {
      reason = "gate " + name + " failed" + d;
    } else {
      reason = "gate " + name + " does not hold but is not enforced" + d;
    }
    Gate g = new Gate(name, holds ? 1 : 0, Double.NaN, Comparison.IS_TRUE, holds || !enforced, reason);
    results.add(g);
    return g.passed();
  }

  private boolean add(String name, double value, double bound, Comparison c, boolean ok, String failure) {
    String shown = Gate.format(value) + " " + c.symbol + " " + Gate.format(bound);
    String reason;
    if (Double.isNaN(value)) {
      ok = false; // comparisons with NaN are false anyway; said explicitly so the reason is clear
      reason = "gate " + name + " failed: the value is NaN (not measured or not a number)";
    } else if (ok) {
      reason = "gate " + name + " passed: " + shown;
    } else {
      reason = "gate " + name + " failed: " + Gate.format(value) + " " + failure;
    }
    Gate g = new Gate(name, value, bound, c, ok, reason);
    results.add(g);
    return ok;
  }

  private void expect(String name, GateThresholds.Kind kind) {
    GateThresholds.Kind k = thresholds.kind(name);
    if (k != kind) {
      throw new IllegalArgumentException("gate " + name + " is a " + k + " gate, not " + kind);
    }
  }

  /** Every result so far, in the order checked. */
  public GateReport report() {
    return new GateReport(results);
  }
}
