package org.portrait.common.io;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A failure injected before every file-system step of a publish, either as an I/O error (the code's own error
 * handling runs) or as a kill (nothing after it runs), followed by the recovery the next run does, leaves either
 * the complete old set or the complete new set of tables.
 */
public class PartitionSetSwapTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();
  private final Configuration conf = new Configuration();

  /** Thrown by the injector to stop the publish dead, as kill -9 would: no catch block in the swap sees it. */
  static final class SimulatedKill extends Error {
    SimulatedKill(String step) {
      super("killed before " + step);
    }
  }

  @Test
  public void everyStepFailedOrKilledLeavesOldOrNewSet() throws Exception {
    int steps = countSteps();
    assertTrue("steps: " + steps, steps >= 10);
    int oldSets = 0;
    int newSets = 0;
    for (boolean kill : new boolean[] {false, true}) {
      for (int k = 1; k <= steps; k++) {
        File root = tmp.newFolder((kill ? "kill-" : "fail-") + k);
        List<PartitionSetSwap.Entry> entries = setUp(root);
        Path journal = new Path(new File(root, "warehouse/_publish").getAbsolutePath());
        int failAt = k;
        int[] calls = {0};
        try {
          PartitionSetSwap.swap(conf, journal, entries, step -> {
            if (++calls[0] == failAt) {
              if (kill) {
                throw new SimulatedKill(step);
              }
              throw new IOException("injected before " + step);
            }
          });
          fail("step " + k + " was not reached");
        } catch (IOException | SimulatedKill expected) {
          // the publish stopped at step k
        }
        // The next run (or publish) recovers first; twice is the same as once.
        PartitionSetSwap.recover(conf, journal, FaultInjector.NONE);
        PartitionSetSwap.recover(conf, journal, FaultInjector.NONE);
        String state = state(root);
        if (state.equals("old")) {
          oldSets++;
        } else {
          assertEquals((kill ? "kill" : "failure") + " at step " + k, "new", state);
          newSets++;
        }
        assertFalse("journal gone", new File(root, "warehouse/_publish").exists());
      }
    }
    System.out.printf("publish failure injection: %d steps x 2 (error, kill): %d ended with the old set, %d with"
        + " the new set, 0 mixed%n", steps, oldSets, newSets);
    assertTrue(oldSets > 0 && newSets > 0);
  }

  @Test
  public void cleanSwapInstallsTheNewSetAndRemovesTablesNotInIt() throws Exception {
    File root = tmp.newFolder("clean");
    PartitionSetSwap.swap(conf, new Path(new File(root, "warehouse/_publish").getAbsolutePath()), setUp(root),
        FaultInjector.NONE);
    assertEquals("new", state(root));
    assertFalse("a table the run did not produce is not left from the old run",
        new File(root, "warehouse/c/dt=1").exists());
  }

  private int countSteps() throws IOException {
    File root = tmp.newFolder("count");
    int[] calls = {0};
    PartitionSetSwap.swap(conf, new Path(new File(root, "warehouse/_publish").getAbsolutePath()), setUp(root),
        step -> calls[0]++);
    return calls[0];
  }

  /** Old set: tables a, b, c (+ report r); new set: a, b, d (c not produced by the new run, d new). */
  private List<PartitionSetSwap.Entry> setUp(File root) throws IOException {
    for (String t : new String[] {"a", "b", "c"}) {
      write(new File(root, "warehouse/" + t + "/dt=1/part-0"), "old " + t);
    }
    write(new File(root, "reports/dt=1/report.html"), "old r");
    List<PartitionSetSwap.Entry> entries = new ArrayList<>();
    for (String t : new String[] {"a", "b", "c", "d"}) {
      Path source = null;
      if (!t.equals("c")) {
        write(new File(root, "staging/" + t + "/part-0"), "new " + t);
        source = new Path(new File(root, "staging/" + t).getAbsolutePath());
      }
      entries.add(new PartitionSetSwap.Entry(t, source,
          new Path(new File(root, "warehouse/" + t + "/dt=1").getAbsolutePath())));
    }
    write(new File(root, "staging/r/report.html"), "new r");
    entries.add(new PartitionSetSwap.Entry("r", new Path(new File(root, "staging/r").getAbsolutePath()),
        new Path(new File(root, "reports/dt=1").getAbsolutePath())));
    return entries;
  }

  /** "old" or "new" when the tables form one whole set, else a description of the mix. */
  private static String state(File root) throws IOException {
    String a = read(new File(root, "warehouse/a/dt=1/part-0"));
    String b = read(new File(root, "warehouse/b/dt=1/part-0"));
    String c = read(new File(root, "warehouse/c/dt=1/part-0"));
    String d = read(new File(root, "warehouse/d/dt=1/part-0"));
    String r = read(new File(root, "reports/dt=1/report.html"));
    if ("old a".equals(a) && "old b".equals(b) && "old c".equals(c) && d == null && "old r".equals(r)) {
      return "old";
    }
    if ("new a".equals(a) && "new b".equals(b) && c == null && "new d".equals(d) && "new r".equals(r)) {
      return "new";
    }
    return "mixed: a=" + a + " b=" + b + " c=" + c + " d=" + d + " r=" + r;
  }

  private static String read(File f) throws IOException {
    return f.exists() ? Files.readString(f.toPath(), StandardCharsets.UTF_8) : null;
  }

  private static void write(File f, String text) throws IOException {
    f.getParentFile().mkdirs();
    Files.writeString(f.toPath(), text, StandardCharsets.UTF_8);
  }
}
