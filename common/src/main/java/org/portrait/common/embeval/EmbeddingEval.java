package org.portrait.common.embeval;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Embedding quality, computed the way {@code shared/tools/eval_vectors.py} does: Spearman's rho (ties get
 * their average rank) between gold scores and cosines over the pairs whose two words have vectors, and 3CosAdd
 * analogy accuracy (argmax of cos(x, b - a + c) over all words except a, b, c) over the fully covered
 * questions; each with its coverage.
 */
public final class EmbeddingEval {
  /** Similarity sets and analogy sets looked for in an eval folder, in report order. */
  public static final List<String> SIMILARITY_SETS = List.of("wordsim-240.txt", "wordsim-297.txt", "COS960_all.txt");
  public static final List<String> ANALOGY_SETS = List.of("morphological.txt", "semantic.txt", "ca_translated.txt");

  private EmbeddingEval() {}

  /** One test set's score: rho for a similarity set, accuracy for an analogy set; NaN when too little is covered. */
  public static final class Result {
    public final String set;
    public final String metric;
    public final double score;
    public final int covered;
    public final int total;

    public Result(String set, String metric, double score, int covered, int total) {
      this.set = set;
      this.metric = metric;
      this.score = score;
      this.covered = covered;
      this.total = total;
    }

    public double coverage() {
      return total == 0 ? 0 : (double) covered / total;
    }

    @Override
    public String toString() {
      return String.format("%s\t%s=%.4f\t%d/%d", set, metric, score, covered, total);
    }
  }

  /** Where test sets come from: the set's stream, or null when the folder has no such set. */
  @FunctionalInterface
  public interface SetSource {
    InputStream open(String name) throws IOException;
  }

  /** Evaluates every known set present in the local folder {@code evalDir}. */
  public static List<Result> evaluateDir(WordVectors v, File evalDir) throws IOException {
    return evaluate(v, name -> {
      File f = new File(evalDir, name);
      return f.isFile() ? Files.newInputStream(f.toPath()) : null;
    });
  }

  /** Evaluates every known set {@code source} has (on a cluster: a folder of the file system). */
  public static List<Result> evaluate(WordVectors v, SetSource source) throws IOException {
    List<Result> out = new ArrayList<>();
    for (String name : SIMILARITY_SETS) {
      InputStream in = source.open(name);
      if (in != null) {
        try (in) {
          out.add(similarity(v, name, in));
        }
      }
    }
    for (String name : ANALOGY_SETS) {
      InputStream in = source.open(name);
      if (in != null) {
        try (in) {
          out.add(analogy(v, name, in));
        }
      }
    }
    return out;
  }

  /** A similarity set: lines {@code w1 w2 score ...} (tab or space separated; extra columns ignored). */
  public static Result similarity(WordVectors v, String name, InputStream in) throws IOException {
    List<double[]> pairs = new ArrayList<>();
    int total = 0;
    for (String line : lines(in)) {
      String[] p = line.trim().split("\\s+");
      if (p.length < 3) {
        continue;
      }
      total++;
      int a = v.row(p[0]);
      int b = v.row(p[1]);
      if (a >= 0 && b >= 0) {
        pairs.add(new double[] {Double.parseDouble(p[2]), v.cosine(a, b)});
      }
    }
    double[] gold = new double[pairs.size()];
    double[] ours = new double[pairs.size()];
    for (int k = 0; k < gold.length; k++) {
      gold[k] = pairs.get(k)[0];
      ours[k] = pairs.get(k)[1];
    }
    double rho = gold.length > 2 ? spearman(gold, ours) : Double.NaN;
    return new Result(name, "rho", rho, gold.length, total);
  }

  /** An analogy set: {@code : section} lines, then {@code a b c d} questions. */
  public static Result analogy(WordVectors v, String name, InputStream in) throws IOException {
    int total = 0;
    int covered = 0;
    int right = 0;
    int dim = v.dim();
    float[] q = new float[dim];
    for (String line : lines(in)) {
      String[] p = line.trim().split("\\s+");
      if (p.length != 4 || line.startsWith(":")) {
        continue;
      }
      total++;
      int a = v.row(p[0]);
      int b = v.row(p[1]);
      int c = v.row(p[2]);
      int d = v.row(p[3]);
      if (a < 0 || b < 0 || c < 0 || d < 0) {
        continue;
      }
      covered++;
      for (int k = 0; k < dim; k++) {
        q[k] = v.unit(b, k) - v.unit(a, k) + v.unit(c, k);
      }
      int best = -1;
      float bestScore = Float.NEGATIVE_INFINITY;
      for (int r = 0; r < v.size(); r++) {
        if (r == a || r == b || r == c) {
          continue;
        }
        float s = v.dot(q, r);
        if (s > bestScore) {
          bestScore = s;
          best = r;
        }
      }
      if (best == d) {
        right++;
      }
    }
    return new Result(name, "acc", covered == 0 ? Double.NaN : (double) right / covered, covered, total);
  }

  /** Spearman's rho: Pearson correlation of the ranks, ties averaged. */
  public static double spearman(double[] a, double[] b) {
    return pearson(ranks(a), ranks(b));
  }

  /** Ranks from 0, tied values sharing the mean of their ranks. */
  public static double[] ranks(double[] x) {
    int n = x.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (p, q) -> Double.compare(x[p], x[q]));
    double[] r = new double[n];
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && x[order[j + 1]] == x[order[i]]) {
        j++;
      }
      double mean = (i + j) / 2.0;
      for (int k = i; k <= j; k++) {
        r[order[k]] = mean;
      }
      i = j + 1;
    }
    return r;
  }

  static double pearson(double[] a, double[] b) {
    int n = a.length;
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < n; i++) {
      ma += a[i];
      mb += b[i];
    }
    ma /= n;
    mb /= n;
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < n; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    return sab / Math.sqrt(saa * sbb);
  }

  private static List<String> lines(InputStream in) throws IOException {
    List<String> out = new ArrayList<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    while ((line = r.readLine()) != null) {
      out.add(line);
    }
    return out;
  }
}
