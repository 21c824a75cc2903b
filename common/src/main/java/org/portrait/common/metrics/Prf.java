package org.portrait.common.metrics;

/**
 * Precision, recall and F1 of one class (or of a pooled micro count). A zero denominator gives 0 (as
 * scikit-learn's {@code zero_division=0}): a class never predicted has precision 0, not "undefined".
 */
public record Prf(double precision, double recall, double f1, long support) {

  /** From true positives, false positives and false negatives; support = tp + fn (gold occurrences). */
  public static Prf of(long tp, long fp, long fn) {
    double p = ratio(tp, tp + fp);
    double r = ratio(tp, tp + fn);
    double f = p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    return new Prf(p, r, f, tp + fn);
  }

  static double ratio(long num, long den) {
    return den == 0 ? 0.0 : (double) num / den;
  }
}
