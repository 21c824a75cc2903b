package org.portrait.common.embeval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Unit-length word vectors loaded from the plain GloVe text format ({@code word v1 ... vd}, header lines skipped). */
public final class WordVectors {
  private final Map<String, Integer> index;
  private final List<String> words;
  private final float[] unit;
  private final int dim;

  public WordVectors(List<String> words, List<float[]> rows) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("no vectors");
    }
    this.dim = rows.get(0).length;
    this.words = new ArrayList<>(words);
    this.index = new HashMap<>(words.size() * 2);
    this.unit = new float[rows.size() * dim];
    for (int r = 0; r < rows.size(); r++) {
      float[] v = rows.get(r);
      if (v.length != dim) {
        throw new IllegalArgumentException("vector of '" + words.get(r) + "' has " + v.length + " values, not " + dim);
      }
      double sq = 0;
      for (float x : v) {
        sq += (double) x * x;
      }
      float norm = (float) Math.max(Math.sqrt(sq), 1e-12);
      for (int k = 0; k < dim; k++) {
        unit[r * dim + k] = v[k] / norm;
      }
      index.put(words.get(r), r); // a repeated word: the last row wins, as in eval_vectors.py
    }
  }

  /** Reads the GloVe text format; lines with fewer than 3 fields (e.g. a "N D" header) are skipped. */
  public static WordVectors read(InputStream in) throws IOException {
    List<String> words = new ArrayList<>();
    List<float[]> rows = new ArrayList<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int n = 0;
    while ((line = r.readLine()) != null) {
      n++;
      String[] p = line.split(" ");
      if (p.length < 3) {
        continue;
      }
      float[] v = new float[p.length - 1];
      try {
        for (int k = 1; k < p.length; k++) {
          v[k - 1] = Float.parseFloat(p[k]);
        }
      } catch (NumberFormatException e) {
        throw new IOException("vectors line " + n + ": not a number in '" + abbreviate(line) + "'");
      }
      words.add(p[0]);
      rows.add(v);
    }
    return new WordVectors(words, rows);
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }

  public int size() {
    return words.size();
  }

  public int dim() {
    return dim;
  }

  /** Row of {@code word}, or -1. */
  public int row(String word) {
    Integer r = index.get(word);
    return r == null ? -1 : r;
  }

  public String word(int row) {
    return words.get(row);
  }

  /** Cosine of two rows (dot of unit vectors). */
  public float cosine(int a, int b) {
    float s = 0;
    int oa = a * dim;
    int ob = b * dim;
    for (int k = 0; k < dim; k++) {
      s += unit[oa + k] * unit[ob + k];
    }
    return s;
  }

  /** Dot product of a query vector with row {@code r}. */
  public float dot(float[] q, int r) {
    float s = 0;
    int o = r * dim;
    for (int k = 0; k < dim; k++) {
      s += q[k] * unit[o + k];
    }
    return s;
  }

  /** Unit vector value {@code k} of row {@code r}. */
  public float unit(int r, int k) {
    return unit[r * dim + k];
  }

  /** The k rows most similar (cosine) to row {@code r}, best first, excluding r itself. */
  public int[] nearest(int r, int k) {
    float[] q = new float[dim];
    for (int d = 0; d < dim; d++) {
      q[d] = unit(r, d);
    }
    int n = Math.min(k, size() - 1);
    int[] best = new int[n];
    float[] score = new float[n];
    java.util.Arrays.fill(score, Float.NEGATIVE_INFINITY);
    java.util.Arrays.fill(best, -1);
    for (int o = 0; o < size(); o++) {
      if (o == r) {
        continue;
      }
      float s = dot(q, o);
      if (n == 0 || s <= score[n - 1]) {
        continue;
      }
      int pos = n - 1;
      while (pos > 0 && score[pos - 1] < s) {
        score[pos] = score[pos - 1];
        best[pos] = best[pos - 1];
        pos--;
      }
      score[pos] = s;
      best[pos] = o;
    }
    return best;
  }
}
