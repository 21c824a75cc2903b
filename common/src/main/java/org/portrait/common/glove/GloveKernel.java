package org.portrait.common.glove;

/**
 * The AdaGrad update of one co-occurrence entry: interleaved row tables (one word row and one context row,
 * each holding vector, bias and their AdaGrad sums), no allocation, the dot product unrolled into four
 * independent accumulators. The element-wise update runs on four per-thread scratch arrays indexed by k alone:
 * C2 (JDK 17) vectorises a loop only when every store has the same loop-invariant offset as the other accesses
 * (wt[a + k] next to wt[a + h + k] or ct[b + k] made it scalar, sqrt and division one lane at a time); the
 * copies in and out are cheap next to that. The arithmetic is unchanged, so results are bit-identical. Semantics follow the reference: cost 0.5 f(x) diff^2, gradient components clipped to
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
  /** Scratch copies of the current word row (parameters, sums) and context row; see the class comment. */
  private final float[] wp;
  private final float[] wg;
  private final float[] cp;
  private final float[] cg;

  public GloveKernel(GloveModel model, GloveParams p) {
    this.m = model;
    this.dim = model.dim;
    this.eta = p.eta;
    this.clip = p.clip;
    wp = new float[model.half];
    wg = new float[model.half];
    cp = new float[model.half];
    cg = new float[model.half];
  }

  /**
   * Trains over entries {@code [from, to)} of the given arrays (row, column, log x, f(x)) in order;
   * returns the summed cost of those entries measured before each update.
   */
  public double train(int[] row, int[] col, float[] logx, float[] fx, int from, int to) {
    final float[] wt = m.wt;
    final float[] ct = m.ct;
    final float[] wp = this.wp;
    final float[] wg = this.wg;
    final float[] cp = this.cp;
    final float[] cg = this.cg;
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
      System.arraycopy(wt, a, wp, 0, h);
      System.arraycopy(wt, a + h, wg, 0, h);
      System.arraycopy(ct, b, cp, 0, h);
      System.arraycopy(ct, b + h, cg, 0, h);
      update(wp, wg, cp, cg, d, fdiff, eta, clip);
      // Bias: the last parameter of each row's first half, its sum the last of the second half.
      final float gb = Math.max(-clip, Math.min(clip, fdiff));
      wp[d] -= gb / (float) Math.sqrt(wg[d]);
      cp[d] -= gb / (float) Math.sqrt(cg[d]);
      wg[d] += gb * gb;
      cg[d] += gb * gb;
      System.arraycopy(wp, 0, wt, a, h);
      System.arraycopy(wg, 0, wt, a + h, h);
      System.arraycopy(cp, 0, ct, b, h);
      System.arraycopy(cg, 0, ct, b + h, h);
    }
    return cost;
  }

  /** The element-wise vector update on the scratch rows: a loop C2's superword pass turns into SIMD. */
  private static void update(float[] wp, float[] wg, float[] cp, float[] cg, int d, float fdiff, float eta,
      float clip) {
    for (int k = 0; k < d; k++) {
      final float wk = wp[k];
      final float ck = cp[k];
      final float g1 = Math.max(-clip, Math.min(clip, fdiff * ck)) * eta;
      final float g2 = Math.max(-clip, Math.min(clip, fdiff * wk)) * eta;
      wp[k] = wk - g1 / (float) Math.sqrt(wg[k]);
      cp[k] = ck - g2 / (float) Math.sqrt(cg[k]);
      wg[k] += g1 * g1;
      cg[k] += g2 * g2;
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
