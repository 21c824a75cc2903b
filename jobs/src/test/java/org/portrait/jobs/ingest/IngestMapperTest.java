package org.portrait.jobs.ingest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;
import org.apache.hadoop.mrunit.types.Pair;
import org.junit.Before;
import org.junit.Test;
import org.portrait.common.UserSplit;
import org.portrait.common.ingest.RejectReason;
import org.portrait.common.privacy.Pseudonymizer;

public class IngestMapperTest {
  private static final String HEADER = "review_id,user_id,ts,category,label,text";
  private MapDriver<LongWritable, Text, Text, IngestValue> driver;

  @Before
  public void setUp() {
    driver = MapDriver.newMapDriver(new IngestMapper());
    Configuration conf = driver.getConfiguration();
    conf.set(IngestDriver.PSEUDONYM_KEY, "test-key");
    conf.setInt(IngestDriver.MAX_TEXT_CHARS, 20);
    driver.setMapInputPath(new Path("/in/a.csv"));
  }

  private MapDriver<LongWritable, Text, Text, IngestValue> csv(String... rows) {
    long pos = 0;
    for (String r : rows) {
      driver.withInput(new LongWritable(pos), new Text(r));
      pos += r.getBytes(StandardCharsets.UTF_8).length + 1;
    }
    return driver;
  }

  private long counter(IngestCounters c) {
    return driver.getCounters().findCounter(c).getValue();
  }

  @Test
  public void headerIsNotARecordAndGoodRowIsAccepted() throws Exception {
    List<Pair<Text, IngestValue>> out = csv("\uFEFF" + HEADER, "r1,u1,2024-01-01T00:00:00Z,书籍,1,好书").run();
    assertEquals(1, out.size());
    assertEquals("Ar1", out.get(0).getFirst().toString());
    IngestValue v = out.get(0).getSecond();
    assertTrue(v.isAccepted());
    assertEquals(new Pseudonymizer("test-key").pseudonym("u1"), v.review().getUserKey());
    assertEquals(UserSplit.of("u1", UserSplit.DEFAULT_TEST_SHARE), v.review().getSplit());
    assertEquals("/in/a.csv", v.source());
    assertEquals(HEADER.length() + 4, v.position());
    assertEquals(1, counter(IngestCounters.HEADER_ROWS));
    assertEquals(1, counter(IngestCounters.RECORDS_READ));
  }

  @Test
  public void emptyInputEmitsNothing() throws Exception {
    // MRUnit needs at least one input; a blank JSON Lines line is no record (an empty file: IngestDriverTest).
    driver.setMapInputPath(new Path("/in/b.jsonl"));
    assertTrue(driver.withInput(new LongWritable(0), new Text("")).run().isEmpty());
    assertEquals(0, counter(IngestCounters.RECORDS_READ));
  }

  @Test
  public void headerOnly() throws Exception {
    assertTrue(csv(HEADER).run().isEmpty());
    assertEquals(0, counter(IngestCounters.RECORDS_READ));
    assertEquals(1, counter(IngestCounters.HEADER_ROWS));
  }

