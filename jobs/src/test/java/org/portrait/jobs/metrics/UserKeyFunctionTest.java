package org.portrait.jobs.metrics;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import org.apache.hadoop.conf.Configuration;
import org.junit.Test;

public class UserKeyFunctionTest {
  @Test
  public void hmacMatchesAnIndependentImplementation() {
    // python3: hmac.new(key, b'user-1', hashlib.sha256).hexdigest()
    Configuration conf = new Configuration(false);
    assertEquals("413255fd23a2f23c6c46b006ccc5af87fc7109c42e3effc7a609bc1f9e2d9093",
        UserKeyFunction.fromConf(conf).userKey("user-1"));
    conf.set(UserKeyFunction.PSEUDONYM_KEY, "s3cret");
    assertEquals("8e6d6d439f86ee1bfe2a4d9ba3081c530a9dda2161c0ac814a747cb06c11f100",
        UserKeyFunction.fromConf(conf).userKey("user-1"));
  }

  @Test
  public void sameKeyAsTheIngestPseudonymizer() {
    Configuration conf = new Configuration(false);
    conf.set(UserKeyFunction.PSEUDONYM_KEY, "k");
    assertEquals(new org.portrait.common.privacy.Pseudonymizer("k").pseudonym("原始-id"),
        UserKeyFunction.fromConf(conf).userKey("原始-id"));
  }

  @Test
  public void pluggableImplementation() {
    Configuration conf = new Configuration(false);
    conf.set(UserKeyFunction.CLASS_KEY, UserKeyFunction.Identity.class.getName());
    assertEquals("user-1", UserKeyFunction.fromConf(conf).userKey("user-1"));
    conf.set(UserKeyFunction.CLASS_KEY, String.class.getName());
    try {
      UserKeyFunction.fromConf(conf);
      fail();
    } catch (IllegalArgumentException expected) {
      // not a UserKeyFunction: a clear configuration error
    }
  }
}
