package org.portrait.hive;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The published tables, as Hive users meet them: the bundled sample goes through the whole pipeline (the job
 * jar, in its own JVM, so its Parquet 1.17 stays out of this classpath), then embedded HiveServer2 4.0.1
 * (in-memory Derby metastore, Hive's own Parquet reader) creates the six tables with the DDL of hdfs-layout/hive,
 * runs the statements of the jar's hive-partitions command (before and after its lookalike command has made an
 * audience) and reads every row back. One pipeline run and one Hive session for the class.
 */
public class HiveReadsTablesTest {
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();
  private static final String DT = "2026-01-01";
  private static File project;
  private static File work;
  private static JsonNode counters;
  private static Connection hive;

  @BeforeClass
  public static void runPipelineAndStartHive() throws Exception {
    project = new File(System.getProperty("portrait.project.dir", "..")).getCanonicalFile();
    File jar = localJar(new File(project, "jobs/target"));
    File root = TMP.getRoot();
    work = new File(root, "work");
    File input = new File(root, "input");
    Files.createDirectories(input.toPath());
    Files.copy(new File(project, "data/sample/reviews.csv").toPath(), new File(input, "reviews.csv").toPath());
    // Rows ingest must reject, so that review_reject has rows to read: no user id, empty text, bad time (with a
    // phone number, which the table must hold masked).
    Files.write(new File(input, "bad.csv").toPath(), ("review_id,user_id,ts,category,label,text\n"
        + "bad1,,2024-01-01T00:00:00Z,水果,1,没有用户\n"
        + "bad2,u00001,2024-01-01T00:00:00Z,水果,1,\n"
        + "bad3,u00001,yesterday,水果,1,时间不对 电话13812345678\n").getBytes(StandardCharsets.UTF_8));
    Process p = new ProcessBuilder(javaBin(), "-Xmx2g", "-jar", jar.getPath(), "pipeline",
        "--input", input.getPath(), "--truth", new File(project, "data/sample/truth.csv").getPath(),
        "--work", work.getPath(), "--dt", DT)
        .redirectErrorStream(true).redirectOutput(new File(root, "pipeline.log")).start();
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      fail("pipeline failed; its output:\n" + Files.readString(new File(root, "pipeline.log").toPath()));
    }
    counters = new ObjectMapper().readTree(new File(work, "reports/dt=" + DT + "/metrics.json")).get("counters");

