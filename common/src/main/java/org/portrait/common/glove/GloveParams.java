package org.portrait.common.glove;

import org.portrait.common.config.UserError;

/** The update rule's settings (reference defaults: x_max 10 here as DESIGN.md measured, alpha 0.75, eta 0.05, clip 100). */
public final class GloveParams {
  public final float xMax;
  public final float alpha;
  public final float eta;
  public final float clip;

  public GloveParams(double xMax, double alpha, double eta, double clip) {
    if (!(xMax > 0) || !(eta > 0) || !(clip > 0) || !(alpha >= 0)) {
      throw new UserError("x_max, eta and clip must be > 0 and alpha >= 0");
    }
    this.xMax = (float) xMax;
    this.alpha = (float) alpha;
    this.eta = (float) eta;
    this.clip = (float) clip;
  }

  /** The weighting f(x) = (x / x_max)^alpha below x_max, else 1. */
  public float weight(double x) {
    return x < xMax ? (float) Math.pow(x / xMax, alpha) : 1f;
  }
}
