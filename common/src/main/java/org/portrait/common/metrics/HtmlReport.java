package org.portrait.common.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The self-contained HTML report of a metrics run: summary tables and inline SVG charts; no scripts, no
 * network. UTF-8 with a CJK-capable system font stack so Chinese category names render.
 */
public final class HtmlReport {
  /** Everything the report shows. Lists and maps may be empty; that section then says so. */
  public record Data(String runId, List<MetricRow> rows, Map<String, MultiLabelCounts> systems,
      Confusion interestConfusion, List<double[]> loss, List<String> pointLabels, double[][] points,
      Map<Integer, Long> segmentSizes, List<Reconciliation.Check> checks, List<String> thresholdFailures,
      Map<String, Long> counters) {}

  private static final String FONTS = "\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"WenQuanYi Zen Hei\", "
      + "\"WenQuanYi Micro Hei\", \"Microsoft YaHei\", \"PingFang SC\", \"Hiragino Sans GB\", sans-serif";

  private HtmlReport() {}

  public static String render(Data d) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        .append("<title>Portrait metrics ").append(SvgCharts.esc(d.runId())).append("</title>\n<style>\n")
        .append("body{font-family:").append(FONTS).append(";margin:24px;color:#222;max-width:1200px}\n")
        .append("svg text{font-family:").append(FONTS).append("}\n")
        .append("table{border-collapse:collapse;margin:8px 0 16px}td,th{border:1px solid #ccc;padding:3px 8px;")
        .append("text-align:right}th{background:#f2f2f2}td.l,th.l{text-align:left}\n")
        .append(".ok{color:#087f23}.bad{color:#b00020;font-weight:bold}.charts{display:flex;flex-wrap:wrap;gap:16px}\n")
        .append("</style>\n</head>\n<body>\n");
    h.append("<h1>Portrait 用户画像 — metrics</h1>\n<p>run <code>").append(SvgCharts.esc(d.runId()))
        .append("</code>. Scored on TEST users only (their labels were never used in training).</p>\n");
    status(h, d);
    summary(h, d);
    keywords(h, d);
    perCategory(h, d);
    h.append("<h2>Interest confusion (top-1 gold vs top-1 predicted)</h2>\n");
    if (d.interestConfusion().total() == 0) {
      h.append("<p>No test users scored.</p>\n");
    } else {
      h.append(SvgCharts.heatmap(d.interestConfusion()));
    }
    sentiment(h, d);
    h.append("<h2>GloVe training loss per round</h2>\n");
    h.append(d.loss().isEmpty() ? "<p>No loss file given.</p>\n" : SvgCharts.line(d.loss(), "round", "loss"));
    h.append("<h2>User vectors (PCA, coloured by top interest)</h2>\n");
    if (d.points().length == 0) {
      h.append("<p>No profile vectors.</p>\n");
    } else {
      h.append("<p>").append(d.points().length).append(" users.</p>\n")
          .append(SvgCharts.scatter(d.points(), d.pointLabels(), "user vectors, PCA"));
    }
    h.append("<h2>Segment sizes</h2>\n");
    if (d.segmentSizes().isEmpty()) {
      h.append("<p>No segments given.</p>\n");
    } else {
      Map<String, Double> sizes = new LinkedHashMap<>();
      d.segmentSizes().forEach((k, v) -> sizes.put(k == -1 ? "other" : Integer.toString(k), (double) v));
      h.append(SvgCharts.bars(sizes, "users per segment"));
    }
    embedding(h, d);
    h.append("<h2>Job counters</h2>\n<table><tr><th class=\"l\">counter</th><th>value</th></tr>\n");
    d.counters().forEach((k, v) -> h.append("<tr><td class=\"l\">").append(SvgCharts.esc(k)).append("</td><td>")
        .append(v).append("</td></tr>\n"));
    h.append("</table>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void status(StringBuilder h, Data d) {
    h.append("<h2>Checks</h2>\n");
    if (d.thresholdFailures().isEmpty()) {
      h.append("<p class=\"ok\">All configured quality floors passed.</p>\n");
    } else {
      h.append("<ul>\n");
      d.thresholdFailures().forEach(f -> h.append("<li class=\"bad\">").append(SvgCharts.esc(f)).append("</li>\n"));
      h.append("</ul>\n");
    }
    h.append("<table><tr><th class=\"l\">reconciliation rule</th><th class=\"l\">result</th></tr>\n");
    for (Reconciliation.Check c : d.checks()) {
      h.append("<tr><td class=\"l\">").append(SvgCharts.esc(c.rule())).append("</td><td class=\"l ")
          .append(c.ok() ? "ok" : "bad").append("\">").append(SvgCharts.esc(c.detail())).append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static String pct(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  private static void summary(StringBuilder h, Data d) {
    h.append("<h2>Interests (multi-label)</h2>\n<table><tr><th class=\"l\">system</th><th>users</th>")
        .append("<th>micro P</th><th>micro R</th><th>micro F1</th><th>macro P</th><th>macro R</th><th>macro F1</th>")
        .append("<th>exact set</th></tr>\n");
    d.systems().forEach((name, m) -> {
      Prf mi = m.micro();
      Prf ma = m.macro();
      h.append("<tr><td class=\"l\">").append(SvgCharts.esc(name)).append("</td><td>").append(m.users())
          .append("</td><td>").append(pct(mi.precision())).append("</td><td>").append(pct(mi.recall()))
          .append("</td><td>").append(pct(mi.f1())).append("</td><td>").append(pct(ma.precision()))
          .append("</td><td>").append(pct(ma.recall())).append("</td><td>").append(pct(ma.f1()))
          .append("</td><td>").append(pct(m.exactSetAccuracy())).append("</td></tr>\n");
    });
    h.append("</table>\n<p>ours: the profiles' top_interests. majority: every user gets the most frequent exact ")
        .append("interest set of the TRAIN users. centroid: TF-IDF nearest centroid, centroids from TRAIN reviews by ")
        .append("gold category. ceiling: the best threshold rule on the test users' TRUE review categories (")
        .append("a category is an interest when a share t of the user's reviews have it; t chosen on the test users): ")
        .append("what a perfect review classifier would reach. Macro averages run over categories that are gold or ")
        .append("predicted at least once.</p>\n");
  }

  private static void keywords(StringBuilder h, Data d) {
    Map<String, Double> v = new LinkedHashMap<>();
    for (MetricRow r : d.rows()) {
      v.put(r.metric(), r.value());
    }
    int k = KeywordQuality.K;
    if (!v.containsKey("keywords.users") && !v.containsKey("baseline.tfidf.keywords.users")) {
      return;
    }
    h.append("<h2>Keywords (top ").append(k).append(")</h2>\n<table><tr><th class=\"l\">system</th><th>users</th>")
        .append("<th>keywords per user</th><th>topicality@").append(k).append("</th><th>support@").append(k)
        .append("</th></tr>\n");
    for (String system : new String[] {"ours", "tfidf"}) {
      String p = MetricsSummary.prefix(system) + "keywords.";
      Double users = v.get(p + "users");
      if (users == null) {
        continue;
      }
      h.append("<tr><td class=\"l\">").append(system).append("</td><td>")
          .append(String.format(Locale.ROOT, "%.0f", users)).append("</td><td>")
          .append(pct(v.get(p + "per_user_at_" + k))).append("</td><td>").append(pct(v.get(p + "topicality_at_" + k)))
          .append("</td><td>").append(pct(v.get(p + "support_at_" + k))).append("</td></tr>\n");
    }
    h.append("</table>\n<p>topicality: share of the keywords whose category distribution over the TRAIN reviews ")
        .append("points to one of the user's true interests. support: share found in at least two of the user's ")
        .append("reviews. tfidf: plain TF-IDF top ").append(k).append(" of the user's tokens (IDF over TRAIN reviews).</p>\n");
  }

  private static void sentiment(StringBuilder h, Data d) {
    Map<String, Double> v = new LinkedHashMap<>();
    for (MetricRow r : d.rows()) {
      v.put(r.metric() + "@" + r.slice(), r.value());
    }
    h.append("<h2>Sentiment</h2>\n<table><tr><th class=\"l\">level</th><th class=\"l\">system</th><th>n</th>")
        .append("<th>accuracy</th><th>macro F1</th><th>P pos</th><th>R pos</th><th>F1 pos</th><th>P neg</th>")
        .append("<th>R neg</th><th>F1 neg</th></tr>\n");
    for (String level : new String[] {"user", "review"}) {
      for (String system : new String[] {"ours", "majority"}) {
        String p = MetricsSummary.prefix(system) + "sentiment." + level + ".";
        Double n = v.get(p + "n@" + MetricRow.ALL);
        if (n == null) {
          continue;
        }
        h.append("<tr><td class=\"l\">").append(level).append("</td><td class=\"l\">").append(system)
            .append("</td><td>").append(String.format(Locale.ROOT, "%.0f", n)).append("</td>");
        for (String key : new String[] {"accuracy@all", "macro_f1@all", "precision@positive", "recall@positive",
            "f1@positive", "precision@negative", "recall@negative", "f1@negative"}) {
          Double x = v.get(p + key);
          h.append("<td>").append(x == null ? "–" : pct(x)).append("</td>");
        }
        h.append("</tr>\n");
      }
    }
    h.append("</table>\n<p>User level: profile sentiment_label vs the user's majority label (neutral counts as"
        + " wrong). Review level: positive_prob &gt;= threshold vs the review's label.</p>\n");
  }

  private static void perCategory(StringBuilder h, Data d) {
    h.append("<h2>Per category, ours next to the baselines</h2>\n");
    TreeMap<String, Boolean> cats = new TreeMap<>();
    d.systems().values().forEach(m -> m.categories().forEach(c -> cats.put(c, true)));
    if (cats.isEmpty()) {
      h.append("<p>No categories.</p>\n");
      return;
    }
    List<String> categories = new ArrayList<>(cats.keySet());
    h.append("<div class=\"charts\">\n");
    for (String measure : new String[] {"precision", "recall", "F1"}) {
      Map<String, Map<String, Double>> series = new LinkedHashMap<>();
      d.systems().forEach((name, m) -> {
        Map<String, Double> v = new LinkedHashMap<>();
        for (String c : categories) {
          Prf x = m.category(c);
          v.put(c, measure.equals("precision") ? x.precision() : measure.equals("recall") ? x.recall() : x.f1());
        }
        series.put(name, v);
      });
      h.append(SvgCharts.groupedBars(categories, series, 1.0, measure));
    }
    h.append("</div>\n");
  }

  private static void embedding(StringBuilder h, Data d) {
    List<MetricRow> emb = d.rows().stream().filter(r -> r.metric().startsWith("embedding.")).toList();
    h.append("<h2>Embedding quality</h2>\n");
    if (emb.isEmpty()) {
      h.append("<p>No embedding evaluation configured.</p>\n");
      return;
    }
    h.append("<table><tr><th class=\"l\">figure</th><th class=\"l\">set</th><th>value</th></tr>\n");
    for (MetricRow r : emb) {
      h.append("<tr><td class=\"l\">").append(SvgCharts.esc(r.metric())).append("</td><td class=\"l\">")
          .append(SvgCharts.esc(r.slice())).append("</td><td>").append(String.format(Locale.ROOT, "%.4g", r.value()))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
  }
}
