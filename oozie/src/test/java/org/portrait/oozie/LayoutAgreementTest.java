package org.portrait.oozie;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.FileInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.Path;
import org.junit.Test;
import org.portrait.common.layout.PortraitLayout;
import org.portrait.jobs.pipeline.PipelineLayout;

/**
 * hdfs-layout/layout.properties is the one definition of the HDFS layout: the Java code (it reads the file),
 * the Hive DDL locations, the Oozie properties and the layout script must all agree with it.
 */
public class LayoutAgreementTest {
  static final File PROJECT = new File(System.getProperty("portrait.project.dir", ".."));
  static final String ROOT = PortraitLayout.defaultRoot();

  @Test
  public void hiveDdlLocationsAreTheWarehouseTables() throws Exception {
    File[] ddl = new File(PROJECT, "hdfs-layout/hive").listFiles((d, n) -> n.endsWith(".sql"));
    TreeSet<String> tablesWithDdl = new TreeSet<>();
    Pattern location = Pattern.compile("LOCATION\\s+'([^']+)'");
    Pattern name = Pattern.compile("CREATE\\s+EXTERNAL\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?`?(\\w+)`?",
        Pattern.CASE_INSENSITIVE);
    for (File f : ddl) {
      String sql = Files.readString(f.toPath(), StandardCharsets.UTF_8);
      Matcher n = name.matcher(sql);
      Matcher l = location.matcher(sql);
      assertTrue(f + " creates an EXTERNAL table", n.find());
      assertTrue(f + " has a LOCATION", l.find());
      String table = n.group(1);
      tablesWithDdl.add(table);
      assertEquals(f.getName(), ROOT + "/" + PortraitLayout.tablePath(table), l.group(1));
      assertTrue(f + " is partitioned by dt", sql.matches("(?s).*PARTITIONED BY \\(\\s*`?dt`? STRING.*"));
      // The pipeline publishes into the same folder, as dt=<dt> partitions.
      PipelineLayout run = new PipelineLayout(new Path(ROOT), null, null, null, null, "2026-01-01");
      assertEquals(l.group(1) + "/dt=2026-01-01", run.partition(table).toString());
    }
    assertEquals(new TreeSet<>(PortraitLayout.tables()), tablesWithDdl);
  }

  @Test
  public void oozieProperiesUseTheLayout() throws Exception {
    Properties job = new Properties();
    try (FileInputStream in = new FileInputStream(new File(PROJECT, "oozie/app/job.properties"))) {
      job.load(in);
    }
    assertEquals(ROOT, job.getProperty("portraitRoot"));
    assertEquals(PortraitLayout.path(PortraitLayout.OOZIE), job.getProperty("oozieAppPath"));
    String reference = "${portraitRoot}/" + PortraitLayout.path(PortraitLayout.REFERENCE);
    assertTrue(job.getProperty("evalDir").startsWith(reference + "/"));
    assertTrue(job.getProperty("gatesPath").startsWith(reference + "/"));
    assertTrue(job.getProperty("taxonomyPath").startsWith(reference + "/"));
    String raw = "${portraitRoot}/" + PortraitLayout.path(PortraitLayout.RAW) + "/dt=${dt}";
    assertEquals(raw, job.getProperty("inputPath"));
    assertEquals(raw, job.getProperty("trainInput"));

    // The defaults Oozie applies (config-default.xml) say the same root.
    assertEquals(ROOT, WorkflowTest.configDefault().get("portraitRoot"));
  }

  @Test
  public void everyWorkflowPathLiesInALayoutArea() throws Exception {
    String wf = "";
    for (String f : WorkflowTest.APP_FILES) {
      wf += Files.readString(new File(PROJECT, "oozie/app/" + f).toPath(), StandardCharsets.UTF_8);
    }
    Matcher m = Pattern.compile("\\$\\{portraitRoot}/([a-z-]+)/").matcher(wf);
    List<String> areas = new ArrayList<>();
    for (String a : PortraitLayout.AREAS) {
      areas.add(PortraitLayout.path(a));
    }
    int n = 0;
    while (m.find()) {
      assertTrue("workflow path area " + m.group(1) + " is not in the layout", areas.contains(m.group(1)));
      n++;
    }
    assertTrue("paths found: " + n, n >= 4);
  }

  @Test
  public void layoutScriptCreatesEveryAreaWithItsPermissions() throws Exception {
    Process p = new ProcessBuilder("bash", new File(PROJECT, "scripts/create-hdfs-layout.sh").getPath(), "--dry-run")
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(out, 0, p.waitFor());
    for (String area : PortraitLayout.AREAS) {
      String rel = PortraitLayout.path(area);
      String dir = rel.startsWith("/") ? rel : ROOT + "/" + rel;
      assertTrue(out, out.contains("hdfs dfs -mkdir -p " + dir + "\n"));
      assertTrue(out, out.contains("hdfs dfs -chmod " + PortraitLayout.mode(area) + " " + dir + "\n"));
      assertTrue(out, out.contains("hdfs dfs -chown " + PortraitLayout.owner(area) + ":"
          + PortraitLayout.group(area) + " " + dir + "\n"));
    }
    for (String table : PortraitLayout.tables()) {
      assertTrue(out, out.contains("hdfs dfs -mkdir -p " + ROOT + "/" + PortraitLayout.tablePath(table) + "\n"));
    }
  }
}
