package org.portrait.jobs.pipeline;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.portrait.common.run.RunLock;
import org.portrait.jobs.cli.PortraitMain;

/**
 * A run is safe against bad arguments, a second run, reruns and skipped stages: validation before any work, one
 * lock per root and dt, publish of exactly the run's tables, byte-identical tables for the same input.
 */
public class PipelineSafetyTest {
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();
  private static File input;
  private static File truth;
  private static File gates;

  @BeforeClass
  public static void smallInput() throws Exception {
    File dir = TMP.newFolder("in");
    input = new File(dir, "reviews.csv");
    truth = new File(dir, "truth.csv");
    File sample = new File(System.getProperty("portrait.project.dir", ".."), "data/sample");
    try (BufferedReader in = Files.newBufferedReader(new File(sample, "reviews.csv").toPath(), StandardCharsets.UTF_8);
         Writer out = Files.newBufferedWriter(input.toPath(), StandardCharsets.UTF_8)) {
      String line;
      for (int n = 0; n <= 1000 && (line = in.readLine()) != null; n++) {
        out.write(line + "\n");
      }
    }
    Files.copy(new File(sample, "truth.csv").toPath(), truth.toPath());
    // A thousand reviews lose a third of their tokens to the vocabulary's min-count: lower the coverage floors.
    gates = new File(dir, "gates.properties");
    Files.writeString(gates.toPath(), "model.vocab-coverage.min=0.5\ndaily.in-vocab-share.min=0.4\n");
  }

  private static Configuration conf() {
    Configuration c = new Configuration();
    c.setInt("portrait.glove.rounds", 2);
    c.setInt("portrait.glove.dim", 16);
    c.setInt("portrait.segments.k", 3);
    c.setInt("portrait.segments.min-size", 3);
    c.set("portrait.gates.file", gates.getAbsolutePath());
    return c;
  }

