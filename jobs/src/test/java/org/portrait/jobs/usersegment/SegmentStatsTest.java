package org.portrait.jobs.usersegment;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mrunit.mapreduce.ReduceDriver;
import org.junit.Test;
import org.portrait.common.profile.SegmentRules;
import org.portrait.schema.UserSegment;

/** MRUnit test of the per-cluster stats reducer, and the k-anonymity merge of the segment table. */
public class SegmentStatsTest {
  @Test
  public void reducerSumsSizesAndCounts() throws Exception {
    ReduceDriver<IntWritable, Text, IntWritable, Text> d = ReduceDriver.newReduceDriver(new SegmentStatsReducer());
    d.withInput(new IntWritable(2), List.of(new Text("1\t手机:1\t屏幕:1,电池:1"), new Text("2\t手机:1,酒店:1\t屏幕:2"),
        new Text("bad line")));
    d.withOutput(new IntWritable(2), new Text("3\t手机:2,酒店:1\t屏幕:3,电池:1"));
    d.runTest();
  }

  @Test
  public void reducerWithOnlyBadValuesWritesAnEmptySegment() throws Exception {
    ReduceDriver<IntWritable, Text, IntWritable, Text> d = ReduceDriver.newReduceDriver(new SegmentStatsReducer());
    d.withInput(new IntWritable(0), List.of(new Text("garbage")));
    d.withOutput(new IntWritable(0), new Text("0\t\t"));
    d.runTest();
  }

  @Test
  public void segmentsBelowTheThresholdAreMergedIntoOther() {
    List<double[]> centroids = List.of(new double[] {1, 0}, new double[] {0, 1}, new double[] {1, 1});
    SegmentTable t = SegmentTable.fromStats(List.of("0\t30\t手机:30\t屏幕:20", "1\t19\t酒店:19\t房间:10",
        "2\t5\t书籍:5\t作者:5", "-1\t2\t\t"), centroids, 20, "r");
    assertEquals(2, t.rows.size());
    UserSegment published = t.rows.get(0);
    assertEquals(0, published.getSegmentId());
    assertEquals(30, published.getSize());
    UserSegment other = t.rows.get(1);
    assertEquals(SegmentRules.OTHER, other.getSegmentId());
    assertEquals(26, other.getSize());
    assertEquals(List.of("酒店", "书籍"), other.getTopInterests());
    assertEquals(Map.of(-1, -1, 0, 0, 1, -1, 2, -1), t.published);
    assertEquals(1, t.publishedCount);
    assertEquals(2, t.mergedCount);
  }
}
