package org.portrait.common.glove;

/**
 * The AdaGrad update of one co-occurrence entry, written so that C2 can vectorise it: interleaved row tables
 * (one word row and one context row, each holding vector, bias and their AdaGrad sums), no allocation, the dot product unrolled into four independent accumulators, and an element-wise update loop
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
    final float[] wt = m.wt;
    final float[] ct = m.ct;
    final int d = dim;
    final int h = m.half;
    final int stride = m.stride;
    final float eta = this.eta;
    final float clip = this.clip;
    double cost = 0;
    for (int e = from; e < to; e++) {
      final int a = row[e] * stride;
      final int b = col[e] * stride;
      float s0 = 0f;
      float s1 = 0f;
      float s2 = 0f;
      float s3 = 0f;
      int k = 0;
      for (; k + 3 < d; k += 4) {
        s0 += wt[a + k] * ct[b + k];
        s1 += wt[a + k + 1] * ct[b + k + 1];
        s2 += wt[a + k + 2] * ct[b + k + 2];
        s3 += wt[a + k + 3] * ct[b + k + 3];
      }
      for (; k < d; k++) {
        s0 += wt[a + k] * ct[b + k];
      }
      final float diff = (s0 + s1) + (s2 + s3) + wt[a + d] + ct[b + d] - logx[e];
      final float fdiff = fx[e] * diff;
      if (!Float.isFinite(diff) || !Float.isFinite(fdiff)) {
        skipped++;
        continue;
      }
      cost += 0.5 * fdiff * diff;
      update(wt, ct, a, b, h, d, fdiff, eta, clip);
      // Bias: the last parameter of each row's first half, its sum the last of the second half.
      final float gb = Math.max(-clip, Math.min(clip, fdiff));
      wt[a + d] -= gb / (float) Math.sqrt(wt[a + h + d]);
      ct[b + d] -= gb / (float) Math.sqrt(ct[b + h + d]);
      wt[a + h + d] += gb * gb;
      ct[b + h + d] += gb * gb;
    }
    return cost;
  }

  /** The element-wise vector update: a loop C2's superword pass turns into SIMD. */
  private static void update(float[] wt, float[] ct, int a, int b, int h, int d, float fdiff, float eta,
      float clip) {
    for (int k = 0; k < d; k++) {
      final float wk = wt[a + k];
      final float ck = ct[b + k];
      final float g1 = Math.max(-clip, Math.min(clip, fdiff * ck)) * eta;
      final float g2 = Math.max(-clip, Math.min(clip, fdiff * wk)) * eta;
      wt[a + k] = wk - g1 / (float) Math.sqrt(wt[a + h + k]);
      ct[b + k] = ck - g2 / (float) Math.sqrt(ct[b + h + k]);
      wt[a + h + k] += g1 * g1;
      ct[b + h + k] += g2 * g2;
    }
  }

  /** Cost of the entries without updating anything (for tests and checks). */
  public static double cost(GloveModel m, int[] row, int[] col, float[] logx, float[] fx, int from, int to) {
    double cost = 0;
    int d = m.dim;
    for (int e = from; e < to; e++) {
      int a = m.row(row[e]);
      int b = m.row(col[e]);
      double dot = 0;
      for (int k = 0; k < d; k++) {
        dot += m.wt[a + k] * m.ct[b + k];
      }
      double diff = dot + m.wt[a + d] + m.ct[b + d] - logx[e];
      cost += 0.5 * fx[e] * diff * diff;
    }
    return cost;
  }
}