    File hiveDir = new File(root, "hive");
    System.setProperty("javax.jdo.option.ConnectionURL", "jdbc:derby:memory:portrait_metastore;create=true");
    System.setProperty("datanucleus.schema.autoCreateAll", "true");
    System.setProperty("hive.metastore.schema.verification", "false");
    System.setProperty("metastore.schema.verification", "false");
    System.setProperty("hive.metastore.warehouse.dir", new File(hiveDir, "warehouse").toURI().toString());
    System.setProperty("metastore.warehouse.dir", new File(hiveDir, "warehouse").toURI().toString());
    System.setProperty("hive.exec.scratchdir", new File(hiveDir, "scratch").getPath());
    System.setProperty("hive.exec.local.scratchdir", new File(hiveDir, "local-scratch").getPath());
    System.setProperty("hive.querylog.location", new File(hiveDir, "querylog").getPath());
    System.setProperty("hive.server2.logging.operation.log.location", new File(hiveDir, "oplog").getPath());
    System.setProperty("hive.execution.engine", "mr");
    System.setProperty("mapreduce.framework.name", "local");
    System.setProperty("fs.defaultFS", "file:///");
    System.setProperty("hive.server2.enable.doAs", "false");
    System.setProperty("hive.stats.autogather", "false");
    System.setProperty("hive.fetch.task.conversion", "more");
    System.setProperty("hive.support.concurrency", "false");
    hive = DriverManager.getConnection("jdbc:hive2://", "", "");
    for (String table : List.of("review_reject", "word_vector", "user_profile", "user_segment",
        "profile_metrics", "lookalike")) {
      createTable(table);
    }
    // The partitions are registered by the statements the hive-partitions command writes (as Oozie's last action).
    assertEquals(5, addPartitions(jar, root, "hive-partitions-1.sql"));
    // A lookalike audience of the published profiles: the first five users (by key) are the seeds.
    for (Object[] r : rows("SELECT user_key FROM user_profile WHERE dt = '" + DT + "' ORDER BY user_key LIMIT 5")) {
      seeds.add((String) r[0]);
    }
    File seedFile = new File(root, "seeds.txt");
    Files.write(seedFile.toPath(), seeds, StandardCharsets.UTF_8);
    Process la = new ProcessBuilder(javaBin(), "-Xmx1g", "-jar", jar.getPath(), "lookalike", "--seeds",
        seedFile.getPath(), "--work", work.getPath(), "--dt", DT, "--k", "40", "--min-audience", "10",
        "--audience", "hive-test").redirectErrorStream(true).redirectOutput(new File(root, "lookalike.log")).start();
    if (!la.waitFor(5, TimeUnit.MINUTES) || la.exitValue() != 0) {
      la.destroyForcibly();
      fail("lookalike failed; its output:\n" + Files.readString(new File(root, "lookalike.log").toPath()));
    }
    // Run again: the five are there already (IF NOT EXISTS), the lookalike partition is new.
    assertEquals(6, addPartitions(jar, root, "hive-partitions-2.sql"));
  }

  /** Runs the jar's hive-partitions for the run's dt, then each statement it wrote; returns how many. */
  private static int addPartitions(File jar, File root, String name) throws Exception {
    File sql = new File(root, name);
    Process p = new ProcessBuilder(javaBin(), "-Xmx1g", "-jar", jar.getPath(), "hive-partitions", "--work",
        work.getPath(), "--dt", DT, "--database", "default", "--output", sql.getPath()).redirectErrorStream(true)
        .redirectOutput(new File(root, name + ".log")).start();
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      fail("hive-partitions failed; its output:\n" + Files.readString(new File(root, name + ".log").toPath()));
    }
    int n = 0;
    try (Statement st = hive.createStatement()) {
      for (String line : Files.readAllLines(sql.toPath(), StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          assertTrue(line, line.contains("ADD IF NOT EXISTS PARTITION (dt='" + DT + "')"));
          st.execute(line.strip().replaceAll(";$", ""));
          n++;
        }
      }
    }
    return n;
  }

  private static final List<String> seeds = new ArrayList<>();

  @Test
  public void lookalikeAudienceIsRankedAndExcludesTheSeeds() throws Exception {
    List<Object[]> a = rows("SELECT audience_id, user_key, score, `rank` FROM lookalike WHERE dt = '" + DT
        + "' ORDER BY `rank`");
    assertEquals(40, a.size());
    for (int i = 0; i < a.size(); i++) {
      assertEquals("hive-test", a.get(i)[0]);
      assertTrue(String.valueOf(a.get(i)[1]).matches("[0-9a-f]{64}"));
      assertFalse("a seed in its own audience", seeds.contains((String) a.get(i)[1]));
      assertEquals(i + 1, ((Number) a.get(i)[3]).intValue());
      if (i > 0) {
        assertTrue("scores fall with rank", ((Number) a.get(i)[2]).doubleValue()
            <= ((Number) a.get(i - 1)[2]).doubleValue());
      }
    }
  }

  @AfterClass
  public static void closeHive() throws SQLException {
    if (hive != null) {
      hive.close();
    }
  }

  /** Runs the project's DDL for {@code table} with the local warehouse as location. */
  private static void createTable(String table) throws IOException, SQLException {
    String ddl = Files.readString(new File(project, "hdfs-layout/hive/" + table + ".sql").toPath());
    StringBuilder sql = new StringBuilder();
    for (String line : ddl.split("\n")) {
      if (!line.trim().startsWith("--")) {
        sql.append(line).append('\n');
      }
    }
    String location = new File(work, "warehouse/" + table).toURI().toString();
    String create = sql.toString().trim().replaceAll(";$", "")
        .replaceAll("LOCATION\\s+'[^']*'", "LOCATION '" + location + "'");
    assertTrue(table + ": DDL has a LOCATION", create.contains(location));
    try (Statement s = hive.createStatement()) {
      s.execute(create);
    }
  }

  private static List<Object[]> rows(String query) throws SQLException {
    List<Object[]> out = new ArrayList<>();
    try (Statement s = hive.createStatement(); ResultSet r = s.executeQuery(query)) {
      int n = r.getMetaData().getColumnCount();
      while (r.next()) {
        Object[] row = new Object[n];
        for (int c = 0; c < n; c++) {
          row[c] = r.getObject(c + 1);
        }
        out.add(row);
      }
    }
    return out;
  }

  private static long counter(String stage, String name) {
    return counters.get(stage).get(name).asLong();
  }

  @Test
  public void userProfileRowsWithVectorsKeywordsAndInterests() throws Exception {
    List<Object[]> r = rows("SELECT user_key, review_count, vector, keywords, interest_scores, top_interests,"
        + " sentiment_score, segment_id, summary FROM user_profile WHERE dt = '" + DT + "'");
    assertEquals(counter("profile", "USERS"), r.size());
    long reviews = 0;
    for (Object[] row : r) {
      assertNotNull(row[0]);
      reviews += ((Number) row[1]).longValue();
      // Hive's JDBC driver renders complex types as JSON text.
      JsonNode vector = new ObjectMapper().readTree((String) row[2]);
      assertTrue("vector has dimensions", vector.size() > 0);
      vector.forEach(x -> assertTrue(Double.isFinite(x.asDouble())));
      JsonNode keywords = new ObjectMapper().readTree((String) row[3]);
      assertTrue(keywords.size() > 0 && keywords.get(0).has("term") && keywords.get(0).has("weight"));
      assertTrue(new ObjectMapper().readTree((String) row[4]).size() > 0);
      float sentiment = ((Number) row[6]).floatValue();
      assertTrue(sentiment >= 0 && sentiment <= 1);
      assertTrue(((String) row[8]).length() > 0);
    }
    assertEquals("every accepted review belongs to one profile", counter("ingest", "ACCEPTED"), reviews);
  }

  @Test
  public void wordVectorHasTheVocabulary() throws Exception {
    List<Object[]> r = rows("SELECT word, id, `count`, vector FROM word_vector WHERE dt = '" + DT + "'");
    assertEquals(counter("vocab", "VOCAB_SIZE"), r.size());
    int dims = -1;
    for (Object[] row : r) {
      JsonNode v = new ObjectMapper().readTree((String) row[3]);
      if (dims < 0) {
        dims = v.size();
      }
      assertEquals("every vector has the same dimension", dims, v.size());
    }
    assertTrue(dims > 0);
  }

  @Test
  public void userSegmentSizesAddUpToTheUsers() throws Exception {
    List<Object[]> r = rows("SELECT segment_id, size, suppressed, centroid FROM user_segment WHERE dt = '" + DT + "'");
    assertEquals(counter("segments", "SEGMENTS_PUBLISHED") + (counter("segments", "USERS_IN_OTHER") > 0 ? 1 : 0),
        r.size());
    long users = 0;
    long suppressed = 0;
    for (Object[] row : r) {
      users += ((Number) row[1]).longValue();
      if (Boolean.TRUE.equals(row[2])) {
        // k-anonymity: only segment -1 may be below the size, and then it is published with its size only
        suppressed++;
        assertEquals(-1, ((Number) row[0]).intValue());
        assertEquals(0, new ObjectMapper().readTree((String) row[3]).size());
      }
    }
    assertEquals(counter("segments", "OTHER_SUPPRESSED"), suppressed);
    assertEquals(counter("segments", "VECTORS_OUT"), users);
  }

  @Test
  public void profileMetricsAndRejectsAreReadable() throws Exception {
    List<Object[]> m = rows("SELECT * FROM profile_metrics WHERE dt = '" + DT + "'");
    assertTrue("metrics rows", m.size() > 10);
    // Scores against truth and the data gates of the same run, in one partition.
    assertTrue("gate rows", m.stream().anyMatch(r -> java.util.Arrays.stream(r)
        .anyMatch(c -> String.valueOf(c).equals("gate.daily.reconciliation"))));
    assertTrue("quality rows", m.stream().anyMatch(r -> java.util.Arrays.stream(r)
        .anyMatch(c -> String.valueOf(c).startsWith("interest."))));
    List<Object[]> rejects = rows("SELECT reason, user_key, text FROM review_reject WHERE dt = '" + DT
        + "' ORDER BY reason");
    assertEquals(counter("ingest", "REJECTED"), rejects.size());
    assertEquals(3, rejects.size());
    // BAD_TIMESTAMP, EMPTY_TEXT, MISSING_USER_ID: pseudonyms (never the raw id), masked text, no raw record
    assertEquals("BAD_TIMESTAMP", rejects.get(0)[0]);
    assertEquals("时间不对 电话 <PHONE>", rejects.get(0)[2]);
    assertTrue(String.valueOf(rejects.get(0)[1]).matches("[0-9a-f]{64}"));
    assertEquals(rejects.get(0)[1], rejects.get(1)[1]);
    assertEquals(null, rejects.get(1)[2]);
    assertEquals("MISSING_USER_ID", rejects.get(2)[0]);
    assertEquals(null, rejects.get(2)[1]);
    assertEquals("没有用户", rejects.get(2)[2]);
  }

  private static File localJar(File dir) {
    File[] jars = dir.listFiles((d, n) -> n.startsWith("portrait-jobs-") && n.endsWith("-local.jar"));
    if (jars == null || jars.length == 0) {
      fail("no portrait-jobs-*-local.jar in " + dir + ": build the jobs module first (mvn verify from the "
          + "project root builds it before this module)");
    }
    return jars[0];
  }

  private static String javaBin() {
    return new File(System.getProperty("java.home"), "bin/java").getPath();
  }
}
