package org.portrait.jobs.ingest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mrunit.mapreduce.ReduceDriver;
import org.junit.Before;
import org.junit.Test;
import org.portrait.common.ingest.RejectReason;
import org.portrait.schema.Review;
import org.portrait.schema.ReviewReject;

public class IngestReducerTest {

  /** The reducer with its two outputs captured instead of written through MultipleOutputs. */
  static final class Capturing extends IngestReducer {
    final List<Review> reviews = new ArrayList<>();
    final List<ReviewReject> rejects = new ArrayList<>();
    final List<String> quarantined = new ArrayList<>();

    @Override
    protected void setup(Context context) {
      // no MultipleOutputs
    }

    @Override
    protected void writeReview(Context context, Review review) {
      reviews.add(Review.newBuilder(review).build());
    }

    @Override
    protected void writeReject(Context context, ReviewReject reject) {
      rejects.add(ReviewReject.newBuilder(reject).build());
    }

    @Override
    protected void writeQuarantine(Context context, Text jsonLine) {
      quarantined.add(jsonLine.toString());
    }
  }

  private Capturing reducer;
  private ReduceDriver<Text, IngestValue, NullWritable, NullWritable> driver;

  @Before
  public void setUp() {
    reducer = new Capturing();
    driver = ReduceDriver.newReduceDriver(reducer);
  }

  private static IngestValue review(String source, long pos, String id, String text, Long ts) {
    Review r = Review.newBuilder().setReviewId(id).setUserKey("k").setTs(ts).setCategory(null).setLabel(1)
        .setSplit("train").setText(text).build();
    return IngestValue.accepted(source, pos, "raw " + text, r);
  }

  private long counter(IngestCounters c) {
    return driver.getCounters().findCounter(c).getValue();
  }

  @Test
  public void keepsTheFirstCopyByPositionWhateverTheOrder() throws Exception {
    driver.withInput(new Text("Ar1"), Arrays.asList(
        review("file:/a.csv", 30, "r1", "third", 1L),
        review("file:/a.csv", 10, "r1", "first", 1L),
        review("file:/a.csv", 20, "r1", "second", 1L)));
    driver.run();
    assertEquals(1, reducer.reviews.size());
    assertEquals("first", reducer.reviews.get(0).getText());
    assertEquals(2, reducer.rejects.size());
    for (ReviewReject r : reducer.rejects) {
      assertEquals(RejectReason.DUPLICATE_REVIEW_ID.name(), r.getReason());
      assertTrue(r.getDetail(), r.getDetail().contains("file:/a.csv@10"));
    }
    assertEquals(Arrays.asList(30L, 20L), Arrays.asList(reducer.rejects.get(0).getPosition(),
        reducer.rejects.get(1).getPosition()));
    assertEquals(1, counter(IngestCounters.ACCEPTED));
    assertEquals(2, counter(IngestCounters.REJECTED));
    assertEquals(2, counter(IngestCounters.REJECT_DUPLICATE_REVIEW_ID));
  }

  @Test
  public void sourcePathDecidesBeforePosition() throws Exception {
    driver.withInput(new Text("Ar1"), Arrays.asList(
        review("file:/b.csv", 0, "r1", "from b", 1L),
        review("file:/a.csv", 500, "r1", "from a", 1L)));
    driver.run();
    assertEquals("from a", reducer.reviews.get(0).getText());
    assertEquals("file:/b.csv", reducer.rejects.get(0).getSource());
  }

