package org.portrait.common.profile;

/** Small dense-vector helpers used by profile scoring. */
public final class VectorMath {
  private VectorMath() {}

  /** The values as a boxed list (Avro arrays). */
  public static java.util.List<Double> toList(double[] a) {
    java.util.List<Double> out = new java.util.ArrayList<>(a.length);
    for (double x : a) {
      out.add(x);
    }
    return out;
  }

  public static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  public static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  /** Scales {@code a} to unit length in place; returns false (and leaves zeros) for a zero or non-finite vector. */
  public static boolean normalise(double[] a) {
    double n = norm(a);
    if (n == 0 || !Double.isFinite(n)) {
      java.util.Arrays.fill(a, 0);
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      a[i] /= n;
    }
    return true;
  }

  /** Cosine similarity; 0 when either vector is zero. */
  public static double cosine(double[] a, double[] b) {
    double na = norm(a);
    double nb = norm(b);
    return na == 0 || nb == 0 ? 0 : dot(a, b) / (na * nb);
  }

  /** Removes the projection on unit vector {@code u}: {@code a -= (a·u) u}. */
  public static void removeComponent(double[] a, double[] u) {
    double p = dot(a, u);
    for (int i = 0; i < a.length; i++) {
      a[i] -= p * u[i];
    }
  }

  /** Adds the outer product {@code v v^T} to the row-major d×d matrix {@code m}. */
  public static void addOuter(double[] m, double[] v) {
    int d = v.length;
    for (int i = 0; i < d; i++) {
      double vi = v[i];
      if (vi == 0) {
        continue;
      }
      for (int j = 0; j < d; j++) {
        m[i * d + j] += vi * v[j];
      }
    }
  }

  /**
   * First principal direction (top eigenvector) of the symmetric d×d matrix {@code m} by power iteration from a
   * fixed start, so the result is reproducible; sign chosen so the largest component is positive.
   */
  public static double[] topEigenvector(double[] m, int d, int iterations) {
    double[] v = new double[d];
    for (int i = 0; i < d; i++) {
      v[i] = 1.0 / Math.sqrt(d) + 1e-3 * ((i * 7919) % 13);
    }
    normalise(v);
    double[] next = new double[d];
    for (int it = 0; it < iterations; it++) {
      for (int i = 0; i < d; i++) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += m[i * d + j] * v[j];
        }
        next[i] = s;
      }
      if (!normalise(next)) {
        return new double[d];
      }
      double[] t = v;
      v = next;
      next = t;
    }
    int arg = 0;
    for (int i = 1; i < d; i++) {
      if (Math.abs(v[i]) > Math.abs(v[arg])) {
        arg = i;
      }
    }
    if (v[arg] < 0) {
      for (int i = 0; i < d; i++) {
        v[i] = -v[i];
      }
    }
    return v;
  }
}
