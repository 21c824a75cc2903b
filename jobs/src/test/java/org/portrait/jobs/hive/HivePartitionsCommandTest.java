package org.portrait.jobs.hive;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.portrait.common.config.UserError;
import org.portrait.common.layout.PortraitLayout;

public class HivePartitionsCommandTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void oneIdempotentStatementPerPublishedTableOfTheDay() throws Exception {
    File root = tmp.getRoot();
    new File(root, PortraitLayout.tablePath("user_profile") + "/dt=2026-12-01").mkdirs();
    new File(root, PortraitLayout.tablePath("user_segment") + "/dt=2026-12-01").mkdirs();
    new File(root, PortraitLayout.tablePath("user_segment") + "/dt=2026-11-30").mkdirs();
    List<String> sql = HivePartitionsCommand.statements(new Configuration(), new Path(root.getAbsolutePath()),
        "2026-12-01", "portrait");
    assertEquals(2, sql.size());
    assertEquals("ALTER TABLE `portrait`.`user_profile` ADD IF NOT EXISTS PARTITION (dt='2026-12-01') LOCATION 'file:"
        + root.getAbsolutePath() + "/" + PortraitLayout.tablePath("user_profile") + "/dt=2026-12-01';", sql.get(0));
    assertTrue(sql.get(1), sql.get(1).startsWith("ALTER TABLE `portrait`.`user_segment` ADD IF NOT EXISTS"));
  }

  @Test
  public void aDayWithoutTablesOrABadArgumentIsOneLine() throws Exception {
    Path root = new Path(tmp.getRoot().getAbsolutePath());
    for (String[] bad : new String[][] {{"2026-12-01", "default"}, {"2026-13-01", "default"},
        {"2026-12-01", "x; DROP"}}) {
      try {
        HivePartitionsCommand.statements(new Configuration(), root, bad[0], bad[1]);
        fail("accepted " + String.join(" ", bad));
      } catch (UserError expected) {
        assertTrue(expected.getMessage(), !expected.getMessage().contains("\n"));
      }
    }
  }
}
