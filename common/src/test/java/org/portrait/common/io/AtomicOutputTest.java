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
    assertTrue(out.tempPath().getName(), out.tempPath().getName().startsWith("_tmp.slashed."));
    assertEquals("slashed", out.target().getName());
  }

  @Test
  public void tempNamesAreUniquePerAttempt() throws Exception {
    Path target = new Path(new File(tmp.getRoot(), "out").getAbsolutePath());
    AtomicOutput a = AtomicOutput.begin(conf, target);
    AtomicOutput b = AtomicOutput.begin(conf, target);
    assertFalse(a.tempPath().equals(b.tempPath()));
  }

  /** A failure injected at every step of the install leaves either the old or the new output, whole. */
  @Test
  public void failureAtEveryInstallStepLeavesOldOrNewWhole() throws Exception {
    int oldSeen = 0;
    int newSeen = 0;
    for (String step : new String[] {"aside", "install", "delete-old"}) {
      File target = new File(tmp.getRoot(), "out-" + step);
      write(new File(target, "data.txt"), "old");
      Path t = new Path(target.getAbsolutePath());
      AtomicOutput out = AtomicOutput.begin(conf, t, s -> {
        if (s.equals(step)) {
          throw new java.io.IOException("injected before " + s);
        }
      });
      write(new File(out.tempPath().toUri().getPath(), "data.txt"), "new");
      try {
        out.commit();
      } catch (java.io.IOException e) {
        assertTrue(e.getMessage(), e.getMessage().contains("injected"));
        out.abort();
      }
      String now = Files.readString(new File(target, "data.txt").toPath(), StandardCharsets.UTF_8);
      if (now.equals("old")) {
        oldSeen++;
      } else {
        assertEquals("new", now);
        newSeen++;
      }
      // The next attempt's begin() leaves no temporary or aside folder of this target.
      AtomicOutput.begin(conf, t);
      String[] left = tmp.getRoot().list((d, n) -> n.startsWith("_tmp.out-" + step) || n.startsWith("_old.out-" + step));
      assertEquals(step + ": leftovers " + java.util.Arrays.toString(left), 0, left.length);
    }
    assertEquals("failures before the rename-in keep the old output", 2, oldSeen);
    assertEquals("a failure deleting the old copy still installs the new one", 1, newSeen);
  }

  @Test
  public void killBetweenTheRenamesIsRepairedByTheNextBegin() throws Exception {
    File target = new File(tmp.getRoot(), "out");
    write(new File(target, "data.txt"), "old");
    // What a kill -9 between "old aside" and "new in" leaves: no target, an aside copy.
    File aside = new File(tmp.getRoot(), "_old.out.123-abc");
    assertTrue(target.renameTo(aside));
    AtomicOutput.begin(conf, new Path(target.getAbsolutePath()));
    assertEquals("old", Files.readString(new File(target, "data.txt").toPath(), StandardCharsets.UTF_8));
    assertFalse(aside.exists());
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
