package org.portrait.jobs.models;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.portrait.common.config.UserError;
import org.portrait.common.run.RunLock;
import org.portrait.jobs.models.ModelRegistry.ModelInfo;

/** The registry on the local file system. */
public class ModelRegistryTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();
  private final Configuration conf = new Configuration();
  private Path root;
  private FileSystem fs;

  @Before
  public void setUp() throws Exception {
    root = new Path(tmp.newFolder("work").getAbsolutePath());
    fs = root.getFileSystem(conf);
  }

  @Test
  public void registerMovesTheBuiltFolderInWithItsManifest() throws Exception {
    Path built = ModelFixtures.built(conf, root, "m1");
    Path dir = ModelRegistry.register(conf, root, built, ModelFixtures.manifest("m1", 1, true));
    assertFalse("moved, not copied", fs.exists(built));
    assertEquals(fs.makeQualified(new Path(root, "models/m1")), dir);
    assertTrue(fs.exists(new Path(dir, "glove/vectors.tsv")));
    assertTrue(fs.exists(new Path(dir, "classifiers/interest.json")));
    ModelManifest m = ModelRegistry.show(conf, root, "m1");
    assertEquals("m1", m.id());
    assertEquals("2026-10-01", m.windowFrom());
    assertEquals(Optional.of(true), m.gatesPassed());
    assertFalse(m.codeVersion().isEmpty());
    assertFalse("no lock left behind", fs.exists(new Path(root, "models/" + ModelRegistry.LOCK)));
    assertEquals(Optional.empty(), ModelRegistry.current(conf, root));
  }

  @Test
  public void anExistingIdIsRefused() throws Exception {
    ModelFixtures.register(conf, root, "m1", 1, true);
    Path again = ModelFixtures.built(conf, root, "m1");
    try {
      ModelRegistry.register(conf, root, again, ModelFixtures.manifest("m1", 2, true));
      fail();
    } catch (UserError e) {
      assertTrue(e.getMessage(), e.getMessage().startsWith("model m1 is already registered"));
    }
    assertTrue("the new build is left where it was", fs.exists(again));
    assertEquals(1001, ModelRegistry.show(conf, root, "m1").training().path("vocab_size").asInt());
  }

  @Test
  public void badIdsAreRefused() {
    for (String id : List.of("_lock", ".hidden", "a/b", "current", "", "x y")) {
      try {
        ModelManifest.checkId(id);
        fail(id);
      } catch (UserError expected) {
        assertFalse(expected.getMessage().contains("\n"));
      }
    }
  }

  @Test
  public void promoteSwitchesCurrentAndRecordsHistory() throws Exception {
    ModelFixtures.register(conf, root, "m1", 1, true);
    ModelFixtures.register(conf, root, "m2", 2, true);
    ModelRegistry.Switch s = ModelRegistry.promote(conf, root, "m1", "first model");
    assertEquals(Optional.empty(), s.previous());
    assertEquals(Optional.of("m1"), ModelRegistry.current(conf, root));
    s = ModelRegistry.promote(conf, root, "m2", "newer window");
    assertEquals(Optional.of("m1"), s.previous());
    assertEquals(Optional.of("m2"), ModelRegistry.current(conf, root));
    assertFalse(ModelRegistry.promote(conf, root, "m2", "again").changed());

    List<String[]> h = ModelRegistry.history(conf, root);
    assertEquals(2, h.size());
    assertEquals(List.of("promote", "m1", "-"), List.of(h.get(0)).subList(1, 4));
    assertEquals(List.of("promote", "m2", "m1"), List.of(h.get(1)).subList(1, 4));
    assertTrue(h.get(1)[4], h.get(1)[4].contains("@"));
    assertEquals("newer window", h.get(1)[5]);
    // Only the pointer, the history and the models: no temporary files left by the renames.
    for (org.apache.hadoop.fs.FileStatus f : fs.listStatus(new Path(root, "models"))) {
      String n = f.getPath().getName();
      assertTrue(n, List.of("m1", "m2", "current", "history.tsv").contains(n) || n.startsWith("."));
    }
  }

  @Test
  public void rollbackRestoresThePreviousModelAndWalksBack() throws Exception {
    for (int i = 1; i <= 3; i++) {
      ModelFixtures.register(conf, root, "m" + i, i, true);
      ModelRegistry.promote(conf, root, "m" + i, "");
    }
    ModelRegistry.Switch s = ModelRegistry.rollback(conf, root, "bad segments");
    assertEquals("m2", s.model());
    assertEquals(Optional.of("m3"), s.previous());
    assertEquals(Optional.of("m2"), ModelRegistry.current(conf, root));
    assertEquals("m1", ModelRegistry.rollback(conf, root, "").model());
    try {
      ModelRegistry.rollback(conf, root, "");
      fail();
    } catch (UserError e) {
      assertTrue(e.getMessage(), e.getMessage().startsWith("no model was current before m1"));
    }
    List<String[]> h = ModelRegistry.history(conf, root);
    assertEquals(List.of("rollback", "m2", "m3"), List.of(h.get(3)).subList(1, 4));
    assertEquals("bad segments", h.get(3)[5]);
  }

  @Test
  public void rollbackWithNothingCurrentIsRefused() throws Exception {
    try {
      ModelRegistry.rollback(conf, root, "");
      fail();
    } catch (UserError e) {
      assertEquals("no current model: nothing to roll back", e.getMessage());
    }
  }

  @Test
  public void promoteUnknownOrFailedIsRefusedUnlessForced() throws Exception {
    ModelFixtures.register(conf, root, "good", 1, true);
    ModelFixtures.register(conf, root, "bad", 2, false);
    try {
      ModelRegistry.promote(conf, root, "nope", "");
      fail();
    } catch (UserError e) {
      assertTrue(e.getMessage(), e.getMessage().startsWith("no model nope in "));
      assertTrue(e.getMessage(), e.getMessage().endsWith("(registered: good, bad)"));
    }
    try {
      ModelRegistry.promote(conf, root, "bad", "");
      fail();
    } catch (UserError e) {
      assertTrue(e.getMessage(), e.getMessage().startsWith("model bad failed its gates (gate model.vocab-coverage.min"
          + " failed: 0.5 is below the floor 0.8)"));
    }
    assertEquals(Optional.empty(), ModelRegistry.current(conf, root));
    ModelRegistry.promote(conf, root, "bad", "needed today", true);
    assertEquals(Optional.of("bad"), ModelRegistry.current(conf, root));
    assertEquals("forced; needed today", ModelRegistry.history(conf, root).get(0)[5]);
  }

  @Test
  public void aModelWithoutGateResultsNeedsForce() throws Exception {
    ModelManifest m = ModelManifest.create("raw", java.time.Instant.now(), "2026-10-01", "2026-10-31");
    ModelRegistry.register(conf, root, ModelFixtures.built(conf, root, "raw"), m);
    try {
      ModelRegistry.promote(conf, root, "raw", "");
      fail();
    } catch (UserError e) {
      assertTrue(e.getMessage(), e.getMessage().contains("has no gate results"));
    }
  }

  @Test
  public void aChangeWhileAnotherHoldsTheLockIsRefused() throws Exception {
    ModelFixtures.register(conf, root, "m1", 1, true);
    Path lockFile = new Path(root, "models/" + ModelRegistry.LOCK);
    try (RunLock other = RunLock.acquire(conf, lockFile, "models promote m0", Duration.ofHours(1), false)) {
      for (Runnable change : List.<Runnable>of(
          () -> call(() -> ModelRegistry.promote(conf, root, "m1", "")),
          () -> call(() -> ModelRegistry.rollback(conf, root, "")),
          () -> call(() -> ModelFixtures.register(conf, root, "m2", 2, true)))) {
        try {
          change.run();
          fail();
        } catch (UserError e) {
          assertTrue(e.getMessage(), e.getMessage().startsWith("another run holds " + lockFile));
        }
      }
    }
    assertEquals(Optional.empty(), ModelRegistry.current(conf, root));
    ModelRegistry.promote(conf, root, "m1", "");
    assertEquals(Optional.of("m1"), ModelRegistry.current(conf, root));
  }

  @Test
  public void concurrentPromotesSerialiseOnTheLock() throws Exception {
    for (int i = 1; i <= 4; i++) {
      ModelFixtures.register(conf, root, "m" + i, i, true);
    }
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.atomic.AtomicInteger promoted = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
    List<Thread> threads = new java.util.ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      String id = "m" + i;
      Thread t = new Thread(() -> {
        try {
          start.await();
          ModelRegistry.promote(conf, root, id, "");
          promoted.incrementAndGet();
        } catch (UserError e) {
          refused.incrementAndGet();
        } catch (Exception e) {
          throw new RuntimeException(e);
        }
      });
      t.start();
      threads.add(t);
    }
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    assertEquals(4, promoted.get() + refused.get());
    assertTrue(promoted.get() >= 1);
    // Every promote that ran recorded exactly one line, and the pointer names the last one recorded.
    List<String[]> h = ModelRegistry.history(conf, root);
    assertEquals(promoted.get(), h.size());
    assertEquals(Optional.of(h.get(h.size() - 1)[2]), ModelRegistry.current(conf, root));
  }

  @Test
  public void listShowsEveryModelOldestFirstAndMarksCurrent() throws Exception {
    ModelFixtures.register(conf, root, "m2", 2, false);
    ModelFixtures.register(conf, root, "m1", 1, true);
    ModelRegistry.promote(conf, root, "m1", "");
    fs.mkdirs(new Path(root, "models/broken"));
    List<ModelInfo> list = ModelRegistry.list(conf, root);
    assertEquals(List.of("broken", "m1", "m2"), list.stream().map(ModelInfo::id).toList());
    assertTrue(list.get(1).current());
    assertFalse(list.get(2).current());
    assertEquals(Optional.of(false), list.get(2).gatesPassed());
    assertEquals("1001", list.get(1).headline().get("vocab"));
    assertEquals("0.2000", list.get(1).headline().get("final loss"));
    assertTrue(list.get(0).problem(), list.get(0).problem().startsWith("no readable manifest.json"));
    assertEquals(List.of(), ModelRegistry.list(conf, new Path(new File(tmp.getRoot(), "empty").getAbsolutePath())));
  }

  private interface IoCall {
    Object call() throws Exception;
  }

  private static void call(IoCall c) {
    try {
      c.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new RuntimeException(e);
    }
  }
}
