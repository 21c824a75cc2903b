package org.portrait.common.io;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class AtomicOutputTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();
  private final Configuration conf = new Configuration();

  @Test
  public void commitReplacesThePreviousOutput() throws Exception {
    File target = new File(tmp.getRoot(), "out");
    write(new File(target, "old.txt"), "old");
    AtomicOutput out = AtomicOutput.begin(conf, new Path(target.getAbsolutePath()));
    write(new File(out.tempPath().toUri().getPath(), "new.txt"), "new");
    assertTrue("previous output stays until commit", new File(target, "old.txt").exists());
    out.commit();
    assertFalse(new File(target, "old.txt").exists());
    assertEquals("new", Files.readString(new File(target, "new.txt").toPath(), StandardCharsets.UTF_8));
    assertFalse(new File(out.tempPath().toUri().getPath()).exists());
  }

  @Test
  public void abortLeavesThePreviousOutput() throws Exception {
    File target = new File(tmp.getRoot(), "out");
    write(new File(target, "old.txt"), "old");
    AtomicOutput out = AtomicOutput.begin(conf, new Path(target.getAbsolutePath()));
    write(new File(out.tempPath().toUri().getPath(), "half.txt"), "half");
    out.abort();
    assertTrue(new File(target, "old.txt").exists());
    assertFalse(new File(out.tempPath().toUri().getPath()).exists());
  }

  @Test
  public void targetWithTrailingSlashIsTheFolderItself() throws Exception {
    File target = tmp.newFolder("slashed");
    AtomicOutput out = AtomicOutput.begin(conf, new Path(target.toURI()));
    assertEquals("_tmp.slashed", out.tempPath().getName());
    assertEquals("slashed", out.target().getName());
  }

  @Test(expected = java.io.IOException.class)
  public void commitWithoutOutputFails() throws Exception {
    AtomicOutput.begin(conf, new Path(new File(tmp.getRoot(), "never").getAbsolutePath())).commit();
  }

  private static void write(File f, String text) throws Exception {
    f.getParentFile().mkdirs();
    Files.writeString(f.toPath(), text, StandardCharsets.UTF_8);
  }
}
