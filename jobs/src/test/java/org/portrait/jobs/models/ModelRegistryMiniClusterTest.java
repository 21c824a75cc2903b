package org.portrait.jobs.models;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.portrait.common.config.UserError;
import org.portrait.common.run.RunLock;

/** The registry on HDFS: the pointer switch is an atomic rename there too. One cluster for the class. */
public class ModelRegistryMiniClusterTest {
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();
  private static MiniDFSCluster dfs;
  private static Configuration conf;

  @BeforeClass
  public static void startCluster() throws Exception {
    Configuration c = new Configuration();
    File base = TMP.newFolder("cluster");
    c.set("hadoop.tmp.dir", new File(base, "tmp").getAbsolutePath());
    c.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, new File(base, "dfs").getAbsolutePath());
    dfs = new MiniDFSCluster.Builder(c).numDataNodes(1).build();
    c.set("fs.defaultFS", dfs.getFileSystem().getUri().toString());
    conf = c;
  }

  @AfterClass
  public static void stopCluster() {
    if (dfs != null) {
      dfs.shutdown();
    }
  }

  @Test
  public void registerPromoteRollbackOnHdfs() throws Exception {
    Path root = new Path("/data/portrait-a");
    FileSystem fs = root.getFileSystem(conf);
    assertEquals("hdfs", fs.getUri().getScheme());
    for (int i = 1; i <= 2; i++) {
      ModelFixtures.register(conf, root, "m" + i, i, true);
      ModelRegistry.promote(conf, root, "m" + i, "");
    }
    assertTrue(fs.exists(new Path(root, "models/m2/glove/vectors.tsv")));
    assertFalse(fs.exists(new Path(root, "staging/models-build/m2")));
    assertEquals(Optional.of("m2"), ModelRegistry.current(conf, root));
    assertEquals("m1", ModelRegistry.rollback(conf, root, "").model());
    assertEquals(Optional.of("m1"), ModelRegistry.current(conf, root));
    assertEquals(3, ModelRegistry.history(conf, root).size());
    assertEquals(List.of("m1", "m2"), ModelRegistry.list(conf, root).stream().map(ModelRegistry.ModelInfo::id).toList());
    assertFalse(fs.exists(new Path(root, "models/" + ModelRegistry.LOCK)));
  }

  @Test
  public void readersNeverSeeAMissingPointerWhileItSwitches() throws Exception {
    Path root = new Path("/data/portrait-b");
    ModelFixtures.register(conf, root, "a", 1, true);
    ModelFixtures.register(conf, root, "b", 2, true);
    ModelRegistry.promote(conf, root, "a", "");
    AtomicBoolean stop = new AtomicBoolean();
    Set<String> seen = ConcurrentHashMap.newKeySet();
    Thread reader = new Thread(() -> {
      while (!stop.get()) {
        try {
          seen.add(ModelRegistry.current(conf, root).orElse("<none>"));
        } catch (Exception e) {
          seen.add("<error " + e + ">");
        }
      }
    });
    reader.start();
    for (int i = 0; i < 10; i++) {
      ModelRegistry.promote(conf, root, i % 2 == 0 ? "b" : "a", "flip " + i);
    }
    stop.set(true);
    reader.join();
    assertTrue(seen.toString(), Set.of("a", "b").containsAll(seen));
    assertEquals(Optional.of("a"), ModelRegistry.current(conf, root));
  }

  @Test
  public void aFolderBuiltOnAnotherFileSystemIsRefused() throws Exception {
    Path local = new Path(TMP.newFolder("local-build").toURI());
    try {
      ModelRegistry.register(conf, new Path("/data/portrait-d"), local, ModelFixtures.manifest("m1", 1, true));
      fail();
    } catch (UserError e) {
      assertTrue(e.getMessage(), e.getMessage().contains("is not on the file system of /data/portrait-d"));
    }
  }

  @Test
  public void theLockRefusesOnHdfsToo() throws Exception {
    Path root = new Path("/data/portrait-c");
    ModelFixtures.register(conf, root, "m1", 1, true);
    try (RunLock other = RunLock.acquire(conf, new Path(root, "models/" + ModelRegistry.LOCK), "test",
        Duration.ofHours(1), false)) {
      ModelRegistry.promote(conf, root, "m1", "");
      fail();
    } catch (UserError e) {
      assertTrue(e.getMessage(), e.getMessage().startsWith("another run holds"));
    }
  }
}
