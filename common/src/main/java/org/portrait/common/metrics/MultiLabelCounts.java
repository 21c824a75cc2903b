package org.portrait.common.metrics;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Counts for multi-label classification (a user's set of interest categories): per category true
 * positives, false positives and false negatives, plus users and exact-set matches. Additive, so per-user
 * counts from many reducers sum to the same figures.
 *
 * <p>Macro averages run over the categories that occur in the gold sets or in the predictions (the label
 * set scikit-learn infers); a category that is neither gold nor predicted for anybody has no figure at all,
 * while a gold category that is never predicted counts with precision, recall and F1 of 0.
 */
public final class MultiLabelCounts {
  private final Map<String, long[]> perCategory = new TreeMap<>(); // tp, fp, fn
  private long users;
  private long exact;

  /** Adds one user: its gold set and its predicted set. */
  public void add(Collection<String> gold, Collection<String> predicted) {
    Set<String> g = new TreeSet<>(gold);
    Set<String> p = new TreeSet<>(predicted);
    for (String c : p) {
      cell(c)[g.contains(c) ? 0 : 1]++;
    }
    for (String c : g) {
      if (!p.contains(c)) {
        cell(c)[2]++;
      }
    }
    users++;
    if (g.equals(p)) {
      exact++;
    }
  }

  private long[] cell(String c) {
    return perCategory.computeIfAbsent(c, k -> new long[3]);
  }

  /** Writes the counts into {@code out} under {@code prefix} (e.g. {@code interest.ours}), adding to what is there. */
  public void writeTo(String prefix, Map<String, Long> out) {
    out.merge(prefix + ".users", users, Long::sum);
    out.merge(prefix + ".exact", exact, Long::sum);
    perCategory.forEach((c, v) -> {
      out.merge(prefix + ".tp." + c, v[0], Long::sum);
      out.merge(prefix + ".fp." + c, v[1], Long::sum);
      out.merge(prefix + ".fn." + c, v[2], Long::sum);
    });
  }

  /** Reads counts written by {@link #writeTo} (summed over any number of writers). */
  public static MultiLabelCounts readFrom(String prefix, Map<String, Long> in) {
    MultiLabelCounts m = new MultiLabelCounts();
    String p = prefix + ".";
    in.forEach((k, v) -> {
      if (!k.startsWith(p)) {
        return;
      }
      String rest = k.substring(p.length());
      if (rest.equals("users")) {
        m.users += v;
      } else if (rest.equals("exact")) {
        m.exact += v;
      } else if (rest.startsWith("tp.")) {
        m.cell(rest.substring(3))[0] += v;
      } else if (rest.startsWith("fp.")) {
        m.cell(rest.substring(3))[1] += v;
      } else if (rest.startsWith("fn.")) {
        m.cell(rest.substring(3))[2] += v;
      }
    });
    return m;
  }

  public long users() {
    return users;
  }

  /** Share of users whose predicted set equals the gold set exactly. */
  public double exactSetAccuracy() {
    return Prf.ratio(exact, users);
  }

  /** Categories that were gold or predicted at least once, sorted. */
  public Set<String> categories() {
    Set<String> s = new TreeSet<>();
    perCategory.forEach((c, v) -> {
      if (v[0] + v[1] + v[2] > 0) {
        s.add(c);
      }
    });
    return s;
  }

  /** Precision/recall/F1 of one category (all zeros for an unknown one). */
  public Prf category(String c) {
    long[] v = perCategory.getOrDefault(c, new long[3]);
    return Prf.of(v[0], v[1], v[2]);
  }

  /** Pools the counts of every category, then computes P/R/F1. */
  public Prf micro() {
    long tp = 0, fp = 0, fn = 0;
    for (long[] v : perCategory.values()) {
      tp += v[0];
      fp += v[1];
      fn += v[2];
    }
    return Prf.of(tp, fp, fn);
  }

  /** Unweighted mean over {@link #categories()} of per-category P, R and F1 (F1 is the mean of F1s). */
  public Prf macro() {
    Set<String> cats = categories();
    if (cats.isEmpty()) {
      return new Prf(0, 0, 0, 0);
    }
    double p = 0, r = 0, f = 0;
    long support = 0;
    for (String c : cats) {
      Prf x = category(c);
      p += x.precision();
      r += x.recall();
      f += x.f1();
      support += x.support();
    }
    int n = cats.size();
    return new Prf(p / n, r / n, f / n, support);
  }
}
