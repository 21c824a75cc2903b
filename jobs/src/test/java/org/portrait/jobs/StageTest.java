package org.portrait.jobs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class StageTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();
  private final Configuration conf = new Configuration();

  @Test
  public void failingBodyLeavesThePreviousOutputAndNoTemporaryFolder() throws Exception {
    File target = new File(tmp.getRoot(), "out");
    Stage.run(conf, new Path(target.getAbsolutePath()), (out, counters) -> {
      new File(out.tempPath().toUri().getPath()).mkdirs();
      Files.writeString(new File(out.tempPath().toUri().getPath(), "data.txt").toPath(), "first");
      counters.put("ROWS", 1L);
      return null;
    });
    try {
      Stage.run(conf, new Path(target.getAbsolutePath()), (out, counters) -> {
        new File(out.tempPath().toUri().getPath()).mkdirs();
        Files.writeString(new File(out.tempPath().toUri().getPath(), "data.txt").toPath(), "half");
        throw new IllegalStateException("stage failed half-way");
      });
      fail("failure swallowed");
    } catch (IllegalStateException expected) {
      assertEquals("stage failed half-way", expected.getMessage());
    }
    assertEquals("first", Files.readString(new File(target, "data.txt").toPath(), StandardCharsets.UTF_8));
    assertEquals(1L, (long) Jobs.readCounters(conf, new Path(target.getAbsolutePath())).get("ROWS"));
    assertEquals("only the output itself", 1, tmp.getRoot().list().length);
  }

  @Test
  public void aLifecycleRunKeepsOnlyHeadlinesEachUnderItsStage() throws Exception {
    File props = new File(tmp.getRoot(), "lifecycle-output.properties");
    System.setProperty(ActionOutput.PROPERTY, props.getAbsolutePath());
    ActionOutput.headlinesOnly(java.util.Set.of("ACCEPTED", "USERS"));
    try {
      Stage.run(conf, new Path(new File(tmp.getRoot(), "staging/dt=2026-12-01/ingest").getAbsolutePath()),
          (out, counters) -> {
            counters.put("ACCEPTED", 7L);
            counters.put("BYTES_READ", 1234L);
            return null;
          });
      Stage.run(conf, new Path(new File(tmp.getRoot(), "state/dt=2026-12-01").getAbsolutePath()),
          (out, counters) -> {
            counters.put("USERS", 3L);
            return null;
          });
    } finally {
      ActionOutput.headlinesOnly(null);
      System.clearProperty(ActionOutput.PROPERTY);
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(props.toPath())) {
      p.load(in);
    }
    assertEquals("7", p.getProperty("ingest.ACCEPTED"));
    assertEquals("3", p.getProperty("state.USERS"));
    assertEquals(p.toString(), 2, p.size());
  }

  @Test
  public void countersReachOoziesCaptureOutputWhenTheLauncherAsks() throws Exception {
    File props = new File(tmp.getRoot(), "action-output.properties");
    System.setProperty(ActionOutput.PROPERTY, props.getAbsolutePath());
    try {
      Stage.run(conf, new Path(new File(tmp.getRoot(), "a").getAbsolutePath()), (out, counters) -> {
        counters.put("ACCEPTED", 7L);
        return null;
      });
      Stage.run(conf, new Path(new File(tmp.getRoot(), "b").getAbsolutePath()), (out, counters) -> {
        counters.put("REJECTED", 2L);
        return null;
      });
    } finally {
      System.clearProperty(ActionOutput.PROPERTY);
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(props.toPath())) {
      p.load(in);
    }
    assertEquals("7", p.getProperty("ACCEPTED"));
    assertEquals("2", p.getProperty("REJECTED"));
    // Outside Oozie nothing is written.
    Stage.run(conf, new Path(new File(tmp.getRoot(), "c").getAbsolutePath()), (out, counters) -> null);
    assertFalse(new File(tmp.getRoot(), "c/action-output.properties").exists());
    assertTrue(new File(tmp.getRoot(), "c/" + Jobs.COUNTERS_FILE).exists());
  }
}
