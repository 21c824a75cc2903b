package org.portrait.common.metrics;

import java.util.List;
import java.util.Random;

/**
 * Two-component PCA for the report's scatter plot: power iteration on the centred data (never forming the
 * covariance matrix), the second component found after deflating the first. Deterministic (seeded start).
 */
public final class Pca {
  private Pca() {}

  /** Projects {@code rows} (all of one dimension) onto their first two principal components: n x 2. */
  public static double[][] project2(List<float[]> rows) {
    int n = rows.size();
    if (n == 0) {
      return new double[0][2];
    }
    int d = rows.get(0).length;
    double[][] x = new double[n][d];
    double[] mean = new double[d];
    for (int i = 0; i < n; i++) {
      float[] r = rows.get(i);
      if (r.length != d) {
        throw new IllegalArgumentException("row " + i + " has dimension " + r.length + ", expected " + d);
      }
      for (int j = 0; j < d; j++) {
        x[i][j] = r[j];
        mean[j] += r[j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    for (double[] r : x) {
      for (int j = 0; j < d; j++) {
        r[j] -= mean[j];
      }
    }
    double[] c1 = component(x, null);
    double[] c2 = component(x, c1);
    double[][] out = new double[n][2];
    for (int i = 0; i < n; i++) {
      out[i][0] = dot(x[i], c1);
      out[i][1] = c2 == null ? 0 : dot(x[i], c2);
    }
    return out;
  }

  /** Leading eigenvector of X^T X, orthogonal to {@code exclude} when given. */
  static double[] component(double[][] x, double[] exclude) {
    int d = x[0].length;
    Random rnd = new Random(42);
    double[] v = new double[d];
    for (int j = 0; j < d; j++) {
      v[j] = rnd.nextGaussian();
    }
    orthogonalise(v, exclude);
    if (!normalise(v)) {
      return new double[d];
    }
    for (int it = 0; it < 300; it++) {
      double[] w = new double[d];
      for (double[] r : x) {
        double s = dot(r, v);
        for (int j = 0; j < d; j++) {
          w[j] += s * r[j];
        }
      }
      orthogonalise(w, exclude);
      if (!normalise(w)) {
        return new double[d]; // no variance left in this direction
      }
      double change = 0;
      for (int j = 0; j < d; j++) {
        change += Math.abs(w[j] - v[j]);
      }
      v = w;
      if (change < 1e-9) {
        break;
      }
    }
    return v;
  }

  private static void orthogonalise(double[] v, double[] u) {
    if (u != null) {
      double s = dot(v, u);
      for (int j = 0; j < v.length; j++) {
        v[j] -= s * u[j];
      }
    }
  }

  private static boolean normalise(double[] v) {
    double n = Math.sqrt(dot(v, v));
    if (n < 1e-12) {
      return false;
    }
    for (int j = 0; j < v.length; j++) {
      v[j] /= n;
    }
    return true;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += a[j] * b[j];
    }
    return s;
  }
}
