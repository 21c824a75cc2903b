package org.portrait.jobs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;
import org.junit.Test;
import org.portrait.common.config.UserError;

/** Exit codes and messages of every command: user mistakes are one line and 2, internal failures 1 with cause. */
public class PortraitToolTest {

  /** A command that fails the way it is told to, and records the setting it saw. */
  static final class Probe extends PortraitTool {
    final RuntimeException failure;
    String seen;

    Probe(RuntimeException failure) {
      this.failure = failure;
    }

    @Override
    public String command() {
      return "probe";
    }

    @Override
    public String usage() {
      return "probe --input X";
    }

    @Override
    protected List<String> options() {
      return List.of("input");
    }

    @Override
    protected int run(CliArgs args) {
      seen = getConf().get("portrait.vocab.min-count");
      if (failure != null) {
        throw failure;
      }
      return 0;
    }
  }

  private static Object[] run(Probe tool, String... args) throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream old = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int rc = ToolRunner.run(new Configuration(), tool, args);
      return new Object[] {rc, err.toString(StandardCharsets.UTF_8)};
    } finally {
      System.setErr(old);
    }
  }

  @Test
  public void userErrorIsOneLineAndExitTwo() throws Exception {
    Object[] r = run(new Probe(new UserError("--input x: not found")), "--input", "x");
    assertEquals(2, r[0]);
    assertEquals("probe: --input x: not found", r[1].toString().trim());
  }

  @Test
  public void otherIllegalArgumentIsAnInternalErrorWithItsCause() throws Exception {
    // Hadoop reports a path on the wrong file system as an IllegalArgumentException: not a usage mistake.
    RuntimeException wrongFs = new RuntimeException("stage failed",
        new IllegalArgumentException("Wrong FS: hdfs://nn/x, expected: file:///"));
    Object[] r = run(new Probe(wrongFs), "--input", "x");
    assertEquals(1, r[0]);
    String msg = r[1].toString().trim();
    assertTrue(msg, msg.startsWith("probe: internal error: RuntimeException: stage failed; caused by"));
    assertTrue(msg, msg.contains("Wrong FS: hdfs://nn/x"));
    assertFalse("one line, no trace: " + msg, msg.contains("\n"));
  }

  @Test
  public void settingIsHonouredWhereverItStands() throws Exception {
    for (String[] args : new String[][] {
        {"-D", "portrait.vocab.min-count=7", "--input", "x"},
        {"--input", "x", "-D", "portrait.vocab.min-count=7"},
        {"--input", "x", "-Dportrait.vocab.min-count=7"}}) {
      Probe p = new Probe(null);
      Object[] r = run(p, args);
      assertEquals(String.join(" ", args) + ": " + r[1], 0, r[0]);
      assertEquals(String.join(" ", args), "7", p.seen);
    }
  }

  @Test
  public void strayArgumentsAndMisplacedGenericOptionsAreRefused() throws Exception {
    Object[] r = run(new Probe(null), "--input", "x", "extra");
    assertEquals(2, r[0]);
    assertTrue(r[1].toString(), r[1].toString().startsWith("probe: unexpected argument 'extra'"));
    r = run(new Probe(null), "--input", "x", "-conf", "site.xml");
    assertEquals(2, r[0]);
    assertTrue(r[1].toString(), r[1].toString().contains("-conf must come before the command's options"));
    r = run(new Probe(null), "--input", "x", "-D");
    assertEquals(2, r[0]);
    r = run(new Probe(null), "--input", "x", "-D", "novalue");
    assertEquals(2, r[0]);
    assertTrue(r[1].toString(), r[1].toString().contains("expected key=value"));
  }
}
