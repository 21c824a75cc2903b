package org.portrait.jobs.ingest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.Test;
import org.portrait.common.UserSplit;
import org.portrait.common.ingest.RejectReason;
import org.portrait.common.privacy.Pseudonymizer;
import org.portrait.schema.Review;

/** Plain tests of the ingest parsers: timestamps, text clean-up, formats, record validation. */
public class ParsersTest {
  private final TimestampParser utc = new TimestampParser(ZoneId.of("UTC"));
  private final Pseudonymizer pseudo = new Pseudonymizer("test-key");

  private ReviewParser parser() {
    return new ReviewParser(new ReviewParser.Columns(), pseudo, 0.3, 10, utc);
  }

  @Test
  public void timestamps() {
    long t = 1704067200000L; // 2024-01-01T00:00:00Z
    assertEquals(t, (long) utc.parse("2024-01-01T00:00:00Z"));
    assertEquals(t, (long) utc.parse("2024-01-01T08:00:00+08:00"));
    assertEquals(t, (long) utc.parse("2024-01-01T08:00:00+0800"));
    assertEquals(t, (long) utc.parse("2023-12-31T19:00:00-05:00"));
    assertEquals(t, (long) utc.parse("2024-01-01T00:00:00"));
    assertEquals(t, (long) utc.parse("2024-01-01 00:00:00"));
    assertEquals(t + 500, (long) utc.parse("2024-01-01 00:00:00.5"));
    assertEquals(t, (long) utc.parse("2024-01-01T00:00"));
    assertEquals(t, (long) utc.parse("2024-01-01"));
    assertEquals(t, (long) utc.parse("1704067200"));
    assertEquals(t, (long) utc.parse("1704067200000"));
    assertEquals(t, (long) utc.parse(" 1704067200 "));
    assertEquals(t - 8 * 3600_000L, (long) new TimestampParser(ZoneId.of("Asia/Shanghai")).parse("2024-01-01 00:00:00"));
    assertNull(utc.parse(""));
    assertNull(utc.parse("  "));
    assertNull(utc.parse(null));
    for (String bad : new String[] {"yesterday", "2024-13-45", "2024-01-01T25:00:00", "12:00", "1e9",
        "99999999999999999999", "2024/01/01"}) {
      try {
        utc.parse(bad);
        fail("expected unparsable: " + bad);
      } catch (DateTimeException expected) {
        // ok
      }
    }
  }

  @Test
  public void textCleanUp() {
    assertEquals("a b", TextCleaner.clean("\uFEFF  a \u200B\t\n b \u3000"));
    assertEquals("好书 推荐", TextCleaner.clean("好书\u00A0\u00A0推荐"));
    assertEquals("", TextCleaner.clean("\u200B\uFEFF "));
    assertEquals("a b", TextCleaner.clean("a\u0000b"));
    assertNull(TextCleaner.clean(null));
  }

  @Test
  public void formatByExtensionOrSetting() {
    Configuration conf = new Configuration(false);
    assertEquals(IngestFormat.CSV, IngestFormat.of(new Path("/x/a.csv"), conf));
    assertEquals(IngestFormat.CSV, IngestFormat.of(new Path("/x/a.CSV.gz"), conf));
    assertEquals(IngestFormat.TSV, IngestFormat.of(new Path("/x/a.tsv"), conf));
    assertEquals(IngestFormat.JSONL, IngestFormat.of(new Path("/x/a.jsonl.gz"), conf));
    assertEquals(IngestFormat.AVRO, IngestFormat.of(new Path("/x/a.avro"), conf));
    try {
      IngestFormat.of(new Path("/x/a.txt"), conf);
      fail();
    } catch (IllegalArgumentException e) {
      assertTrue(e.getMessage().contains(IngestDriver.FORMAT));
    }
    conf.set(IngestDriver.FORMAT, "tsv");
    assertEquals(IngestFormat.TSV, IngestFormat.of(new Path("/x/a.txt"), conf));
  }