  /** Runs a command through the jar's entry point; returns exit code and what it printed. */
  private static Object[] cli(Configuration conf, String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    try {
      int rc = PortraitMain.run(conf, args);
      return new Object[] {rc, out.toString(StandardCharsets.UTF_8)};
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
  }

  private static int run(File work, String truthFile, String... extra) throws Exception {
    PipelineLayout layout = new PipelineLayout(new Path(work.getAbsolutePath()), input.getAbsolutePath(), truthFile,
        null, null, "2026-01-02");
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    int rc = PipelineDriver.run(conf(), layout, null, null, new PrintStream(progress, true, StandardCharsets.UTF_8));
    assertEquals(progress.toString(StandardCharsets.UTF_8), 0, rc);
    return rc;
  }

  /** Every file of the published dt (tables and report), by path relative to the work root. */
  private static Map<String, byte[]> published(File work) throws Exception {
    Map<String, byte[]> out = new TreeMap<>();
    for (String area : new String[] {"warehouse", "reports"}) {
      File dir = new File(work, area);
      if (!dir.exists()) {
        continue;
      }
      try (Stream<java.nio.file.Path> files = Files.walk(dir.toPath())) {
        for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) files.filter(Files::isRegularFile)::iterator) {
          out.put(work.toPath().relativize(p).toString(), Files.readAllBytes(p));
        }
      }
    }
    return out;
  }

  @Test
  public void rerunIsByteIdenticalAndASkippedStageIsNotRepublished() throws Exception {
    File work = TMP.newFolder("rerun");
    run(work, truth.getAbsolutePath());
    Map<String, byte[]> first = published(work);
    assertTrue(first.keySet().toString(), first.keySet().stream().anyMatch(k -> k.startsWith("warehouse/profile_metrics/dt=2026-01-02/")));
    assertTrue(first.keySet().stream().anyMatch(k -> k.startsWith("reports/dt=2026-01-02/report.html")));
    assertTrue(first.keySet().stream().anyMatch(k -> k.startsWith("warehouse/user_profile/dt=2026-01-02/")));
    run(work, truth.getAbsolutePath());
    Map<String, byte[]> second = published(work);
    assertEquals("same files", first.keySet(), second.keySet());
    for (String k : first.keySet()) {
      assertArrayEquals("byte-identical: " + k, first.get(k), second.get(k));
    }
    assertTrue(first.keySet().stream().anyMatch(k -> k.startsWith("warehouse/profile_metrics/dt=2026-01-02/quality-")));
    // Without --truth the quality stage is skipped and the gates run alone: the old scores against truth must not
    // stay beside the new tables.
    run(work, null);
    Map<String, byte[]> third = published(work);
    assertTrue(third.keySet().toString(), third.keySet().stream().anyMatch(k -> k.contains("profile_metrics/")));
    assertFalse(third.keySet().toString(), third.keySet().stream().anyMatch(k -> k.contains("quality-")
        || k.endsWith("metrics.json")));
    String report = new String(third.get("reports/dt=2026-01-02/report.html"), StandardCharsets.UTF_8);
    assertTrue(report.contains("Data gates") && !report.contains("micro"));
    assertTrue(third.keySet().stream().anyMatch(k -> k.startsWith("warehouse/user_segment/dt=2026-01-02/")));
    assertFalse("no publish journal left", new File(work, "warehouse/_publish/dt=2026-01-02").exists());
  }

  @Test
  public void pathTraversalAndBadDatesAreRefusedBeforeAnyWork() throws Exception {
    File base = TMP.newFolder("traversal");
    File work = new File(base, "a/b/c/work");
    File victim = new File(base, "victim");
    Files.writeString(victim.toPath(), "keep me");
    for (String dt : new String[] {"x/../../../../escaped", "2026-13-45", "yesterday", "2026-02-30", "26-01-02"}) {
      Object[] r = cli(conf(), "pipeline", "--input", input.getAbsolutePath(), "--work", work.getAbsolutePath(),
          "--dt", dt);
      assertEquals(r[1].toString(), 2, r[0]);
      assertTrue(r[1].toString(), r[1].toString().contains("not a date"));
      assertEquals("one line: " + r[1], 1, r[1].toString().trim().split("\n").length);
      Object[] p = cli(conf(), "publish", "--work", work.getAbsolutePath(), "--dt", "x/../../../../victim");
      assertEquals(p[1].toString(), 2, p[0]);
    }
    assertFalse("nothing written", work.exists());
    assertEquals(List.of("victim"), List.of(base.list()));
    assertEquals("keep me", Files.readString(victim.toPath()));
  }

  @Test
  public void argumentMistakesAreOneLineAndExitTwo() throws Exception {
    File work = new File(TMP.getRoot(), "mistakes");
    String[][] cases = {
        {"--input", input.getAbsolutePath(), "--work", work.getAbsolutePath(), "--truth", "/no/such/truth.csv"},
        {"--input", "/no/such/input.csv", "--work", work.getAbsolutePath()},
        {"--input", input.getAbsolutePath(), "--work", work.getAbsolutePath(), "stray"},
        {"--input", input.getAbsolutePath(), "--work", work.getAbsolutePath(), "--from", "nosuch"},
        {"--input", input.getAbsolutePath(), "--work", input.getAbsolutePath() + "/sub"},
        {"--input", input.getAbsolutePath(), "--work", work.getAbsolutePath(), "-conf", "x.xml"},
    };
    String[] expected = {"truth.csv: not found", "input.csv: not found", "unexpected argument 'stray'",
        "no stage named nosuch", "is a file, not a folder", "must come before"};
    for (int i = 0; i < cases.length; i++) {
      List<String> args = new ArrayList<>(List.of("pipeline"));
      args.addAll(List.of(cases[i]));
      Object[] r = cli(conf(), args.toArray(new String[0]));
      assertEquals(r[1].toString(), 2, r[0]);
      assertTrue(expected[i] + " in: " + r[1], r[1].toString().contains(expected[i]));
      assertFalse("no stack trace: " + r[1], r[1].toString().contains("\tat "));
    }
    assertFalse("no stage ran", new File(work, "staging").exists());
  }

  @Test
  public void settingAfterTheOptionsIsHonoured() throws Exception {
    File work = TMP.newFolder("late-d");
    // -D after the command's options: ToolRunner alone would leave it as a stray argument.
    Object[] r = cli(conf(), "pipeline", "--input", input.getAbsolutePath(), "--work", work.getAbsolutePath(),
        "--dt", "2026-01-02", "--to", "vocab", "-D", "portrait.vocab.max-vocab=50");
    assertEquals(r[1].toString(), 0, r[0]);
    long lines = Files.readAllLines(new File(work, "staging/dt=2026-01-02/vocab/vocab.tsv").toPath()).size();
    assertEquals(50, lines);
  }

  @Test
  public void secondRunRefusesWhileTheFirstHoldsTheLock() throws Exception {
    File work = TMP.newFolder("locked");
    PipelineLayout layout = new PipelineLayout(new Path(work.getAbsolutePath()), input.getAbsolutePath(), null,
        null, null, "2026-01-02");
    try (RunLock held = RunLock.acquire(new Configuration(), layout.lockFile(), "pipeline 2026-01-02 (first)",
        java.time.Duration.ofHours(1), false)) {
      Object[] r = cli(conf(), "pipeline", "--input", input.getAbsolutePath(), "--work", work.getAbsolutePath(),
          "--dt", "2026-01-02", "--break-lock");
      assertEquals(r[1].toString(), 2, r[0]);
      assertTrue(r[1].toString(), r[1].toString().contains("pid " + ProcessHandle.current().pid()));
      assertTrue(r[1].toString(), r[1].toString().contains("(first)"));
      assertFalse("the second run did no work", new File(work, "staging").exists());
    }
    // Another dt of the same root is not blocked, and the lock is released after a run.
    Object[] ok = cli(conf(), "pipeline", "--input", input.getAbsolutePath(), "--work", work.getAbsolutePath(),
        "--dt", "2026-01-03", "--to", "ingest");
    assertEquals(ok[1].toString(), 0, ok[0]);
    assertFalse(new File(work, "runs/dt=2026-01-03/lock.json").exists());
    assertTrue(new File(work, "runs/dt=2026-01-03/manifest.json").exists());
  }
}
