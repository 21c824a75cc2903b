package org.portrait.common.glove;

/**
 * The AdaGrad update of one co-occurrence entry, written so that C2 can vectorise it: flat float arrays, no
 * allocation, the dot product unrolled into four independent accumulators, and an element-wise update loop
 * without reductions. Semantics follow the reference: cost 0.5 f(x) diff^2, gradient components clipped to
 * [-clip, clip] and scaled by eta, step = g / sqrt(sum of earlier g^2); bias step fdiff / sqrt(sum).
 * An entry whose diff is not finite is skipped (counted by the caller), so non-finite values never enter W.
 * One instance per thread; not thread-safe itself (Hogwild or block-partitioned use is the caller's choice).
 */
public final class GloveKernel {
  private final GloveModel m;
  private final int dim;
  private final float eta;
  private final float clip;
  /** Entries skipped because their diff was NaN or infinite. */
  public long skipped;

  public GloveKernel(GloveModel model, GloveParams p) {
    this.m = model;
    this.dim = model.dim;
    this.eta = p.eta;
    this.clip = p.clip;
  }

  /**
   * Trains over entries {@code [from, to)} of the given arrays (row, column, log x, f(x)) in order;
   * returns the summed cost of those entries measured before each update.
   */
  public double train(int[] row, int[] col, float[] logx, float[] fx, int from, int to) {
    final float[] w = m.w;
    final float[] c = m.c;
    final float[] gw = m.gw;
    final float[] gc = m.gc;
    final float[] bw = m.bw;
    final float[] bc = m.bc;
    final float[] gbw = m.gbw;
    final float[] gbc = m.gbc;
    final int d = dim;
    final float eta = this.eta;
    final float clip = this.clip;
    double cost = 0;
    for (int e = from; e < to; e++) {
      final int i = row[e];
      final int j = col[e];
      final int a = i * d;
      final int b = j * d;
      float s0 = 0f;
      float s1 = 0f;
      float s2 = 0f;
      float s3 = 0f;
      int k = 0;
      for (; k + 3 < d; k += 4) {
        s0 += w[a + k] * c[b + k];
        s1 += w[a + k + 1] * c[b + k + 1];
        s2 += w[a + k + 2] * c[b + k + 2];
        s3 += w[a + k + 3] * c[b + k + 3];
      }
      for (; k < d; k++) {
        s0 += w[a + k] * c[b + k];
      }
      final float diff = (s0 + s1) + (s2 + s3) + bw[i] + bc[j] - logx[e];
      final float fdiff = fx[e] * diff;
      if (!Float.isFinite(diff) || !Float.isFinite(fdiff)) {
        skipped++;
        continue;
      }
      cost += 0.5 * fdiff * diff;
      update(w, c, gw, gc, a, b, d, fdiff, eta, clip);
      final float gb = Math.max(-clip, Math.min(clip, fdiff));
      bw[i] -= gb / (float) Math.sqrt(gbw[i]);
      bc[j] -= gb / (float) Math.sqrt(gbc[j]);
      gbw[i] += gb * gb;
      gbc[j] += gb * gb;
    }
    return cost;
  }

  /** The element-wise vector update: a loop C2's superword pass turns into SIMD. */
  private static void update(float[] w, float[] c, float[] gw, float[] gc, int a, int b, int d, float fdiff,
      float eta, float clip) {
    for (int k = 0; k < d; k++) {
      final float wk = w[a + k];
      final float ck = c[b + k];
      final float g1 = Math.max(-clip, Math.min(clip, fdiff * ck)) * eta;
      final float g2 = Math.max(-clip, Math.min(clip, fdiff * wk)) * eta;
      w[a + k] = wk - g1 / (float) Math.sqrt(gw[a + k]);
      c[b + k] = ck - g2 / (float) Math.sqrt(gc[b + k]);
      gw[a + k] += g1 * g1;
      gc[b + k] += g2 * g2;
    }
  }

  /** Cost of the entries without updating anything (for tests and checks). */
  public static double cost(GloveModel m, int[] row, int[] col, float[] logx, float[] fx, int from, int to) {
    double cost = 0;
    int d = m.dim;
    for (int e = from; e < to; e++) {
      double dot = 0;
      for (int k = 0; k < d; k++) {
        dot += m.w[row[e] * d + k] * m.c[col[e] * d + k];
      }
      double diff = dot + m.bw[row[e]] + m.bc[col[e]] - logx[e];
      cost += 0.5 * fx[e] * diff * diff;
    }
    return cost;
  }
}
