package org.portrait.jobs.models;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.hadoop.conf.Configuration;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.portrait.common.config.UserError;
import org.portrait.common.gates.GateThresholds;

public class GateFilesTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void noFileMeansTheDefaults() throws Exception {
    assertSame(GateThresholds.defaults(), GateFiles.thresholds(new Configuration()));
  }

  @Test
  public void theSiteFileOverrides() throws Exception {
    File f = tmp.newFile("gates.properties");
    Files.writeString(f.toPath(), "daily.interest-psi.max=0.1\n", StandardCharsets.UTF_8);
    Configuration conf = new Configuration();
    conf.set(GateThresholds.FILE, f.getAbsolutePath());
    assertEquals(0.1, GateFiles.thresholds(conf).bound(GateThresholds.DAILY_INTEREST_PSI_MAX), 0);
  }

  @Test
  public void aMissingOrBadFileIsAUserError() throws Exception {
    Configuration conf = new Configuration();
    conf.set(GateThresholds.FILE, new File(tmp.getRoot(), "nope").getAbsolutePath());
    try {
      GateFiles.thresholds(conf);
      fail();
    } catch (UserError e) {
      assertTrue(e.getMessage(), e.getMessage().endsWith(": no such file"));
    }
    File f = tmp.newFile("bad.properties");
    Files.writeString(f.toPath(), "daily.interest-psi=0.1\n", StandardCharsets.UTF_8);
    conf.set(GateThresholds.FILE, f.getAbsolutePath());
    try {
      GateFiles.thresholds(conf);
      fail();
    } catch (UserError e) {
      assertTrue(e.getMessage(), e.getMessage().startsWith(f.getAbsolutePath() + ":1: unknown gate daily.interest-psi"));
    }
  }
}
