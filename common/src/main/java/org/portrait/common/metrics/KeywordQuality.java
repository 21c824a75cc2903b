package org.portrait.common.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.portrait.common.profile.KeywordStats;
import org.portrait.common.profile.Keywords;

/**
 * Keyword quality of test users, additive over reducers: of each user's top {@link #K} keywords, how many are
 * <em>topical</em> (the term's category distribution over the training reviews, {@link KeywordStats}, points to
 * one of the user's true interests) and how many are <em>supported</em> (found in at least two of the user's
 * reviews). Also the plain TF-IDF top-K of a user's tokens, the baseline keywords are compared with.
 */
public final class KeywordQuality {
  /** Keywords scored per user. */
  public static final int K = 5;

  private long users;
  private long keywords;
  private long topical;
  private long supported;

  /** Adds one user: their keywords in rank order (only the first K count), true interests and reviews' tokens. */
  public void add(List<String> ranked, Collection<String> gold, List<? extends Collection<String>> reviews,
      KeywordStats stats) {
    users++;
    Map<String, Integer> support = new HashMap<>();
    for (Collection<String> r : reviews) {
      new HashSet<>(r).forEach(t -> support.merge(t, 1, Integer::sum));
    }
    for (String t : ranked.subList(0, Math.min(K, ranked.size()))) {
      keywords++;
      String c = stats.topCategory(t);
      if (c != null && gold.contains(c)) {
        topical++;
      }
      if (support.getOrDefault(t, 0) >= 2) {
        supported++;
      }
    }
  }

  /** The top K keyword-eligible terms of the user's tokens by tf · idf (ties: the smaller term). */
  public static List<String> tfidfTop(List<? extends Collection<String>> reviews, ToDoubleFunction<String> idf) {
    Map<String, Integer> tf = new HashMap<>();
    for (Collection<String> r : reviews) {
      for (String t : r) {
        if (Keywords.eligible(t)) {
          tf.merge(t, 1, Integer::sum);
        }
      }
    }
    List<Map.Entry<String, Double>> w = new ArrayList<>();
    tf.forEach((t, n) -> {
      double x = n * idf.applyAsDouble(t);
      if (x > 0) {
        w.add(Map.entry(t, x));
      }
    });
    w.sort((a, b) -> !a.getValue().equals(b.getValue()) ? Double.compare(b.getValue(), a.getValue())
        : a.getKey().compareTo(b.getKey()));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < Math.min(K, w.size()); i++) {
      out.add(w.get(i).getKey());
    }
    return out;
  }

  public void writeTo(String prefix, Map<String, Long> out) {
    out.merge(prefix + ".users", users, Long::sum);
    out.merge(prefix + ".keywords", keywords, Long::sum);
    out.merge(prefix + ".topical", topical, Long::sum);
    out.merge(prefix + ".supported", supported, Long::sum);
  }

  /**
   * Figures {@code <metric>keywords.topicality_at_5}, {@code support_at_5}, {@code per_user_at_5} from counts
   * written under {@code prefix}; none when no user was scored.
   */
  static void rows(String prefix, String metric, Map<String, Long> counts, List<MetricRow> out) {
    long u = counts.getOrDefault(prefix + ".users", 0L);
    long n = counts.getOrDefault(prefix + ".keywords", 0L);
    if (u == 0) {
      return;
    }
    String p = metric + "keywords.";
    out.add(new MetricRow(p + "users", MetricRow.ALL, u));
    out.add(new MetricRow(p + "per_user_at_" + K, MetricRow.ALL, n / (double) u));
    out.add(new MetricRow(p + "topicality_at_" + K, MetricRow.ALL,
        n == 0 ? 0 : counts.getOrDefault(prefix + ".topical", 0L) / (double) n));
    out.add(new MetricRow(p + "support_at_" + K, MetricRow.ALL,
        n == 0 ? 0 : counts.getOrDefault(prefix + ".supported", 0L) / (double) n));
  }
}
