package org.portrait.common.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed terms of each category taken from the data, for categories a taxonomy does not know: a term's weighted
 * log-odds of occurring in a review of the category against the other categories' reviews, with an informative
 * Dirichlet prior (Monroe, Colaresi and Quinn 2008) scaled from the term's overall document frequency, divided by
 * its standard error. The z-score keeps rare terms from winning on one lucky review. With a single category
 * there is nothing to contrast: its seeds are its most frequent terms.
 */
public final class SeedTerms {
  /** Prior strength in pseudo-reviews (α0); the term's share of it is its overall review rate. */
  static final double PRIOR_REVIEWS = 100.0;
  /** Reviews of the category a seed must occur in. */
  static final long MIN_REVIEWS = 3;

  private SeedTerms() {}

  /**
   * @param names category names by id
   * @param reviews reviews per category id
   * @param counts per term, reviews containing it per category id (arrays may be shorter than names)
   * @param perCategory seeds kept per category
   * @return category → seeds, best first, in {@code names} order
   */
  public static Map<String, List<String>> select(String[] names, long[] reviews, Map<String, long[]> counts,
      int perCategory) {
    int k = names.length;
    long total = 0;
    for (long r : reviews) {
      total += r;
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (int c = 0; c < k; c++) {
      List<Map.Entry<String, Double>> scored = new ArrayList<>();
      for (Map.Entry<String, long[]> e : counts.entrySet()) {
        long[] n = e.getValue();
        long yc = c < n.length ? n[c] : 0;
        if (yc < MIN_REVIEWS) {
          continue;
        }
        long df = 0;
        for (long x : n) {
          df += x;
        }
        double score;
        if (k < 2) {
          score = yc;
        } else {
          double a = PRIOR_REVIEWS * df / total;
          long yo = df - yc;
          long nc = reviews[c];
          long no = total - nc;
          double delta = Math.log((yc + a) / (nc + PRIOR_REVIEWS - yc - a))
              - Math.log((yo + a) / (no + PRIOR_REVIEWS - yo - a));
          score = delta / Math.sqrt(1.0 / (yc + a) + 1.0 / (yo + a));
          if (score <= 0) {
            continue;
          }
        }
        scored.add(Map.entry(e.getKey(), score));
      }
      // ties by term so the seeds do not depend on hash order
      scored.sort((x, y) -> x.getValue().equals(y.getValue()) ? x.getKey().compareTo(y.getKey())
          : Double.compare(y.getValue(), x.getValue()));
      List<String> seeds = new ArrayList<>();
      for (int i = 0; i < Math.min(perCategory, scored.size()); i++) {
        seeds.add(scored.get(i).getKey());
      }
      out.put(names[c], seeds);
    }
    return out;
  }
}
