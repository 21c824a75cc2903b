package org.portrait.jobs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.Test;

public class CliArgsTest {
  private static final List<String> KNOWN = List.of("input", "window", "split");

  @Test
  public void givenOptionsSetTheirKeysOthersKeepTheirValue() {
    CliArgs a = CliArgs.parse(new String[] {"--input", "in", "--window=7", "x"}, KNOWN, List.of("resume"));
    Configuration conf = new Configuration(false);
    conf.set("k.split", "from -D");
    a.copyTo(conf, "window", "k.window", "split", "k.split", "input", "k.input");
    assertEquals("7", conf.get("k.window"));
    assertEquals("in", conf.get("k.input"));
    assertEquals("an option not given leaves the key alone", "from -D", conf.get("k.split"));
    assertEquals(List.of("x"), a.positional());
    assertNull(a.get("resume", null));
  }

  @Test
  public void unknownOptionsAndMissingValuesAreClearErrors() {
    try {
      CliArgs.parse(new String[] {"--windw", "3"}, KNOWN, List.of());
      fail("unknown option accepted");
    } catch (IllegalArgumentException e) {
      assertTrue(e.getMessage().contains("--windw"));
    }
    try {
      CliArgs.parse(new String[] {"--window"}, KNOWN, List.of());
      fail("missing value accepted");
    } catch (IllegalArgumentException e) {
      assertTrue(e.getMessage().contains("needs a value"));
    }
    try {
      CliArgs.parse(new String[] {}, KNOWN, List.of()).require("input");
      fail("missing required option accepted");
    } catch (IllegalArgumentException e) {
      assertTrue(e.getMessage().contains("--input"));
    }
  }
}
