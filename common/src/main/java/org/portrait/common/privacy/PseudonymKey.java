package org.portrait.common.privacy;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;

/**
 * Where the pseudonym key comes from: {@link Configuration#getPassword}, which looks in the Hadoop credential
 * providers named by {@code hadoop.security.credential.provider.path} first and then in the configuration
 * itself. When neither has it, the public {@link Pseudonymizer#DEVELOPMENT_KEY} is used and a warning printed.
 */
public final class PseudonymKey {
  /** Credential alias (or configuration key) of the HMAC key; default: none, i.e. the development key. */
  public static final String KEY = "portrait.ingest.pseudonym.key";

  private final String key;
  private final boolean development;

  private PseudonymKey(String key, boolean development) {
    this.key = key;
    this.development = development;
  }

  /** Resolves the key from {@code conf}. */
  public static PseudonymKey resolve(Configuration conf) throws IOException {
    char[] secret = conf.getPassword(KEY);
    if (secret == null || secret.length == 0) {
      return new PseudonymKey(Pseudonymizer.DEVELOPMENT_KEY, true);
    }
    return new PseudonymKey(new String(secret), false);
  }

  /** True when no key was configured and the public development key is in use. */
  public boolean isDevelopmentKey() {
    return development;
  }

  /** The warning to print when {@link #isDevelopmentKey()}. */
  public static String warning() {
    return "WARNING: no pseudonym key configured (" + KEY + " in a credential provider or the configuration);"
        + " using the public development key - user pseudonyms are NOT private";
  }

  public Pseudonymizer pseudonymizer() {
    return new Pseudonymizer(key);
  }
}
