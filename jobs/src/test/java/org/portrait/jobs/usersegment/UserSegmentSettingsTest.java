package org.portrait.jobs.usersegment;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.Test;
import org.portrait.common.config.UserError;

/** Settings that would break k-anonymity or k-means are user errors naming the key and the value. */
public class UserSegmentSettingsTest {
  private static UserError refused(String key, String value) {
    Configuration conf = new Configuration(false);
    conf.set(key, value);
    // checked before the input is looked at: these paths need not exist
    return assertThrows(UserError.class,
        () -> UserSegmentDriver.run(conf, new Path("/nonexistent/P/user_profile"), new Path("/nonexistent/G")));
  }

  private static void assertNames(UserError e, String key, String value) {
    assertTrue(e.getMessage(), e.getMessage().contains(key));
    assertTrue(e.getMessage(), e.getMessage().contains(value));
    assertEquals("one line", -1, e.getMessage().indexOf('\n'));
  }

  @Test
  public void minSizeBelowTwoIsRefused() {
    assertNames(refused(UserSegmentDriver.MIN_SIZE, "1"), "portrait.segments.min-size", "1");
    assertNames(refused(UserSegmentDriver.MIN_SIZE, "0"), "portrait.segments.min-size", "0");
    assertNames(refused(UserSegmentDriver.MIN_SIZE, "-3"), "portrait.segments.min-size", "-3");
  }

  @Test
  public void kAndIterationsBelowOneAreRefused() {
    assertNames(refused(UserSegmentDriver.K, "0"), "portrait.segments.k", "0");
    assertNames(refused(UserSegmentDriver.ITERATIONS, "0"), "portrait.segments.iterations", "0");
    assertNames(refused(UserSegmentDriver.ITERATIONS, "-1"), "portrait.segments.iterations", "-1");
  }

  @Test
  public void notANumberIsRefused() {
    assertNames(refused(UserSegmentDriver.MIN_SIZE, "many"), "portrait.segments.min-size", "many");
  }

  @Test
  public void commandLineMinSizeOneExitsWithTwoAndOneLine() throws Exception {
    UserSegmentDriver tool = new UserSegmentDriver();
    tool.setConf(new Configuration(false));
    PrintStream err = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    int rc;
    try {
      rc = tool.run(new String[] {"--input", "/nonexistent/P", "--output", "/nonexistent/G", "--min-size", "1"});
    } finally {
      System.setErr(err);
    }
    String msg = buf.toString(StandardCharsets.UTF_8).trim();
    assertEquals(msg, 2, rc);
    assertTrue(msg, msg.contains("portrait.segments.min-size") && msg.contains("got 1"));
    assertEquals(msg, 1, msg.split("\n").length);
  }
}
