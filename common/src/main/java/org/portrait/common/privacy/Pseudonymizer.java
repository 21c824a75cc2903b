package org.portrait.common.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms of user ids: lower-case hex HMAC-SHA256 of the UTF-8 id. Without the key a pseudonym cannot
 * be linked back to the id (unlike a plain hash, which can be reversed by hashing candidate ids). Ingest and
 * metrics use the same key, so truth files keyed by raw ids map onto the pipeline's user keys.
 * Not thread-safe (one {@link Mac}); create one per thread or task.
 */
public final class Pseudonymizer {
  /**
   * Key used when none is configured: fine for the bundled sample and tests, worthless for privacy (it is
   * public). Its use is always announced with a warning.
   */
  public static final String DEVELOPMENT_KEY = "portrait-development-key-not-secret";

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private final Mac mac;

  public Pseudonymizer(byte[] key) {
    if (key == null || key.length == 0) {
      throw new IllegalArgumentException("pseudonym key is empty");
    }
    try {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  public Pseudonymizer(String key) {
    this(key == null ? null : key.getBytes(StandardCharsets.UTF_8));
  }

  /** The pseudonym of {@code rawUserId}: 64 hex characters. */
  public String pseudonym(String rawUserId) {
    byte[] d = mac.doFinal(rawUserId.getBytes(StandardCharsets.UTF_8));
    char[] out = new char[d.length * 2];
    for (int i = 0; i < d.length; i++) {
      out[2 * i] = HEX[(d[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[d[i] & 0xf];
    }
    return new String(out);
  }
}