  @Test
  public void mapSideRejectsPassThroughAndCountByReason() throws Exception {
    driver.withInput(new Text("Xfile:/a.csv@5"), Arrays.asList(
        IngestValue.rejected("file:/a.csv", 5, "", RejectReason.MISSING_USER_ID, "no user", null, "x")));
    driver.withInput(new Text("Xfile:/a.csv@9"), Arrays.asList(
        IngestValue.rejected("file:/a.csv", 9, "", RejectReason.BAD_TIMESTAMP, "bad", "k9", "t9")));
    driver.withInput(new Text("Ah-0123"), Arrays.asList(review("file:/a.csv", 12, "h-0123", "t", null)));
    driver.run();
    assertEquals(2, reducer.rejects.size());
    ReviewReject first = reducer.rejects.get(0);
    assertEquals("MISSING_USER_ID", first.getReason());
    assertEquals("no user", first.getDetail());
    assertEquals(null, first.getUserKey());
    assertEquals("x", first.getText());
    assertEquals(5L, first.getPosition());
    assertEquals("k9", reducer.rejects.get(1).getUserKey());
    assertTrue("no raw records, no quarantine lines", reducer.quarantined.isEmpty());
    assertEquals(1, counter(IngestCounters.REJECT_MISSING_USER_ID));
    assertEquals(1, counter(IngestCounters.REJECT_BAD_TIMESTAMP));
    assertEquals(2, counter(IngestCounters.REJECTED));
    assertEquals(1, counter(IngestCounters.ACCEPTED));
    assertEquals(1, counter(IngestCounters.NO_TIMESTAMP));
    assertEquals(1, counter(IngestCounters.DERIVED_REVIEW_ID));
  }

  @Test
  public void duplicatesKeepTheUserKeyAndMaskedTextAndRawGoesOnlyToTheQuarantine() throws Exception {
    IngestValue first = review("file:/a.csv", 10, "r1", "电话 <PHONE>", 1L);
    IngestValue second = review("file:/a.csv", 20, "r1", "第二条", 1L);
    driver.withInput(new Text("Ar1"), Arrays.asList(second, first));
    driver.withInput(new Text("Xfile:/a.csv@30"), Arrays.asList(IngestValue.rejected("file:/a.csv", 30,
        "r2,u9,x,13812345678", RejectReason.BAD_TIMESTAMP, "bad", "k", "<PHONE>")));
    driver.run();
    ReviewReject dup = reducer.rejects.get(0);
    assertEquals("k", dup.getUserKey());
    assertEquals("第二条", dup.getText());

    assertEquals(2, reducer.quarantined.size());
    assertTrue(reducer.quarantined.get(0), reducer.quarantined.get(0).contains("\"raw\":\"raw 第二条\""));
    assertTrue(reducer.quarantined.get(1), reducer.quarantined.get(1).contains("\"reason\":\"BAD_TIMESTAMP\""));
    assertEquals(2, counter(IngestCounters.QUARANTINED));
    for (ReviewReject r : reducer.rejects) {
      assertFalse(r.toString(), r.toString().contains("13812345678"));
    }
  }

  @Test
  public void duplicateTextIsCutLikeMapSideRejects() throws Exception {
    String longText = "长".repeat(IngestDriver.DEFAULT_MAX_RAW_CHARS + 500);
    driver.withInput(new Text("Ar1"), Arrays.asList(review("file:/a.csv", 1, "r1", "短", 1L),
        review("file:/a.csv", 2, "r1", longText, 1L)));
    driver.run();
    assertEquals("长".repeat(IngestDriver.DEFAULT_MAX_RAW_CHARS) + "...[truncated]", reducer.rejects.get(0).getText());
  }

  // Empty input: MRUnit refuses to run without input; an empty job is covered by IngestDriverTest.

  @Test
  public void valueSurvivesSerialization() throws Exception {
    IngestValue v = review("file:/a.csv", 7, "r1", "文本", null);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    v.write(new java.io.DataOutputStream(bytes));
    IngestValue back = new IngestValue();
    back.readFields(new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())));
    assertEquals(v, back);
    IngestValue rej = IngestValue.rejected("s", 1, "raw", RejectReason.UNDECODABLE, null, "k", "t");
    bytes.reset();
    rej.write(new java.io.DataOutputStream(bytes));
    back.readFields(new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())));
    assertEquals(rej, back);
  }
}