  @Test
  public void everyMapSideRejectReason() throws Exception {
    csv(HEADER,
        "r1,,2024-01-01,c,1,x",
        "r2,u1,2024-01-01,c,1,\u200B",
        "r3,u1,2024-01-01,c,1,123456789012345678901",
        "r4,u1,later,c,1,x",
        "r5,u1,2024-01-01,c,1",
        "r6,u1,2024-01-01,c,1,\"x\"y",
        "r7,u1,2024-01-01,c,yes,x");
    byte[] bad = "r8,u1,2024-01-01,c,1,\u574f".getBytes(StandardCharsets.UTF_8);
    byte[] broken = java.util.Arrays.copyOf(bad, bad.length + 2);
    broken[bad.length] = (byte) 0xff;
    broken[bad.length + 1] = (byte) 0xfe;
    Text t = new Text();
    t.set(broken);
    driver.withInput(new LongWritable(1000), t);
    List<Pair<Text, IngestValue>> out = driver.run();
    RejectReason[] expected = {RejectReason.MISSING_USER_ID, RejectReason.EMPTY_TEXT, RejectReason.TEXT_TOO_LONG,
        RejectReason.BAD_TIMESTAMP, RejectReason.WRONG_COLUMN_COUNT, RejectReason.MALFORMED, RejectReason.MALFORMED,
        RejectReason.UNDECODABLE};
    assertEquals(expected.length, out.size());
    for (int i = 0; i < expected.length; i++) {
      IngestValue v = out.get(i).getSecond();
      assertEquals("row " + i, expected[i], v.reason());
      assertTrue(out.get(i).getFirst().toString().startsWith("X/in/a.csv@"));
      assertEquals(v.position(), Long.parseLong(out.get(i).getFirst().toString().substring(11)));
    }
    String key = new Pseudonymizer("test-key").pseudonym("u1");
    // The reject rows have the pseudonym where the user id was read, and the text where there was one.
    assertEquals(null, out.get(0).getSecond().toReject().getUserKey());
    assertEquals("x", out.get(0).getSecond().toReject().getText());
    assertEquals(key, out.get(1).getSecond().toReject().getUserKey());
    assertEquals(null, out.get(1).getSecond().toReject().getText());
    assertEquals(key, out.get(3).getSecond().toReject().getUserKey());
    assertEquals(null, out.get(4).getSecond().toReject().getUserKey()); // wrong column count: nothing read
    assertEquals(key, out.get(7).getSecond().toReject().getUserKey()); // undecodable, but the fields parse
    assertTrue(out.get(7).getSecond().toReject().getText().contains("\uFFFD"));
    for (Pair<Text, IngestValue> p : out) {
      assertEquals("no quarantine, no raw record", "", p.getSecond().raw());
    }
    assertEquals(8, counter(IngestCounters.RECORDS_READ));
  }

  @Test
  public void textIsMaskedBeforeAnythingIsEmittedAndCountedPerKind() throws Exception {
    driver.getConfiguration().setInt(IngestDriver.MAX_TEXT_CHARS, 100);
    List<Pair<Text, IngestValue>> out = csv(HEADER,
        "r1,u1,2024-01-01,c,1,加我qq 123456789 电话13812345678",
        "r2,,2024-01-01,c,1,微信 abc_12345",
        "r3,u2,2024-01-01,c,1,好书").run();
    assertEquals("加我qq <QQ> 电话 <PHONE>", out.get(0).getSecond().review().getText());
    assertEquals("微信 <WECHAT>", out.get(1).getSecond().toReject().getText());
    assertEquals("好书", out.get(2).getSecond().review().getText());
    assertEquals(1, counter(IngestCounters.PII_QQ));
    assertEquals(1, counter(IngestCounters.PII_PHONE));
    assertEquals(1, counter(IngestCounters.PII_WECHAT));
    assertEquals(0, counter(IngestCounters.PII_EMAIL));
  }

  @Test
  public void rejectTextIsTruncatedAndRawKeptOnlyForTheQuarantine() throws Exception {
    driver.getConfiguration().setInt(IngestDriver.MAX_RAW_CHARS, 10);
    driver.getConfiguration().set(IngestDriver.QUARANTINE, "/q");
    List<Pair<Text, IngestValue>> out = csv(HEADER, "r1,,2024-01-01,c,1,some longer text").run();
    assertEquals("some longe...[truncated]", out.get(0).getSecond().toReject().getText());
    assertEquals("r1,,2024-0...[truncated]", out.get(0).getSecond().raw());
  }

  @Test
  public void headerWithoutTextColumnFailsTheTask() {
    try {
      csv("review_id,user_id,body", "r1,u1,x").run();
      fail("expected a failure");
    } catch (Exception e) {
      assertTrue(e.getMessage(), e.getMessage().contains("no column 'text'"));
    }
  }

  @Test
  public void jsonLines() throws Exception {
    driver.setMapInputPath(new Path("/in/b.jsonl"));
    List<Pair<Text, IngestValue>> out = driver
        .withInput(new LongWritable(0), new Text("{\"user_id\":\"u1\",\"review_id\":\"j1\",\"text\":\"好\"}"))
        .withInput(new LongWritable(50), new Text("   "))
        .withInput(new LongWritable(54), new Text("{\"user_id\":\"u1\",\"text\":"))
        .run();
    assertEquals(2, out.size());
    assertEquals("Aj1", out.get(0).getFirst().toString());
    assertEquals(RejectReason.MALFORMED, out.get(1).getSecond().reason());
    assertEquals(2, counter(IngestCounters.RECORDS_READ));
    assertEquals(0, counter(IngestCounters.HEADER_ROWS));
  }
}
