package org.portrait.common.gates;

import java.util.Map;
import java.util.TreeSet;

/**
 * Population stability index between two distributions over categories: {@code sum over categories of
 * (a - e) * ln(a / e)}, with {@code e} and {@code a} the shares of a category in the expected (reference) and
 * actual distribution. 0 means identical; the usual reading is &lt; 0.1 stable, 0.1-0.25 a moderate shift,
 * &gt; 0.25 a major one. The maps may hold counts or shares: each is divided by its own total.
 */
public final class Psi {
  /**
   * Share used for a category that one side lacks (ln(0) would be infinite). 1e-4 is small against any real
   * share of the categories we compare (interests, sentiments: tens of categories), so an empty bin still weighs
   * heavily (a category of share 0.1 appearing from nothing adds about 0.7), yet the index stays finite.
   */
  public static final double EMPTY_BIN_SHARE = 1e-4;

  private Psi() {}

  /**
   * The index over the union of both maps' categories. NaN when either side has no mass at all (nothing to
   * compare: a gate on it fails, saying so). A negative or non-finite count is a programming error.
   */
  public static double of(Map<String, Double> expected, Map<String, Double> actual) {
    double te = total(expected);
    double ta = total(actual);
    if (te <= 0 || ta <= 0) {
      return Double.NaN;
    }
    TreeSet<String> categories = new TreeSet<>(expected.keySet());
    categories.addAll(actual.keySet());
    double psi = 0;
    for (String c : categories) {
      double e = share(expected.get(c), te);
      double a = share(actual.get(c), ta);
      psi += (a - e) * Math.log(a / e);
    }
    return psi;
  }

  private static double share(Double count, double total) {
    double s = count == null ? 0 : count / total;
    return s > 0 ? s : EMPTY_BIN_SHARE;
  }

  private static double total(Map<String, Double> counts) {
    double t = 0;
    for (Map.Entry<String, Double> e : counts.entrySet()) {
      Double v = e.getValue();
      if (v == null || !Double.isFinite(v) || v < 0) {
        throw new IllegalArgumentException("PSI: category " + e.getKey() + " has count " + v
            + " (expected a finite number >= 0)");
      }
      t += v;
    }
    return t;
  }
}
