package org.portrait.jobs.models;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.portrait.jobs.cli.PortraitMain;

/** {@code portrait models ...} through the real entry point. */
public class ModelsCommandTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();
  private final Configuration conf = new Configuration();
  private Path root;
  private String out;
  private String err;

  @Before
  public void setUp() throws Exception {
    root = new Path(tmp.newFolder("work").getAbsolutePath());
  }

  private int run(String... args) throws Exception {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
    try {
      return PortraitMain.run(new Configuration(conf), args);
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
      out = o.toString(StandardCharsets.UTF_8);
      err = e.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  public void listShowsATableWithTheCurrentModelMarked() throws Exception {
    assertEquals(0, run("models", "list", "--work", root.toString()));
    assertEquals("no models registered\n", out);
    ModelFixtures.register(conf, root, "m-2026-10-01", 1, true);
    ModelFixtures.register(conf, root, "m-2026-10-02", 2, false);
    assertEquals(0, run("models", "promote", "m-2026-10-01", "--work", root.toString(), "--reason", "first"));
    assertEquals("promoted m-2026-10-01 (no model was current)\n", out);
    assertEquals(0, run("models", "list", "--work", root.toString()));
    assertEquals(String.join("\n",
        "   MODEL         CREATED               WINDOW                  VOCAB  ROUNDS  FINAL LOSS  GATES",
        "*  m-2026-10-01  2026-11-02T00:00:00Z  2026-10-01..2026-10-01  1001   3       0.2000      passed",
        "   m-2026-10-02  2026-11-03T00:00:00Z  2026-10-01..2026-10-02  1002   3       0.2000      FAILED",
        ""), out);
  }

  @Test
  public void showPrintsTheManifestAsPrettyJson() throws Exception {
    ModelFixtures.register(conf, root, "m1", 1, true);
    assertEquals(0, run("models", "show", "m1", "--work", root.toString()));
    assertTrue(out, out.startsWith("{\n  \"model_id\" : \"m1\",\n  \"created\" : \"2026-11-02T00:00:00Z\","));
    assertEquals("m1", ModelManifest.parse(out, "stdout").id());
  }

  @Test
  public void promoteForceAndRollbackFromTheCommandLine() throws Exception {
    ModelFixtures.register(conf, root, "m1", 1, true);
    ModelFixtures.register(conf, root, "m2", 2, false);
    run("models", "promote", "m1", "--work", root.toString());
    assertEquals(2, run("models", "promote", "m2", "--work", root.toString()));
    assertTrue(err, err.startsWith("models: model m2 failed its gates"));
    assertEquals(0, run("models", "promote", "m2", "--force", "--work", root.toString()));
    assertEquals("promoted m2 (was m1)\n", out);
    assertEquals(0, run("models", "rollback", "--work", root.toString()));
    assertEquals("rolled back to m1 (was m2)\n", out);
    assertEquals(Optional.of("m1"), ModelRegistry.current(conf, root));
  }

  @Test
  public void mistakesAreOneLineAndExitCode2() throws Exception {
    for (List<String> args : List.of(
        List.of("models", "frobnicate", "--work", root.toString()),
        List.of("models", "--work", root.toString()),
        List.of("models", "show", "--work", root.toString()),
        List.of("models", "rollback", "extra", "--work", root.toString()),
        List.of("models", "list", "--force", "--work", root.toString()),
        List.of("models", "list"),
        List.of("models", "promote", "nope", "--work", root.toString()))) {
      assertEquals(args.toString(), 2, run(args.toArray(new String[0])));
      assertTrue(args + ": " + err, err.startsWith("models: "));
      assertEquals(args + ": " + err, 1, err.split("\n").length);
    }
    run("models", "frobnicate", "--work", root.toString());
    assertEquals("models: unknown subcommand 'frobnicate' (subcommands: list, show, promote, rollback)\n", err);
  }
}
