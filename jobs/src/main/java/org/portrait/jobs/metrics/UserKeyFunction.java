package org.portrait.jobs.metrics;

import org.portrait.common.config.UserError;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.portrait.common.privacy.PseudonymKey;
import org.portrait.common.privacy.Pseudonymizer;

/**
 * Maps a raw user id of truth.csv to the pseudonymised user key the pipeline uses, so truth joins profiles.
 * The implementation is a class named by {@value #CLASS_KEY}, with a public constructor taking a
 * {@link Configuration} (or none); the default is {@link Hmac}, the ingest job's own pseudonymiser.
 */
public interface UserKeyFunction {
  /** Class implementing this interface. Default: {@code org.portrait.jobs.metrics.UserKeyFunction$Hmac}. */
  String CLASS_KEY = "portrait.metrics.user-key.class";
  /** Key of the HMAC secret, shared with the ingest job (read through Hadoop's credential providers). */
  String PSEUDONYM_KEY = PseudonymKey.KEY;

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
      throw new UserError(CLASS_KEY + ": cannot create a UserKeyFunction from " + c.getName(), e);
    }
  }

  /** The raw id unchanged (for inputs whose ids were never pseudonymised). */
  final class Identity implements UserKeyFunction {
    @Override
    public String userKey(String rawId) {
      return rawId;
    }
  }

  /** The ingest job's pseudonymiser (HMAC-SHA256 hex under {@link PseudonymKey}), so truth joins profiles. */
  final class Hmac implements UserKeyFunction {
    private final Pseudonymizer pseudonymizer;

    public Hmac(Configuration conf) {
      try {
        pseudonymizer = PseudonymKey.resolve(conf).pseudonymizer();
      } catch (IOException e) {
        throw new UserError("cannot read " + PSEUDONYM_KEY + ": " + e.getMessage(), e);
      }
    }

    @Override
    public String userKey(String rawId) {
      return pseudonymizer.pseudonym(rawId);
    }
  }
}
