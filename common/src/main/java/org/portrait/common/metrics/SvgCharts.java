package org.portrait.common.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Small inline SVG charts for the report: no scripts, no external resources. */
public final class SvgCharts {
  /** Colour-blind friendly palette (Okabe-Ito plus greys). */
  public static final String[] PALETTE = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
      "#F0E442", "#000000", "#999999", "#8C564B", "#17BECF", "#BCBD22"};

  private SvgCharts() {}

  public static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  static String f(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String open(int w, int h, String title) {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\"" + h + "\" viewBox=\"0 0 " + w
        + " " + h + "\" role=\"img\" aria-label=\"" + esc(title) + "\">\n";
  }

  private static String text(double x, double y, String s, String anchor, int size) {
    return "<text x=\"" + f(x) + "\" y=\"" + f(y) + "\" text-anchor=\"" + anchor + "\" font-size=\"" + size + "\">"
        + esc(s) + "</text>\n";
  }

  /** Line chart of (x, y) points, e.g. loss per training round. */
  public static String line(List<double[]> pts, String xLabel, String yLabel) {
    int w = 640, h = 300, l = 70, r = 20, t = 20, b = 45;
    StringBuilder s = new StringBuilder(open(w, h, yLabel + " by " + xLabel));
    double x0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = 0;
    for (double[] p : pts) {
      x0 = Math.min(x0, p[0]);
      x1 = Math.max(x1, p[0]);
      y1 = Math.max(y1, p[1]);
    }
    if (x1 <= x0) {
      x1 = x0 + 1;
    }
    if (y1 <= 0) {
      y1 = 1;
    }
    double pw = w - l - r, ph = h - t - b;
    s.append("<rect x=\"").append(l).append("\" y=\"").append(t).append("\" width=\"").append(f(pw))
        .append("\" height=\"").append(f(ph)).append("\" fill=\"none\" stroke=\"#888\"/>\n");
    for (int i = 0; i <= 4; i++) {
      double y = t + ph - ph * i / 4;
      s.append(text(l - 6, y + 4, String.format(Locale.ROOT, "%.4g", y1 * i / 4), "end", 11));
    }
    s.append(text(l, h - 25, String.format(Locale.ROOT, "%.0f", x0), "middle", 11));
    s.append(text(l + pw, h - 25, String.format(Locale.ROOT, "%.0f", x1), "middle", 11));
    s.append(text(l + pw / 2, h - 8, xLabel, "middle", 12));
    StringBuilder path = new StringBuilder();
    for (double[] p : pts) {
      double x = l + pw * (p[0] - x0) / (x1 - x0);
      double y = t + ph - ph * p[1] / y1;
      path.append(path.length() == 0 ? "M" : " L").append(f(x)).append(',').append(f(y));
      s.append("<circle cx=\"").append(f(x)).append("\" cy=\"").append(f(y)).append("\" r=\"3\" fill=\"")
          .append(PALETTE[0]).append("\"><title>").append(esc(String.format(Locale.ROOT, "%.0f: %.6g", p[0], p[1])))
          .append("</title></circle>\n");
    }
    s.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(PALETTE[0])
        .append("\" stroke-width=\"2\"/>\n");
    return s.append("</svg>\n").toString();
  }

  /**
   * Horizontal grouped bars: one group per category, one bar per series (values 0..max). {@code series} maps
   * series name to category-to-value.
   */
  public static String groupedBars(List<String> categories, Map<String, Map<String, Double>> series, double max,
      String title) {
    int bar = 9, gap = 8, l = 120, r = 60, t = 30;
    int groupH = bar * Math.max(1, series.size()) + gap;
    int w = 560, h = t + groupH * categories.size() + 20;
    StringBuilder s = new StringBuilder(open(w, h, title));
    s.append(text(l, 16, title, "start", 13));
    int li = 0;
    for (String name : series.keySet()) {
      int x = w - 200 + li * 66;
      s.append("<rect x=\"").append(x).append("\" y=\"6\" width=\"10\" height=\"10\" fill=\"").append(PALETTE[li])
          .append("\"/>").append(text(x + 13, 15, name, "start", 11));
      li++;
    }
    double pw = w - l - r;
    for (int i = 0; i < categories.size(); i++) {
      String c = categories.get(i);
      int y0 = t + i * groupH;
      s.append(text(l - 6, y0 + groupH / 2.0, c, "end", 12));
      int k = 0;
      for (Map.Entry<String, Map<String, Double>> e : series.entrySet()) {
        double v = e.getValue().getOrDefault(c, 0.0);
        double bw = max <= 0 ? 0 : pw * Math.min(v, max) / max;
        int y = y0 + k * bar;
        s.append("<rect x=\"").append(l).append("\" y=\"").append(y).append("\" width=\"").append(f(bw))
            .append("\" height=\"").append(bar - 1).append("\" fill=\"").append(PALETTE[k]).append("\"><title>")
            .append(esc(e.getKey() + " " + c + ": " + String.format(Locale.ROOT, "%.3f", v)))
            .append("</title></rect>\n");
        s.append(text(l + bw + 3, y + bar - 1, String.format(Locale.ROOT, "%.2f", v), "start", 9));
        k++;
      }
    }
    s.append("<line x1=\"").append(l).append("\" y1=\"").append(t - 4).append("\" x2=\"").append(l)
        .append("\" y2=\"").append(h - 16).append("\" stroke=\"#444\"/>\n");
    return s.append("</svg>\n").toString();
  }

  /** Confusion matrix heat map, rows = gold, columns = predicted, shaded by the row share. */
  public static String heatmap(Confusion c) {
    List<String> rows = new ArrayList<>(c.goldLabels());
    Set<String> colSet = new TreeSet<>(c.labels());
    List<String> cols = new ArrayList<>(colSet);
    int cell = 44, l = 120, t = 110;
    int w = l + cell * cols.size() + 20, h = t + cell * rows.size() + 20;
    StringBuilder s = new StringBuilder(open(w, h, "interest confusion matrix"));
    s.append(text(l, 14, "predicted top interest →", "start", 12));
    for (int j = 0; j < cols.size(); j++) {
      double x = l + j * cell + cell / 2.0;
      s.append("<text transform=\"translate(").append(f(x)).append(",").append(t - 6)
          .append(") rotate(-50)\" font-size=\"11\">").append(esc(cols.get(j))).append("</text>\n");
    }
    for (int i = 0; i < rows.size(); i++) {
      String g = rows.get(i);
      long rowTotal = 0;
      for (String p : cols) {
        rowTotal += c.count(g, p);
      }
      s.append(text(l - 6, t + i * cell + cell / 2.0 + 4, g, "end", 12));
      for (int j = 0; j < cols.size(); j++) {
        long n = c.count(g, cols.get(j));
        double share = rowTotal == 0 ? 0 : (double) n / rowTotal;
        int shade = (int) Math.round(255 - 200 * share);
        String fill = String.format("#%02x%02xff", shade, shade);
        double x = l + j * cell, y = t + i * cell;
        s.append("<rect x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" width=\"").append(cell - 1)
            .append("\" height=\"").append(cell - 1).append("\" fill=\"").append(fill).append("\" stroke=\"#ccc\"><title>")
            .append(esc(g + " → " + cols.get(j) + ": " + n)).append("</title></rect>\n");
        s.append("<text x=\"").append(f(x + cell / 2.0)).append("\" y=\"").append(f(y + cell / 2.0 + 4))
            .append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"").append(share > 0.5 ? "#fff" : "#222")
            .append("\">").append(n).append("</text>\n");
      }
    }
    return s.append("</svg>\n").toString();
  }

  /** Scatter plot of 2-D points coloured by label, with a legend. */
  public static String scatter(double[][] pts, List<String> labels, String title) {
    int w = 640, h = 440, pad = 20, legendW = 150;
    StringBuilder s = new StringBuilder(open(w, h, title));
    double x0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y0 = Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
    for (double[] p : pts) {
      x0 = Math.min(x0, p[0]);
      x1 = Math.max(x1, p[0]);
      y0 = Math.min(y0, p[1]);
      y1 = Math.max(y1, p[1]);
    }
    double sx = x1 > x0 ? x1 - x0 : 1, sy = y1 > y0 ? y1 - y0 : 1;
    x0 -= 0.04 * sx; // a margin, so extreme points are not drawn on the frame
    y0 -= 0.04 * sy;
    sx *= 1.08;
    sy *= 1.08;
    Map<String, String> colours = new LinkedHashMap<>();
    for (String lab : new TreeSet<>(labels)) {
      colours.put(lab, PALETTE[colours.size() % PALETTE.length]);
    }
    double pw = w - 2 * pad - legendW, ph = h - 2 * pad;
    s.append("<rect x=\"").append(pad).append("\" y=\"").append(pad).append("\" width=\"").append(f(pw))
        .append("\" height=\"").append(f(ph)).append("\" fill=\"none\" stroke=\"#888\"/>\n");
    for (int i = 0; i < pts.length; i++) {
      double x = pad + pw * (pts[i][0] - x0) / sx;
      double y = pad + ph - ph * (pts[i][1] - y0) / sy;
      s.append("<circle cx=\"").append(f(x)).append("\" cy=\"").append(f(y)).append("\" r=\"2.5\" fill-opacity=\"0.7\" fill=\"")
          .append(colours.get(labels.get(i))).append("\"/>\n");
    }
    int k = 0;
    for (Map.Entry<String, String> e : colours.entrySet()) {
      double y = pad + 10 + k * 18;
      s.append("<circle cx=\"").append(w - legendW + 10).append("\" cy=\"").append(f(y)).append("\" r=\"5\" fill=\"")
          .append(e.getValue()).append("\"/>").append(text(w - legendW + 20, y + 4, e.getKey(), "start", 12));
      k++;
    }
    return s.append("</svg>\n").toString();
  }

  /** Vertical bars, e.g. users per segment. */
  public static String bars(Map<String, Double> values, String title) {
    int l = 60, t = 30, b = 40, bw = 34;
    int w = Math.max(300, l + values.size() * (bw + 8) + 20), h = 280;
    double max = 0;
    for (double v : values.values()) {
      max = Math.max(max, v);
    }
    if (max <= 0) {
      max = 1;
    }
    StringBuilder s = new StringBuilder(open(w, h, title));
    s.append(text(l, 16, title, "start", 13));
    double ph = h - t - b;
    int i = 0;
    for (Map.Entry<String, Double> e : values.entrySet()) {
      double bh = ph * e.getValue() / max;
      double x = l + i * (bw + 8);
      s.append("<rect x=\"").append(f(x)).append("\" y=\"").append(f(t + ph - bh)).append("\" width=\"").append(bw)
          .append("\" height=\"").append(f(bh)).append("\" fill=\"").append(PALETTE[0]).append("\"/>\n");
      s.append(text(x + bw / 2.0, t + ph - bh - 3, String.format(Locale.ROOT, "%.0f", e.getValue()), "middle", 10));
      s.append(text(x + bw / 2.0, h - b + 16, e.getKey(), "middle", 11));
      i++;
    }
    s.append("<line x1=\"").append(l - 4).append("\" y1=\"").append(f(t + ph)).append("\" x2=\"").append(w - 10)
        .append("\" y2=\"").append(f(t + ph)).append("\" stroke=\"#444\"/>\n");
    return s.append("</svg>\n").toString();
  }
}
