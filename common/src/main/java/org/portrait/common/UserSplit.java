package org.portrait.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Train/test assignment of a user: a stable hash of the raw user id, so the generator's truth file and the
 * pipeline agree without sharing state, and a rerun never moves a user across the split.
 */
public final class UserSplit {
  public static final String TRAIN = "train";
  public static final String TEST = "test";
  /** Default share of users held out for testing. */
  public static final double DEFAULT_TEST_SHARE = 0.3;

  private UserSplit() {}

  /** "test" for about {@code testShare} of user ids, else "train". */
  public static String of(String rawUserId, double testShare) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256")
          .digest(("portrait-split:" + rawUserId).getBytes(StandardCharsets.UTF_8));
      long v = ((d[0] & 0xffL) << 24) | ((d[1] & 0xffL) << 16) | ((d[2] & 0xffL) << 8) | (d[3] & 0xffL);
      double u = v / (double) (1L << 32);
      return u < testShare ? TEST : TRAIN;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
