package org.portrait.jobs.drift;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.portrait.common.config.LocalMode;
import org.portrait.common.config.UserError;
import org.portrait.jobs.Jobs;
import org.portrait.schema.UserProfile;

/** Local-mode runs of the drift job over two days written as user_profile Parquet folders. */
public class DriftDriverTest {
  @ClassRule public static TemporaryFolder tmp = new TemporaryFolder();
  static final String[] CATS = {"手机", "酒店", "书籍"};
  static final String[] LABELS = {"positive", "neutral", "negative"};
  static File dir;
  static Configuration conf;

  /** 30 users: interests and labels spread evenly, vectors along their interest's axis, segment = interest. */
  static List<UserProfile> day(boolean flipped, int from, int to) {
    List<UserProfile> out = new ArrayList<>();
    for (int u = from; u < to; u++) {
      int c = flipped ? 0 : u % 3;
      float[] v = new float[3];
      v[u % 3] = 1;
      v[(u + 1) % 3] = flipped ? 1 : 0.1f;
      out.add(DriftJobTest.profile("u" + u, CATS[c], flipped ? "negative" : LABELS[u % 3], u % 3, v));
    }
    return out;
  }

  static Path write(String name, List<UserProfile> profiles) throws Exception {
    Path folder = new Path(new File(dir, name).getPath());
    try (ParquetWriter<UserProfile> w = AvroParquetWriter.<UserProfile>builder(
        HadoopOutputFile.fromPath(new Path(folder, "part-r-00000.parquet"), conf))
        .withSchema(UserProfile.getClassSchema()).withConf(conf).build()) {
      for (UserProfile p : profiles) {
        w.write(p);
      }
    }
    return folder;
  }

  static Path path(String name) {
    return new Path(new File(dir, name).getPath());
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> readMetrics(String out) throws Exception {
    return new ObjectMapper().readValue(new File(dir, out + "/" + DriftDriver.METRICS_FILE), Map.class);
  }

  @BeforeClass
  public static void setUp() throws Exception {
    dir = tmp.newFolder("w");
    conf = LocalMode.configure(new Configuration(), dir);
    conf.setBoolean("parquet.avro.write-old-list-structure", false);
    write("A/user_profile", day(false, 0, 30));
    write("B/user_profile", day(false, 0, 30));
    List<UserProfile> flipped = day(true, 5, 35);
    // a profile without vector (no evidence) is counted, never a crash
    flipped.add(UserProfile.newBuilder(flipped.get(0)).setUserKey("empty").setVector(List.of()).build());
    write("C/user_profile", flipped);
  }

  @Test
  public void identicalDaysShowNoDrift() throws Exception {
    DriftDriver.Result r = DriftDriver.run(conf, path("B/user_profile"), path("A/user_profile"), path("D1"));
    Map<String, Object> m = readMetrics("D1");
    assertEquals(r.metrics.keySet(), m.keySet());
    assertEquals(30, ((Number) m.get(DriftDriver.USERS_TODAY)).intValue());
    assertEquals(30, ((Number) m.get(DriftDriver.USERS_YESTERDAY)).intValue());
    assertEquals(30, ((Number) m.get(DriftDriver.USERS_RETURNING)).intValue());
    assertEquals(0, ((Number) m.get(DriftDriver.USERS_NEW)).intValue());
    assertEquals(0, ((Number) m.get(DriftDriver.USERS_GONE)).intValue());
    assertEquals(0, ((Number) m.get(DriftDriver.PSI_INTEREST)).doubleValue(), 1e-12);
    assertEquals(0, ((Number) m.get(DriftDriver.PSI_SENTIMENT)).doubleValue(), 1e-12);
    assertEquals(0, ((Number) m.get(DriftDriver.COSINE_SHIFT)).doubleValue(), 1e-6);
    assertEquals(0, ((Number) m.get(DriftDriver.SEGMENT_CHANGED)).doubleValue(), 1e-12);
    Map<String, Long> counters = Jobs.readCounters(conf, path("D1"));
    assertEquals(60L, counters.get("PROFILES_TODAY") + counters.get("PROFILES_YESTERDAY"));
    assertEquals(30L, (long) counters.get("SHIFT_USERS"));
    assertTrue(new File(dir, "D1/" + DriftDriver.SUMS_DIR).isDirectory());
  }

  @Test
  public void flippedInterestsGiveALargePsi() throws Exception {
    DriftDriver.run(conf, path("C/user_profile"), path("A/user_profile"), path("D2"));
    Map<String, Object> m = readMetrics("D2");
    assertEquals(31, ((Number) m.get(DriftDriver.USERS_TODAY)).intValue());
    assertEquals(25, ((Number) m.get(DriftDriver.USERS_RETURNING)).intValue());
    assertEquals(6, ((Number) m.get(DriftDriver.USERS_NEW)).intValue());
    assertEquals(5, ((Number) m.get(DriftDriver.USERS_GONE)).intValue());
    double psi = ((Number) m.get(DriftDriver.PSI_INTEREST)).doubleValue();
    assertTrue("psi " + psi, psi > 1);
    assertTrue(((Number) m.get(DriftDriver.PSI_SENTIMENT)).doubleValue() > 1);
    double shift = ((Number) m.get(DriftDriver.COSINE_SHIFT)).doubleValue();
    assertTrue("shift " + shift, shift > 0.1 && shift < 1);
    // segments are by user number on both days: unchanged
    assertEquals(0, ((Number) m.get(DriftDriver.SEGMENT_CHANGED)).doubleValue(), 1e-12);
    assertEquals(1L, (long) Jobs.readCounters(conf, path("D2")).get("NO_VECTOR"));
  }

  @Test
  public void sameOrMissingInputIsAUserError() {
    UserError e = assertThrows(UserError.class,
        () -> DriftDriver.run(conf, path("A/user_profile"), path("A/user_profile/"), path("D3")));
    assertTrue(e.getMessage(), e.getMessage().contains("same folder"));
    e = assertThrows(UserError.class,
        () -> DriftDriver.run(conf, path("A/user_profile"), path("nowhere"), path("D3")));
    assertTrue(e.getMessage(), e.getMessage().contains("does not exist"));
    e = assertThrows(UserError.class,
        () -> DriftDriver.run(conf, path("A/user_profile"), path("B/user_profile"), path("A")));
    assertTrue(e.getMessage(), e.getMessage().contains("overlaps"));
  }

  @Test
  public void commandLineMissingOptionExitsWithTwoAndOneLine() throws Exception {
    DriftDriver tool = new DriftDriver();
    tool.setConf(new Configuration(false));
    PrintStream err = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    int rc;
    try {
      rc = tool.run(new String[] {"--today", path("A/user_profile").toString(), "--output", path("D4").toString()});
    } finally {
      System.setErr(err);
    }
    String msg = buf.toString(StandardCharsets.UTF_8).trim();
    assertEquals(msg, 2, rc);
    assertTrue(msg, msg.contains("--yesterday"));
    assertEquals(msg, 1, msg.split("\n").length);
  }
}
