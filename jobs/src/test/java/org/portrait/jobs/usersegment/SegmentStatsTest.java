package org.portrait.jobs.usersegment;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mrunit.mapreduce.ReduceDriver;
import org.junit.Test;
import org.portrait.common.profile.SegmentRules;
import org.portrait.schema.UserSegment;

/** MRUnit test of the per-cluster stats reducer, and the k-anonymity rule of the segment table. */
public class SegmentStatsTest {
  private static List<Float> floats(double... x) {
    List<Float> out = new java.util.ArrayList<>();
    for (double v : x) {
      out.add((float) v);
    }
    return out;
  }

  @Test
  public void reducerSumsSizesCountsAndVectorsAndCountsBadValues() throws Exception {
    ReduceDriver<IntWritable, Text, IntWritable, Text> d = ReduceDriver.newReduceDriver(new SegmentStatsReducer());
    d.withInput(new IntWritable(2), List.of(new Text("1\t手机:1\t屏幕:1,电池:1\t1.0 0.0"),
        new Text("2\t手机:1,酒店:1\t屏幕:2\t0.5 1.5"),
        new Text("bad line"),
        new Text("x\t手机:1\t屏幕:1\t1.0 0.0"),     // size not a number
        new Text("1\t手机:1\t屏幕:1\t1.0 NaN"),     // vector not finite
        new Text("1\t手机:1\t屏幕:1\t1.0 0.0 2.0"))); // other dimension
    d.withOutput(new IntWritable(2), new Text("3\t手机:2,酒店:1\t屏幕:3,电池:1\t1.5 1.5"));
    d.withCounter(UserSegmentCounters.STATS_VALUES_SKIPPED, 4);
    d.runTest();
  }

  @Test
  public void reducerWithOnlyBadValuesWritesAnEmptySegment() throws Exception {
    ReduceDriver<IntWritable, Text, IntWritable, Text> d = ReduceDriver.newReduceDriver(new SegmentStatsReducer());
    d.withInput(new IntWritable(0), List.of(new Text("garbage"), new Text("")));
    d.withOutput(new IntWritable(0), new Text("0\t\t\t"));
    d.withCounter(UserSegmentCounters.STATS_VALUES_SKIPPED, 2);
    d.runTest();
  }

  @Test
  public void reducerKeepsUsersWithoutVectorInTheSize() throws Exception {
    // cluster -1: users without a vector contribute their size and terms but no vector
    ReduceDriver<IntWritable, Text, IntWritable, Text> d = ReduceDriver.newReduceDriver(new SegmentStatsReducer());
    d.withInput(new IntWritable(-1), List.of(new Text("1\t\t词:1\t"), new Text("1\t\t\t")));
    d.withOutput(new IntWritable(-1), new Text("2\t\t词:1\t"));
    d.withCounter(UserSegmentCounters.STATS_VALUES_SKIPPED, 0);
    d.runTest();
  }

  @Test
  public void segmentsBelowTheThresholdAreMergedIntoOther() {
    SegmentTable t = SegmentTable.fromStats(List.of("0\t30\t手机:30\t屏幕:20\t30 0", "1\t19\t酒店:19\t房间:10\t0 19",
        "2\t5\t书籍:5\t作者:5\t5 5", "-1\t2\t\t\t"), 20, "r");
    assertEquals(2, t.rows.size());
    UserSegment published = t.rows.get(0);
    assertEquals(0, published.getSegmentId());
    assertEquals(30, published.getSize());
    assertEquals("mean of its users' vectors", floats(1, 0), published.getCentroid());
    UserSegment other = t.rows.get(1);
    assertEquals(SegmentRules.OTHER, other.getSegmentId());
    assertEquals(26, other.getSize());
    assertEquals(List.of("酒店", "书籍"), other.getTopInterests());
    assertFalse(other.getSuppressed());
    assertEquals("mean of the 24 of its 26 users with a vector", floats(5 / 24.0, 24 / 24.0), other.getCentroid());
    assertEquals(Map.of(-1, -1, 0, 0, 1, -1, 2, -1), t.published);
    assertEquals(1, t.publishedCount);
    assertEquals(2, t.mergedCount);
    assertFalse(t.otherSuppressed);
    assertFalse(t.otherCentroidWithheld);
  }

  @Test
  public void otherBelowTheSizeIsPublishedWithItsSizeOnly() {
    // k = 20 leaves 12 users in other (9 + 3): today's leak; they must not be described
    SegmentTable t = SegmentTable.fromStats(List.of("0\t40\t手机:40\t屏幕:30\t40 0", "1\t9\t酒店:9\t房间:9\t0 9",
        "2\t3\t书籍:3\t作者:3\t3 3"), 20, "r");
    assertEquals(2, t.rows.size());
    int total = 0;
    for (UserSegment s : t.rows) {
      total += s.getSize();
      assertEquals(s.getSegmentId() == SegmentRules.OTHER, s.getSuppressed());
      assertTrue("row " + s + " describes fewer than 20 users",
          s.getSize() >= 20 || s.getCentroid().isEmpty() && s.getTopInterests().isEmpty() && s.getTopKeywords().isEmpty());
    }
    assertEquals(52, total);
    UserSegment other = t.rows.get(1);
    assertEquals(12, other.getSize());
    assertTrue(other.getSuppressed());
    assertTrue(t.otherSuppressed);
    assertTrue(t.otherCentroidWithheld);
    assertEquals(12, t.otherSize);
  }

  @Test
  public void oneClusteredUserInOtherNeverPublishesTheirVector() {
    // 1 user with a vector merged with 30 users without: the size is safe, the centroid would be that user's
    SegmentTable t = SegmentTable.fromStats(List.of("0\t25\t手机:25\t屏幕:20\t25 0", "1\t1\t酒店:1\t房间:1\t0.6 0.8",
        "-1\t30\t\t\t"), 20, "r");
    UserSegment other = t.rows.get(1);
    assertEquals(SegmentRules.OTHER, other.getSegmentId());
    assertEquals(31, other.getSize());
    assertFalse(other.getSuppressed());
    assertEquals(List.of(), other.getCentroid());
    assertTrue(t.otherCentroidWithheld);
    // alone in other, that user is suppressed entirely
    SegmentTable alone = SegmentTable.fromStats(List.of("0\t25\t手机:25\t屏幕:20\t25 0",
        "1\t1\t酒店:1\t房间:1\t0.6 0.8"), 20, "r");
    UserSegment one = alone.rows.get(1);
    assertEquals(1, one.getSize());
    assertTrue(one.getSuppressed());
    assertEquals(List.of(), one.getCentroid());
    assertEquals(List.of(), one.getTopInterests());
    assertEquals(List.of(), one.getTopKeywords());
  }

  @Test
  public void noInputGivesNoRows() {
    SegmentTable t = SegmentTable.fromStats(List.of(), 20, "r");
    assertEquals(List.of(), t.rows);
    assertFalse(t.otherSuppressed);
  }
}
