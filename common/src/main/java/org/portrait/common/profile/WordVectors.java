package org.portrait.common.profile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Word vectors in GloVe text format ({@code word v1 ... vd}, one per line), held as one float array. */
public final class WordVectors {
  private final Map<String, Integer> index = new HashMap<>();
  private final int dim;
  private float[] data;

  public WordVectors(int dim) {
    if (dim <= 0) {
      throw new IllegalArgumentException("vector dimension must be positive");
    }
    this.dim = dim;
    this.data = new float[dim * 1024];
  }

  /** Reads GloVe text vectors; the dimension is taken from the first line, every line must agree. */
  public static WordVectors read(InputStream in) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    WordVectors v = null;
    String line;
    int lineNo = 0;
    while ((line = r.readLine()) != null) {
      lineNo++;
      String[] f = line.trim().split(" ");
      if (f.length < 2) {
        continue;
      }
      if (v == null) {
        v = new WordVectors(f.length - 1);
      }
      if (f.length - 1 != v.dim) {
        throw new IOException("vectors line " + lineNo + ": " + (f.length - 1) + " values, expected " + v.dim);
      }
      float[] x = new float[v.dim];
      for (int i = 0; i < v.dim; i++) {
        x[i] = Float.parseFloat(f[i + 1]);
      }
      v.put(f[0], x);
    }
    if (v == null) {
      throw new IOException("no vectors in input");
    }
    return v;
  }

  public void put(String word, float[] vector) {
    if (vector.length != dim) {
      throw new IllegalArgumentException("vector of " + vector.length + " values, expected " + dim);
    }
    Integer at = index.get(word);
    if (at == null) {
      at = index.size();
      index.put(word, at);
      if ((at + 1) * dim > data.length) {
        data = java.util.Arrays.copyOf(data, data.length * 2);
      }
    }
    System.arraycopy(vector, 0, data, at * dim, dim);
  }

  public int dim() {
    return dim;
  }

  public int size() {
    return index.size();
  }

  /** Row of {@code word} (use with {@link #addTo}), or -1 when the word has no vector. */
  public int row(String word) {
    Integer at = index.get(word);
    return at == null ? -1 : at;
  }

  /** {@code acc += w * vector(row)}. */
  public void addTo(double[] acc, int row, double w) {
    int off = row * dim;
    for (int i = 0; i < dim; i++) {
      acc[i] += w * data[off + i];
    }
  }
}
