package org.portrait.jobs.metrics;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.ToolRunner;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.portrait.common.config.LocalMode;
import org.portrait.common.metrics.MultiLabelCounts;
import org.portrait.jobs.Jobs;

public class MetricsDriverTest {
  @ClassRule
  public static TemporaryFolder tmp = new TemporaryFolder();
  static Configuration conf;
  static MetricsTestData data;
  static MetricsDriver.Result result;
  static File out;

  @BeforeClass
  public static void runOnce() throws Exception {
    conf = LocalMode.configure(new Configuration(), tmp.newFolder("work"));
    data = new MetricsTestData(tmp.newFolder("in"), conf);
    out = new File(tmp.getRoot(), "metrics");
    result = MetricsDriver.run(conf, new Path(out.toURI()), data.options(null));
  }

  @Test
  public void scoresTestUsersAndWritesJsonTableAndReport() throws Exception {
    assertTrue(result.problems().toString(), result.ok());
    JsonNode json = new ObjectMapper().readTree(new File(out, "metrics.json"));
    JsonNode m = json.get("metrics");
    // independent check of ours: the same gold/predicted sets through the plain maths
    MultiLabelCounts expected = new MultiLabelCounts();
    for (int i = 0; i < data.testGold.size(); i++) {
      expected.add(data.testGold.get(i), data.testPredicted.get(i));
    }
    long testUsers = result.counters().get("TEST_USERS");
    assertEquals(data.testGold.size() + 1, testUsers); // + the user without a profile, if it is a test user
    assertEquals(1, (long) result.counters().get("PROFILE_WITHOUT_TRUTH"));
    assertEquals(testUsers, m.get("interest.users").asLong());
    assertTrue(m.get("interest.micro_f1").asDouble() > 0.7);
    assertTrue("ours beats the majority baseline",
        m.get("interest.micro_f1").asDouble() > m.get("baseline.majority.interest.micro_f1").asDouble());
    assertTrue(m.has("baseline.centroid.interest.micro_f1"));
    assertTrue(m.has("interest.f1@手机"));
    assertTrue(m.get("sentiment.user.accuracy").asDouble() > 0.5);
    assertTrue(m.get("sentiment.review.accuracy").asDouble() > 0.7);
    assertTrue(m.has("baseline.majority.sentiment.review.accuracy"));
    assertEquals(0.315, m.get("embedding.rho@ws-240").asDouble(), 1e-9);
    assertTrue(json.get("ok").asBoolean());
    for (JsonNode c : json.get("reconciliation")) {
      assertTrue(c.toString(), c.get("ok").asBoolean() && !c.get("skipped").asBoolean());
    }
    assertEquals(7, json.get("reconciliation").size()); // the seven default rules, all checked
    // the Parquet table holds the same figures
    Map<String, Double> table = new HashMap<>();
    MetricsInputs.forEachParquet(conf, new Path(new File(out, "profile_metrics").toURI()), (GenericRecord r) -> {
      assertEquals("test-run", r.get("run_id").toString());
      table.put(r.get("metric") + "@" + r.get("slice"), (Double) r.get("value"));
    });
    assertEquals(m.get("interest.micro_f1").asDouble(), table.get("interest.micro_f1@all"), 1e-12);
    assertEquals(result.rows().size(), table.size());
    String html = Files.readString(new File(out, "report.html").toPath(), StandardCharsets.UTF_8);
    assertTrue(html.contains("<meta charset=\"utf-8\"/>"));
    assertTrue(html.contains("酒店"));
    assertTrue(html.split("<svg ").length - 1 >= 7);
    assertFalse(html.contains("<script"));
    assertEquals(result.counters(), Jobs.readCounters(conf, new Path(out.toURI())));
    assertFalse("no temporary output left", new File(tmp.getRoot(), "_tmp.metrics").exists());
  }

  private static int cli(String... args) throws Exception {
    return ToolRunner.run(new Configuration(conf), new MetricsDriver(), args);
  }