  @Test
  public void delimitedRecord() {
    ReviewParser p = parser();
    p.setHeader(Arrays.asList("\uFEFFreview_id", "user_id", "ts", "category", "label", "text"));
    ReviewParser.Outcome o = p.parseDelimited("r1,u1,2024-01-01,书籍,1,\"好, \"\"书\"\"\"", ',');
    assertTrue(o.accepted());
    Review r = o.review;
    assertEquals("r1", r.getReviewId());
    assertEquals(pseudo.pseudonym("u1"), r.getUserKey());
    assertEquals(1704067200000L, (long) r.getTs());
    assertEquals("书籍", r.getCategory());
    assertEquals(1, (int) r.getLabel());
    assertEquals(UserSplit.of("u1", 0.3), r.getSplit());
    assertEquals("好, \"书\"", r.getText());
    assertEquals(RejectReason.WRONG_COLUMN_COUNT, p.parseDelimited("r1,u1", ',').reason);
    assertEquals(RejectReason.MALFORMED, p.parseDelimited("r1,u1,,,,\"x\"y", ',').reason);
    assertEquals(RejectReason.MISSING_USER_ID, p.parseDelimited("r1, ,,,,x", ',').reason);
    assertEquals(RejectReason.EMPTY_TEXT, p.parseDelimited("r1,u1,,,,\u200B", ',').reason);
    assertEquals(RejectReason.TEXT_TOO_LONG, p.parseDelimited("r1,u1,,,,12345678901", ',').reason);
    assertTrue(p.parseDelimited("r1,u1,,,,1234567890", ',').accepted());
    assertEquals(RejectReason.BAD_TIMESTAMP, p.parseDelimited("r1,u1,soon,,,x", ',').reason);
    assertEquals(RejectReason.MALFORMED, p.parseDelimited("r1,u1,,,2,x", ',').reason);
    Review noTs = p.parseDelimited("r1,u1,,,,x", ',').review;
    assertNull(noTs.getTs());
    assertNull(noTs.getLabel());
    assertNull(noTs.getCategory());
  }

  @Test
  public void tsvRecordAndMappedColumns() {
    ReviewParser.Columns c = new ReviewParser.Columns();
    c.userId = "uid";
    c.text = "content";
    ReviewParser p = new ReviewParser(c, pseudo, 0.3, 100, utc);
    p.setHeader(Arrays.asList("uid", "content"));
    ReviewParser.Outcome o = p.parseDelimited("u9\t有,逗号", '\t');
    assertTrue(o.accepted());
    assertEquals("有,逗号", o.review.getText());
    assertTrue(o.review.getReviewId().startsWith("h-"));
    assertEquals(22, o.review.getReviewId().length());
    // the same user and text give the same derived id
    assertEquals(o.review.getReviewId(), p.parseDelimited("u9\t有,逗号", '\t').review.getReviewId());
    try {
      p.setHeader(Arrays.asList("user_id", "text"));
      fail("missing mapped columns must be an error");
    } catch (IllegalArgumentException e) {
      assertTrue(e.getMessage(), e.getMessage().contains("uid"));
    }
  }

  @Test
  public void jsonRecord() {
    ReviewParser p = parser();
    ReviewParser.Outcome o = p.parseJson("{\"review_id\":7,\"user_id\":42,\"ts\":1704067200,\"label\":\"neg\","
        + "\"text\":\" 很好\\u200b \",\"extra\":[1,2]}");
    assertTrue(o.accepted());
    assertEquals("7", o.review.getReviewId());
    assertEquals(pseudo.pseudonym("42"), o.review.getUserKey());
    assertEquals(0, (int) o.review.getLabel());
    assertEquals("很好", o.review.getText());
    assertEquals(RejectReason.MALFORMED, p.parseJson("{\"user_id\":1,").reason);
    assertEquals(RejectReason.MALFORMED, p.parseJson("[1,2]").reason);
    assertEquals(RejectReason.MISSING_USER_ID, p.parseJson("{\"user_id\":null,\"text\":\"x\"}").reason);
    assertEquals(RejectReason.EMPTY_TEXT, p.parseJson("{\"user_id\":\"u\"}").reason);
  }

  /** Texts are masked before anything sees them; rejects carry the pseudonym and masked text where read. */
  @Test
  public void textIsMaskedAndRejectsCarryNoRawValues() {
    ReviewParser p = new ReviewParser(new ReviewParser.Columns(), pseudo, 0.3, 100, utc);
    p.setHeader(Arrays.asList("user_id", "ts", "text"));
    ReviewParser.Outcome ok = p.parseDelimited("u1,,加我qq 123456789", ',');
    assertEquals("加我qq <QQ>", ok.review.getText());
    assertEquals(pseudo.pseudonym("u1"), ok.userKey);
    ReviewParser.Outcome badTs = p.parseDelimited("u1,soon,电话13812345678", ',');
    assertEquals(RejectReason.BAD_TIMESTAMP, badTs.reason);
    assertEquals(pseudo.pseudonym("u1"), badTs.userKey);
    assertEquals("电话 <PHONE>", badTs.text);
    ReviewParser.Outcome noUser = p.parseDelimited(",,微信 abc_12345", ',');
    assertNull(noUser.userKey);
    assertEquals("微信 <WECHAT>", noUser.text);
    assertEquals(1, p.piiCounts()[org.portrait.common.text.PiiKind.PHONE.ordinal()]);
    assertEquals(1, p.piiCounts()[org.portrait.common.text.PiiKind.WECHAT.ordinal()]);
    ReviewParser.Outcome json = p.parseJson("user12345,电话13812345678");
    assertEquals(RejectReason.MALFORMED, json.reason);
    assertTrue(json.detail, !json.detail.contains("user12345") && !json.detail.contains("13812345678"));
  }
}
