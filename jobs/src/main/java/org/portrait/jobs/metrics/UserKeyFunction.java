package org.portrait.jobs.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.hadoop.conf.Configuration;

/**
 * Maps a raw user id of truth.csv to the pseudonymised user key the pipeline uses, so truth joins profiles.
 * The implementation is a class named by {@value #CLASS_KEY}, with a public constructor taking a
 * {@link Configuration} (or none); the default is {@link Hmac}, which must produce exactly what the ingest
 * job's pseudonymiser produces.
 */
public interface UserKeyFunction {
  /** Class implementing this interface. Default: {@code org.portrait.jobs.metrics.UserKeyFunction$Hmac}. */
  String CLASS_KEY = "portrait.metrics.user-key.class";
  /** Key of the HMAC secret, shared with the ingest job (read through Hadoop's credential providers). */
  String PSEUDONYM_KEY = "portrait.ingest.pseudonym.key";
  /** Development secret used when none is configured; must equal the ingest job's built-in one. */
  String DEV_KEY = "portrait-dev-pseudonym-key";

  String userKey(String rawId);

  /** The configured function. */
  static UserKeyFunction fromConf(Configuration conf) {
    Class<?> c = conf.getClass(CLASS_KEY, Hmac.class);
    try {
      try {
        return (UserKeyFunction) c.getConstructor(Configuration.class).newInstance(conf);
      } catch (NoSuchMethodException e) {
        return (UserKeyFunction) c.getConstructor().newInstance();
      }
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalArgumentException(CLASS_KEY + ": cannot create a UserKeyFunction from " + c.getName(), e);
    }
  }

  /** The raw id unchanged (for inputs whose ids were never pseudonymised). */
  final class Identity implements UserKeyFunction {
    @Override
    public String userKey(String rawId) {
      return rawId;
    }
  }

  /** Lower-case hex HMAC-SHA256 of the raw id under the pseudonym secret. */
  final class Hmac implements UserKeyFunction {
    private final Mac mac;

    public Hmac(Configuration conf) {
      String secret;
      try {
        char[] p = conf.getPassword(PSEUDONYM_KEY);
        secret = p == null ? DEV_KEY : new String(p);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read " + PSEUDONYM_KEY + ": " + e.getMessage(), e);
      }
      try {
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 unavailable", e);
      }
    }

    @Override
    public String userKey(String rawId) {
      byte[] d = mac.doFinal(rawId.getBytes(StandardCharsets.UTF_8));
      StringBuilder b = new StringBuilder(d.length * 2);
      for (byte x : d) {
        b.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
      }
      return b.toString();
    }
  }
}
