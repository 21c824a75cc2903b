package org.portrait.common.privacy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.security.alias.CredentialProvider;
import org.apache.hadoop.security.alias.CredentialProviderFactory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class PseudonymizerTest {
  @Rule
  public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void matchesRfc4231TestCase2() {
    // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?".
    assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        new Pseudonymizer("Jefe").pseudonym("what do ya want for nothing?"));
  }

  @Test
  public void stableAndKeyed() {
    Pseudonymizer a = new Pseudonymizer("k1");
    assertEquals(a.pseudonym("u00001"), new Pseudonymizer("k1").pseudonym("u00001"));
    assertNotEquals(a.pseudonym("u00001"), new Pseudonymizer("k2").pseudonym("u00001"));
    assertEquals(64, a.pseudonym("用户").length());
  }

  @Test
  public void keyFromConfigurationOrDevelopmentDefault() throws Exception {
    Configuration conf = new Configuration(false);
    PseudonymKey dev = PseudonymKey.resolve(conf);
    assertTrue(dev.isDevelopmentKey());
    assertEquals(new Pseudonymizer(Pseudonymizer.DEVELOPMENT_KEY).pseudonym("x"), dev.pseudonymizer().pseudonym("x"));
    conf.set(PseudonymKey.KEY, "secret");
    PseudonymKey k = PseudonymKey.resolve(conf);
    assertFalse(k.isDevelopmentKey());
    assertEquals(new Pseudonymizer("secret").pseudonym("x"), k.pseudonymizer().pseudonym("x"));
  }

  @Test
  public void keyFromCredentialProvider() throws Exception {
    File store = new File(tmp.getRoot(), "keys.jceks");
    Configuration conf = new Configuration(false);
    conf.set(CredentialProviderFactory.CREDENTIAL_PROVIDER_PATH, "jceks://file" + store.getAbsolutePath());
    CredentialProvider p = CredentialProviderFactory.getProviders(conf).get(0);
    p.createCredentialEntry(PseudonymKey.KEY, "from-store".toCharArray());
    p.flush();
    PseudonymKey k = PseudonymKey.resolve(conf);
    assertFalse(k.isDevelopmentKey());
    assertEquals(new Pseudonymizer("from-store").pseudonym("u1"), k.pseudonymizer().pseudonym("u1"));
  }
}
