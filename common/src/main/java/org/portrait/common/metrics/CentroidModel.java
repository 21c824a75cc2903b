package org.portrait.common.metrics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The TF-IDF nearest-centroid baseline (no embeddings). Built in one pass over TRAIN reviews: document
 * frequency per term over reviews, and term counts per gold category. A category's centroid is its summed
 * counts weighted {@code log(1+tf)·idf}, L2-normalised; a user is scored by the cosine between the same
 * weighting of all of the user's tokens and each centroid. {@code idf = ln(N/df) + 1}; terms in fewer than
 * {@code minDf} training reviews are ignored (typos and ids would otherwise look distinctive).
 */
public final class CentroidModel {
  private final Map<String, Double> idf;
  private final Map<String, Map<String, Double>> centroids;

  private CentroidModel(Map<String, Double> idf, Map<String, Map<String, Double>> centroids) {
    this.idf = idf;
    this.centroids = centroids;
  }

  /** Accumulates training reviews. */
  public static final class Builder {
    private final int minDf;
    private long docs;
    private final Map<String, Integer> df = new HashMap<>();
    private final Map<String, Map<String, Integer>> counts = new TreeMap<>();

    public Builder(int minDf) {
      this.minDf = minDf;
    }

    /** One training review with its gold category (reviews without a category still count for idf). */
    public void add(String category, Iterable<? extends CharSequence> tokens) {
      docs++;
      Map<String, Integer> tf = new HashMap<>();
      for (CharSequence t : tokens) {
        tf.merge(t.toString(), 1, Integer::sum);
      }
      tf.keySet().forEach(t -> df.merge(t, 1, Integer::sum));
      if (category != null && !category.isEmpty()) {
        Map<String, Integer> c = counts.computeIfAbsent(category, k -> new HashMap<>());
        tf.forEach((t, n) -> c.merge(t, n, Integer::sum));
      }
    }

    public CentroidModel build() {
      Map<String, Double> idf = new HashMap<>();
      df.forEach((t, n) -> {
        if (n >= minDf) {
          idf.put(t, Math.log((double) docs / n) + 1.0);
        }
      });
      Map<String, Map<String, Double>> centroids = new TreeMap<>();
      counts.forEach((cat, tf) -> centroids.put(cat, weigh(tf, idf)));
      return new CentroidModel(idf, centroids);
    }
  }

  /** {@code log(1+tf)·idf} over terms with an idf, L2-normalised. */
  static Map<String, Double> weigh(Map<String, Integer> tf, Map<String, Double> idf) {
    Map<String, Double> v = new HashMap<>();
    double norm = 0;
    for (Map.Entry<String, Integer> e : tf.entrySet()) {
      Double w = idf.get(e.getKey());
      if (w != null) {
        double x = Math.log1p(e.getValue()) * w;
        v.put(e.getKey(), x);
        norm += x * x;
      }
    }
    if (norm > 0) {
      double n = Math.sqrt(norm);
      v.replaceAll((k, x) -> x / n);
    }
    return v;
  }

  /** IDF of a term over the training reviews; 0 for a term in fewer than minDf of them. */
  public double idf(String term) {
    return idf.getOrDefault(term, 0.0);
  }

  public Map<String, Map<String, Double>> centroids() {
    return centroids;
  }

  /** Cosine between the user's tokens and every category centroid (0 when nothing overlaps). */
  public Map<String, Double> score(Iterable<? extends CharSequence> userTokens) {
    Map<String, Integer> tf = new HashMap<>();
    for (CharSequence t : userTokens) {
      tf.merge(t.toString(), 1, Integer::sum);
    }
    Map<String, Double> u = weigh(tf, idf);
    Map<String, Double> out = new TreeMap<>();
    centroids.forEach((cat, c) -> {
      double dot = 0;
      for (Map.Entry<String, Double> e : u.entrySet()) {
        Double w = c.get(e.getKey());
        if (w != null) {
          dot += w * e.getValue();
        }
      }
      out.put(cat, dot);
    });
    return out;
  }

  /** Plain text: {@code i<TAB>term<TAB>idf} and {@code c<TAB>category<TAB>term<TAB>weight} lines. */
  public void write(Writer out) throws IOException {
    for (Map.Entry<String, Double> e : idf.entrySet()) {
      out.write("i\t" + e.getKey() + "\t" + e.getValue() + "\n");
    }
    for (Map.Entry<String, Map<String, Double>> c : centroids.entrySet()) {
      for (Map.Entry<String, Double> e : c.getValue().entrySet()) {
        out.write("c\t" + c.getKey() + "\t" + e.getKey() + "\t" + e.getValue() + "\n");
      }
    }
  }

  public static CentroidModel read(BufferedReader in) throws IOException {
    Map<String, Double> idf = new HashMap<>();
    Map<String, Map<String, Double>> centroids = new TreeMap<>();
    String line;
    while ((line = in.readLine()) != null) {
      String[] f = line.split("\t", -1);
      if (f[0].equals("i") && f.length == 3) {
        idf.put(f[1], Double.parseDouble(f[2]));
      } else if (f[0].equals("c") && f.length == 4) {
        centroids.computeIfAbsent(f[1], k -> new HashMap<>()).put(f[2], Double.parseDouble(f[3]));
      } else if (!line.isEmpty()) {
        throw new IOException("bad centroid model line: " + line);
      }
    }
    return new CentroidModel(idf, centroids);
  }
}