  private String[] args(File output, String... extra) {
    String counters = "ingest=" + data.ingest + ",segment=" + data.segment + ",profile=" + data.profile;
    String[] base = {"--truth", data.truth.toString(), "--profiles", data.profiles.toString(), "--predictions",
        data.predictions.toString(), "--output", output.toURI().toString(), "--counters", counters};
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return all;
  }

  @Test
  public void thresholdBelowFloorExitsNonZeroAndSaysWhich() throws Exception {
    File floors = tmp.newFile("floors.properties");
    Files.writeString(floors.toPath(), "interest.micro_f1=0.99\nsentiment.review.accuracy=0.1\n");
    File o = new File(tmp.getRoot(), "metrics-threshold");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream old = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int rc;
    try {
      rc = cli(args(o, "--thresholds", floors.toURI().toString()));
    } finally {
      System.setErr(old);
    }
    assertEquals(1, rc);
    String msg = err.toString(StandardCharsets.UTF_8);
    assertTrue(msg, msg.contains("threshold failed: interest.micro_f1 = "));
    assertFalse(msg, msg.contains("sentiment.review.accuracy"));
    JsonNode json = new ObjectMapper().readTree(new File(o, "metrics.json"));
    assertFalse(json.get("ok").asBoolean());
    assertEquals(1, json.get("threshold_failures").size());
  }

  @Test
  public void unaccountedRecordsFailReconciliation() throws Exception {
    File ingest = tmp.newFolder("bad-ingest");
    Path dir = new Path(ingest.toURI());
    Jobs.writeCounters(conf, dir, Map.of("RECORDS_READ", 500L, "ACCEPTED", 470L, "REJECTED", 27L));
    File o = new File(tmp.getRoot(), "metrics-reconcile");
    String[] a = args(o);
    a[a.length - 1] = "ingest=" + dir + ",segment=" + data.segment;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream old = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int rc;
    try {
      rc = cli(a);
    } finally {
      System.setErr(old);
    }
    assertEquals(1, rc);
    String msg = err.toString(StandardCharsets.UTF_8);
    assertTrue(msg, msg.contains("reconciliation failed: ingest:RECORDS_READ = ingest:ACCEPTED + ingest:REJECTED"));
    assertTrue(msg, msg.contains("3 records unaccounted for"));
    assertTrue(msg, msg.contains("ingest:ACCEPTED = segment:REVIEWS_IN"));
  }

  @Test
  public void helpAndBadUsage() throws Exception {
    assertEquals(0, cli("--help"));
    assertEquals(2, cli("--output", "x"));
    assertEquals(2, cli("--bogus"));
  }

  @Test
  public void noTestUserIsAnErrorNotAZeroHeadline() throws Exception {
    // The same truth with every user marked train.
    File allTrain = new File(tmp.getRoot(), "all-train.csv");
    StringBuilder csv = new StringBuilder();
    for (String line : Files.readAllLines(new File(data.truth.toUri()).toPath(), StandardCharsets.UTF_8)) {
      csv.append(line.replace(",test,", ",train,")).append('\n');
    }
    Files.writeString(allTrain.toPath(), csv.toString(), StandardCharsets.UTF_8);
    MetricsDriver.Options o = data.options(null);
    MetricsDriver.Options trainOnly = new MetricsDriver.Options(o.profiles(), o.predictions(), o.tokens(),
        new Path(allTrain.toURI()), o.loss(), o.segments(), o.embeddingEval(), o.counterDirs(), null, "test-run");
    try {
      MetricsDriver.run(conf, new Path(new File(tmp.getRoot(), "metrics-no-test").toURI()), trainOnly);
      org.junit.Assert.fail("scored nobody without a word");
    } catch (org.portrait.common.config.UserError e) {
      assertTrue(e.getMessage(), e.getMessage().startsWith("no test user to score"));
      assertFalse("no raw id in the message", e.getMessage().matches(".*\\bu\\d{3,}.*"));
    }
  }
}
