package org.portrait.jobs.glove;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.junit.Test;
import org.portrait.common.config.UserError;
import org.portrait.common.glove.GloveModel;

/**
 * The memory check counts every model copy the stage holds at once (GloveMemory's class comment lists them).
 * The cases size one model copy to a fifth of this JVM's heap, so they do not depend on the test JVM's -Xmx.
 */
public class GloveMemoryTest {
  private static final int VOCAB = 1000;
  private static final long HEAP = Runtime.getRuntime().maxMemory();
  /** A dimension whose model copy takes (just under) a fifth of the heap: bytesFor is linear in dim + 1. */
  private static final int DIM = (int) (HEAP / 5 / (GloveModel.bytesFor(VOCAB, 1) / 2)) - 1;
  private static final List<FileStatus> NO_ENTRIES = List.of();

  private static Configuration local(String schedule, int parallel) {
    Configuration c = new Configuration(false);
    c.set("mapreduce.framework.name", "local");
    c.setInt("mapreduce.local.map.tasks.maximum", parallel);
    c.set(GloveTrainDriver.SCHEDULE, schedule);
    return c;
  }

  @Test
  public void copiesTheDriverHolds() {
    assertEquals(2, GloveMemory.driverCopies(1, true)); // the model and the one task's result read back
    assertEquals(2, GloveMemory.driverCopies(1, false));
    assertEquals(1, GloveMemory.driverCopies(4, true)); // DSGD applies the tasks' rows in place
    assertEquals(6, GloveMemory.driverCopies(4, false)); // model + 4 read back + merge
  }

  @Test
  public void mixingMergeOfFourTaskModelsInTheLocalJvmIsRefused() {
    // 6 copies (model, 4 task models read back, merged) = 1.2 heaps; the old check counted 1 task + 3 = 4.
    try {
      GloveMemory.check(local("mixing", 1), VOCAB, DIM, NO_ENTRIES, 4);
      fail("6 model copies of a fifth of the heap each cannot fit");
    } catch (UserError e) {
      assertTrue(e.getMessage(), e.getMessage().contains(GloveTrainDriver.DIM + "=" + DIM + " with 1000 words"));
      assertTrue(e.getMessage(), e.getMessage().contains("after a round 6 copies"));
      assertTrue(e.getMessage(), e.getMessage().contains("is " + (HEAP >> 20) + " MB"));
    }
    // The same model under DSGD: the driver's copy + one running task's = 2 copies, fits.
    GloveMemory.check(local("dsgd", 1), VOCAB, DIM, NO_ENTRIES, 4);
    // DSGD with 4 tasks running at once in this JVM: driver + 4 = 5 copies of 0.22 heaps each: no.
    Configuration four = local("dsgd", 4);
    try {
      GloveMemory.check(four, VOCAB, DIM * 11 / 10, NO_ENTRIES, 4);
      fail("5 copies of 0.22 heaps cannot fit");
    } catch (UserError e) {
      assertTrue(e.getMessage(), e.getMessage().contains("4 task(s) running at once"));
    }
  }

  @Test
  public void clusterDriverHoldingTheMixingMergeIsChecked() {
    Configuration c = new Configuration(false);
    c.set("mapreduce.framework.name", "yarn");
    c.set("mapreduce.map.java.opts", "-Xmx64g");
    c.set(GloveTrainDriver.SCHEDULE, "mixing");
    // Each task holds one copy (fits its 64 GB); the driver holds 8 + 2 = 10: the old check did not look.
    try {
      GloveMemory.check(c, VOCAB, DIM, NO_ENTRIES, 8);
      fail("the driver cannot hold 10 copies of a fifth of its heap");
    } catch (UserError e) {
      assertTrue(e.getMessage(), e.getMessage().contains("the driver holds 10 copies"));
      assertTrue(e.getMessage(), e.getMessage().contains(GloveTrainDriver.DIM + "=" + DIM));
    }
    c.set(GloveTrainDriver.SCHEDULE, "dsgd");
    GloveMemory.check(c, VOCAB, DIM, NO_ENTRIES, 8);
  }

  @Test
  public void dim100000IsAUserErrorNamingDimAndMemory() {
    // a vocabulary of a few thousand words, as the bundled sample gives: one copy alone is several GB
    try {
      GloveMemory.check(local("dsgd", 2), 5000, 100_000, NO_ENTRIES, 1);
      fail("dim 100000 cannot fit");
    } catch (UserError e) {
      assertTrue(e.getMessage(), e.getMessage().startsWith("glove-train needs about "));
      assertTrue(e.getMessage(), e.getMessage().contains("portrait.glove.dim=100000 with 5000 words"));
      assertTrue(e.getMessage(), e.getMessage().contains("one model copy"));
    }
  }

  @Test
  public void modelLargerThanOneJavaArrayIsAUserError() {
    Configuration c = local("dsgd", 1);
    c.setLong(GloveTrainDriver.TASK_MEMORY_MB, 1L << 40);
    try {
      GloveMemory.check(c, 20_000, 100_000, NO_ENTRIES, 1, Long.MAX_VALUE);
      fail("20000 x 100001 x 2 floats do not fit one array");
    } catch (UserError e) {
      assertTrue(e.getMessage(), e.getMessage().contains("more than one Java array can"));
      assertTrue(e.getMessage(), e.getMessage().contains("at most 53686"));
    }
  }
}
