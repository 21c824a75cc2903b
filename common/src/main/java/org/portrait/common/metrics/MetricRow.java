package org.portrait.common.metrics;

/** One figure: a row of the profile_metrics table without its run id. */
public record MetricRow(String metric, String slice, double value) {
  /** Slice of a figure about all scored users. */
  public static final String ALL = "all";
}
