package org.portrait.common.metrics;

import java.util.Map;
import java.util.TreeSet;

/**
 * Population stability index between two categorical distributions given as counts:
 * {@code PSI = Σ_b (a_b − e_b) · ln(a_b / e_b)} over the union of the bins, where {@code a} is today's share
 * ("actual") and {@code e} yesterday's ("expected"). A bin present on one side only has share 0 on the other,
 * which would make the logarithm infinite, so a share of 0 is replaced by {@value #EPSILON} (no renormalisation:
 * the shares then sum to slightly above 1, a bias of the order of EPSILON per empty bin, negligible next to the
 * usual reading thresholds of 0.1 "some shift" and 0.25 "large shift").
 */
public final class Psi {
  /** Share used in place of 0 for a bin empty on one side. */
  public static final double EPSILON = 1e-4;

  private Psi() {}

  /** PSI of {@code today} against {@code yesterday}; NaN when either side has no count at all. */
  public static double psi(Map<String, Long> today, Map<String, Long> yesterday) {
    double nt = total(today);
    double ny = total(yesterday);
    if (nt <= 0 || ny <= 0) {
      return Double.NaN;
    }
    TreeSet<String> bins = new TreeSet<>(today.keySet());
    bins.addAll(yesterday.keySet());
    double psi = 0;
    for (String b : bins) {
      double a = share(today.get(b), nt);
      double e = share(yesterday.get(b), ny);
      psi += (a - e) * Math.log(a / e);
    }
    return psi;
  }

  private static double share(Long count, double total) {
    return count == null || count <= 0 ? EPSILON : count / total;
  }

  private static double total(Map<String, Long> counts) {
    double n = 0;
    for (Long c : counts.values()) {
      n += c == null || c < 0 ? 0 : c;
    }
    return n;
  }
}
