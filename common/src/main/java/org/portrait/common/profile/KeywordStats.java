package org.portrait.common.profile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How generic each keyword-eligible term is, measured on the training reviews: for a term, the rate of reviews
 * containing it in each category ({@code df(w,c) / N_c}, so category size does not matter), smoothed towards
 * uniform by {@link #SMOOTHING} reviews' worth, gives a category distribution; its specificity is
 * {@code 1 - entropy / ln(K)} (1: one category only, 0: spread evenly, like 买 or 京东), and its top category is
 * the distribution's argmax. Without categories (or a single one) every term has specificity 1 and no top
 * category: only IDF then separates generic words. Terms not seen in training get specificity 0 (nothing shows
 * they are topical). Stored with the model as {@code term<TAB>specificity<TAB>top category}.
 */
public final class KeywordStats {
  /** Pseudo-reviews spread over the categories: a term seen in a handful of reviews is not yet topical. */
  public static final double SMOOTHING = 3.0;

  private final Map<String, Float> specificity;
  private final Map<String, String> top;
  private final boolean categorised;

  private KeywordStats(Map<String, Float> specificity, Map<String, String> top, boolean categorised) {
    this.specificity = specificity;
    this.top = top;
    this.categorised = categorised;
  }

  /** Specificity in [0, 1] (see the class comment). */
  public double specificity(String term) {
    if (!categorised) {
      return 1.0;
    }
    Float s = specificity.get(term);
    return s == null ? 0.0 : s;
  }

  /** The category the term's distribution points to, or null (unseen, or no categories). */
  public String topCategory(String term) {
    return top.get(term);
  }

  /** Terms held. */
  public int size() {
    return specificity.size();
  }

  /** Accumulates training reviews: categories per review and, per term, reviews containing it per category. */
  public static final class Builder {
    private final Map<String, Integer> categoryIds = new TreeMap<>();
    private final Map<String, long[]> counts = new HashMap<>();
    private long[] reviews = new long[0];

    /** One review; reviews without a category are ignored (they say nothing about spread). */
    public void add(CharSequence category, Iterable<? extends CharSequence> tokens) {
      if (category == null || category.length() == 0) {
        return;
      }
      int c = categoryIds.computeIfAbsent(category.toString(), k -> categoryIds.size());
      if (c >= reviews.length) {
        reviews = java.util.Arrays.copyOf(reviews, c + 1);
      }
      reviews[c]++;
      Set<String> seen = new HashSet<>();
      for (CharSequence cs : tokens) {
        String t = cs.toString();
        if (Keywords.eligible(t) && seen.add(t)) {
          long[] n = counts.get(t);
          if (n == null || n.length <= c) {
            n = n == null ? new long[c + 1] : java.util.Arrays.copyOf(n, c + 1);
            counts.put(t, n);
          }
          n[c]++;
        }
      }
    }

    /**
     * The categories seen, with seed terms chosen from these reviews ({@link SeedTerms}), or null without
     * categories: what profiles are matched against when the taxonomy does not know the data's categories.
     */
    public InterestTaxonomy seedTaxonomy(int perCategory) {
      if (categoryIds.isEmpty()) {
        return null;
      }
      String[] names = new String[categoryIds.size()];
      categoryIds.forEach((name, id) -> names[id] = name);
      // in name order, so the file does not depend on the order reviews arrive in
      Map<String, List<String>> seeds = new TreeMap<>(SeedTerms.select(names, reviews, counts, perCategory));
      // a category with no term of its own is matched by its name (the taxonomy format needs one term)
      seeds.replaceAll((c, terms) -> terms.isEmpty() ? List.of(c) : terms);
      return InterestTaxonomy.of(seeds);
    }

    public KeywordStats build() {
      int k = categoryIds.size();
      String[] names = new String[k];
      categoryIds.forEach((name, id) -> names[id] = name);
      Map<String, Float> spec = new HashMap<>();
      Map<String, String> top = new HashMap<>();
      if (k < 2) {
        return new KeywordStats(spec, top, false);
      }
      long total = 0;
      for (long r : reviews) {
        total += r;
      }
      double[] p = new double[k];
      for (Map.Entry<String, long[]> e : counts.entrySet()) {
        long[] n = e.getValue();
        long df = 0;
        for (long x : n) {
          df += x;
        }
        double sum = 0;
        int best = 0;
        for (int c = 0; c < k; c++) {
          double nc = c < n.length ? n[c] : 0;
          // rate in the category plus the smoothing reviews spread in proportion to category size
          p[c] = (nc + SMOOTHING * reviews[c] / total) / reviews[c];
          sum += p[c];
          if (p[c] > p[best] || (p[c] == p[best] && names[c].compareTo(names[best]) < 0)) {
            best = c;
          }
        }
        double h = 0;
        for (int c = 0; c < k; c++) {
          double q = p[c] / sum;
          h -= q > 0 ? q * Math.log(q) : 0;
        }
        spec.put(e.getKey(), (float) Math.max(0, 1 - h / Math.log(k)));
        if (df > 0) {
          top.put(e.getKey(), names[best]);
        }
      }
      return new KeywordStats(spec, top, true);
    }
  }

  /** Writes the stats (sorted by term, so the file is reproducible). */
  public void write(OutputStream out) throws IOException {
    StringBuilder sb = new StringBuilder("#categorised\t").append(categorised).append('\n');
    new TreeMap<>(specificity).forEach((t, s) -> sb.append(t).append('\t').append(s).append('\t')
        .append(top.getOrDefault(t, "")).append('\n'));
    out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  public static KeywordStats read(InputStream in) throws IOException {
    Map<String, Float> spec = new HashMap<>();
    Map<String, String> top = new HashMap<>();
    boolean categorised = true;
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int no = 0;
    while ((line = r.readLine()) != null) {
      no++;
      String[] f = line.split("\t", -1);
      if (line.startsWith("#categorised\t")) {
        categorised = Boolean.parseBoolean(f[1]);
        continue;
      }
      if (f.length != 3) {
        throw new IOException("keyword stats line " + no + ": expected term, specificity, category");
      }
      spec.put(f[0], Float.parseFloat(f[1]));
      if (!f[2].isEmpty()) {
        top.put(f[0], f[2]);
      }
    }
    return new KeywordStats(spec, top, categorised);
  }
}
