package org.portrait.common.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the summed counts of the metrics job into named figures. Our system's figures are named
 * {@code interest.micro_f1}, {@code sentiment.user.accuracy}, ...; a baseline's carry the prefix
 * {@code baseline.<name>.}. Per-category and per-class figures use the category or class as slice.
 */
public final class MetricsSummary {
  /** Count prefix of our profiles' interests. */
  public static final String OURS = "interest.ours";
  /** Count prefix of the majority-set baseline. */
  public static final String MAJORITY = "interest.majority";
  /** Count prefix of the TF-IDF nearest-centroid baseline. */
  public static final String CENTROID = "interest.centroid";
  /** Count prefix of the label ceiling (threshold rule on test users' true review categories, {@link LabelCeiling}). */
  public static final String CEILING = "interest.ceiling";
  /** Count prefix of our keywords' quality ({@link KeywordQuality}). */
  public static final String KEYWORDS = "keywords.ours";
  /** Count prefix of the plain TF-IDF keywords' quality. */
  public static final String KEYWORDS_TFIDF = "keywords.tfidf";
  /** Systems in report order: display name to count prefix. */
  public static final Map<String, String> SYSTEMS = new LinkedHashMap<>();

  static {
    SYSTEMS.put("ours", OURS);
    SYSTEMS.put("majority", MAJORITY);
    SYSTEMS.put("centroid", CENTROID);
    SYSTEMS.put("ceiling", CEILING);
  }

  private MetricsSummary() {}

  /** Metric-name prefix of a system: empty for ours. */
  public static String prefix(String system) {
    return system.equals("ours") ? "" : "baseline." + system + ".";
  }

  /** Every figure the counts support. A system without counts (e.g. no tokens given) has no rows. */
  public static List<MetricRow> rows(Map<String, Long> counts) {
    List<MetricRow> out = new ArrayList<>();
    SYSTEMS.forEach((system, countPrefix) -> {
      MultiLabelCounts m = MultiLabelCounts.readFrom(countPrefix, counts);
      if (m.users() > 0) {
        interestRows(prefix(system) + "interest.", m, out);
      }
    });
    Long ceilingPct = counts.get(CEILING + ".threshold_pct");
    if (ceilingPct != null) {
      add(out, prefix("ceiling") + "interest.threshold", MetricRow.ALL, ceilingPct / 100.0);
    }
    KeywordQuality.rows(KEYWORDS, prefix("ours"), counts, out);
    KeywordQuality.rows(KEYWORDS_TFIDF, prefix("tfidf"), counts, out);
    for (String level : new String[] {"user", "review"}) {
      for (String system : new String[] {"ours", "majority"}) {
        Confusion c = Confusion.readFrom("sentiment." + level + "." + system, counts);
        if (c.total() > 0) {
          sentimentRows(prefix(system) + "sentiment." + level + ".", c, out);
        }
      }
    }
    return out;
  }

  static void interestRows(String p, MultiLabelCounts m, List<MetricRow> out) {
    Prf micro = m.micro();
    Prf macro = m.macro();
    add(out, p + "users", MetricRow.ALL, m.users());
    add(out, p + "micro_precision", MetricRow.ALL, micro.precision());
    add(out, p + "micro_recall", MetricRow.ALL, micro.recall());
    add(out, p + "micro_f1", MetricRow.ALL, micro.f1());
    add(out, p + "macro_precision", MetricRow.ALL, macro.precision());
    add(out, p + "macro_recall", MetricRow.ALL, macro.recall());
    add(out, p + "macro_f1", MetricRow.ALL, macro.f1());
    add(out, p + "exact_set_accuracy", MetricRow.ALL, m.exactSetAccuracy());
    for (String c : m.categories()) {
      Prf x = m.category(c);
      add(out, p + "precision", c, x.precision());
      add(out, p + "recall", c, x.recall());
      add(out, p + "f1", c, x.f1());
      add(out, p + "support", c, x.support());
    }
  }

  static void sentimentRows(String p, Confusion c, List<MetricRow> out) {
    add(out, p + "n", MetricRow.ALL, c.total());
    add(out, p + "accuracy", MetricRow.ALL, c.accuracy());
    add(out, p + "macro_f1", MetricRow.ALL, c.macroF1());
    for (String label : c.goldLabels()) {
      Prf x = c.of(label);
      add(out, p + "precision", label, x.precision());
      add(out, p + "recall", label, x.recall());
      add(out, p + "f1", label, x.f1());
    }
  }

  private static void add(List<MetricRow> out, String metric, String slice, double value) {
    out.add(new MetricRow(metric, slice, value));
  }
}
