package org.portrait.jobs.usersegment;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.portrait.schema.UserProfile;
import org.portrait.schema.WeightedTerm;

/** MRUnit test of the mapper that assigns profiles to clusters for the per-cluster stats. */
public class SegmentStatsMapperTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();
  private MapDriver<Object, UserProfile, IntWritable, Text> driver;

  @Before
  public void setUp() throws IOException {
    driver = MapDriver.newMapDriver(new SegmentStatsMapper());
    Configuration conf = driver.getConfiguration();
    conf.setStrings("io.serializations", "org.apache.hadoop.io.serializer.WritableSerialization",
        "org.apache.hadoop.io.serializer.JavaSerialization");
    Path file = new Path(new File(tmp.getRoot(), "centroids.tsv").getPath());
    SegmentCentroids.write(conf, file, List.of(new double[] {1, 0}, new double[] {0, 1}), Map.of());
    conf.set(SegmentCentroids.CENTROIDS, file.toString());
  }

  @Test
  public void emitsTheNearestClusterWithTermsAndVector() throws IOException {
    UserProfile p = SegmentAssignMapperTest.profile("a", 0.25f, 0.75f);
    p.setTopInterests(List.of("酒店"));
    p.setKeywords(List.of(new WeightedTerm("房间", 0.5f), new WeightedTerm("a,b", 0.1f))); // ',' cannot be encoded
    driver.withInput(NullWritable.get(), p);
    driver.withOutput(new IntWritable(1), new Text("1\t酒店:1\t房间:1\t0.25 0.75"));
    driver.runTest();
  }

  @Test
  public void usersWithoutAVectorGoToOtherWithoutVector() throws IOException {
    // all zeros (no evidence) and, bad input, no dimensions at all
    driver.withInput(NullWritable.get(), SegmentAssignMapperTest.profile("zero", 0f, 0f));
    driver.withInput(NullWritable.get(), SegmentAssignMapperTest.profile("empty"));
    driver.withOutput(new IntWritable(-1), new Text("1\t\t\t"));
    driver.withOutput(new IntWritable(-1), new Text("1\t\t\t"));
    driver.runTest();
  }
}
