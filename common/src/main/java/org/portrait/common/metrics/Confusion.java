package org.portrait.common.metrics;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Single-label confusion counts, gold label by predicted label. Used for sentiment (a predicted label outside
 * the gold labels, such as {@code neutral}, is simply wrong) and for the top-interest confusion matrix.
 */
public final class Confusion {
  private final Map<String, Map<String, Long>> cells = new TreeMap<>();

  public void add(String gold, String predicted) {
    add(gold, predicted, 1);
  }

  public void add(String gold, String predicted, long n) {
    cells.computeIfAbsent(gold, k -> new TreeMap<>()).merge(predicted, n, Long::sum);
  }

  public long count(String gold, String predicted) {
    return cells.getOrDefault(gold, Map.of()).getOrDefault(predicted, 0L);
  }

  public long total() {
    long t = 0;
    for (Map<String, Long> row : cells.values()) {
      for (long v : row.values()) {
        t += v;
      }
    }
    return t;
  }

  public Set<String> goldLabels() {
    return new TreeSet<>(cells.keySet());
  }

  /** Every label seen as gold or predicted, sorted. */
  public Set<String> labels() {
    Set<String> s = new TreeSet<>(cells.keySet());
    cells.values().forEach(row -> s.addAll(row.keySet()));
    return s;
  }

  public double accuracy() {
    long correct = 0;
    for (String g : cells.keySet()) {
      correct += count(g, g);
    }
    return Prf.ratio(correct, total());
  }

  /** P/R/F1 of {@code label} treated as the positive class. */
  public Prf of(String label) {
    long tp = count(label, label);
    long fp = 0, fn = 0;
    for (Map.Entry<String, Map<String, Long>> row : cells.entrySet()) {
      for (Map.Entry<String, Long> cell : row.getValue().entrySet()) {
        boolean goldIs = row.getKey().equals(label);
        boolean predIs = cell.getKey().equals(label);
        if (goldIs && !predIs) {
          fn += cell.getValue();
        } else if (!goldIs && predIs) {
          fp += cell.getValue();
        }
      }
    }
    return Prf.of(tp, fp, fn);
  }

  /** Mean of per-class F1 over the gold labels. */
  public double macroF1() {
    Set<String> gold = goldLabels();
    if (gold.isEmpty()) {
      return 0;
    }
    double f = 0;
    for (String g : gold) {
      f += of(g).f1();
    }
    return f / gold.size();
  }

  /** Writes the cells as {@code prefix.<gold>|<predicted>} into {@code out}, adding to what is there. */
  public void writeTo(String prefix, Map<String, Long> out) {
    cells.forEach((g, row) -> row.forEach((p, v) -> out.merge(prefix + "." + g + "|" + p, v, Long::sum)));
  }

  public static Confusion readFrom(String prefix, Map<String, Long> in) {
    Confusion c = new Confusion();
    String p = prefix + ".";
    in.forEach((k, v) -> {
      if (k.startsWith(p)) {
        String rest = k.substring(p.length());
        int bar = rest.indexOf('|');
        if (bar > 0) {
          c.add(rest.substring(0, bar), rest.substring(bar + 1), v);
        }
      }
    });
    return c;
  }
}
