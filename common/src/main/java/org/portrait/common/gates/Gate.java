package org.portrait.common.gates;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The result of one gate: what was measured ({@code value}, NaN when it could not be), the bound it was held to
 * ({@code bound}, NaN for a check), how they compare, whether it passed, and a one-line reason to print.
 */
public record Gate(String name, double value, double bound, Comparison comparison, boolean passed, String reason) {

  /** How {@link #value} is held to {@link #bound}. */
  public enum Comparison {
    AT_LEAST(">="), AT_MOST("<="), IS_TRUE("holds");

    public final String symbol;

    Comparison(String symbol) {
      this.symbol = symbol;
    }
  }

  /** A number as it reads in reasons and reports: 4 significant digits, no exponent for ordinary values. */
  public static String format(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == 0) {
      return "0";
    }
    BigDecimal b = new BigDecimal(d).round(new MathContext(4)).stripTrailingZeros();
    return Math.abs(d) >= 1e-4 && Math.abs(d) < 1e9 ? b.toPlainString() : b.toString();
  }
}
