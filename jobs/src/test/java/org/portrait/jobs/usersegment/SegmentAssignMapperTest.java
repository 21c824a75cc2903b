package org.portrait.jobs.usersegment;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;
import org.apache.hadoop.io.NullWritable;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.portrait.schema.UserProfile;

/** MRUnit test of the mapper that writes the profiles, each with its published segment id, to the stage's output. */
public class SegmentAssignMapperTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();
  private MapDriver<Object, UserProfile, Void, UserProfile> driver;
  private final List<UserProfile> written = new ArrayList<>();

  /** Collects what the mapper writes (the real output key is null, which MRUnit cannot copy). */
  private final class Collecting extends SegmentAssignMapper {
    @Override
    protected void writeProfile(UserProfile p, Context ctx) {
      written.add(UserProfile.newBuilder(p).build());
    }
  }

  @Before
  public void setUp() throws IOException {
    driver = MapDriver.newMapDriver(new Collecting());
    Configuration conf = driver.getConfiguration();
    conf.setStrings("io.serializations", "org.apache.hadoop.io.serializer.WritableSerialization",
        "org.apache.hadoop.io.serializer.JavaSerialization");
    // cluster 0 is published as 0, cluster 1 was merged into other (-1)
    Path file = new Path(new File(tmp.getRoot(), "centroids.tsv").getPath());
    SegmentCentroids.write(conf, file, List.of(new double[] {1, 0}, new double[] {0, 1}), Map.of(0, 0, 1, -1));
    conf.set(SegmentCentroids.CENTROIDS, file.toString());
  }

  static UserProfile profile(String user, float... vector) {
    List<Float> v = new ArrayList<>();
    for (float x : vector) {
      v.add(x);
    }
    return UserProfile.newBuilder().setUserKey(user).setReviewCount(1).setTokenCount(1).setInVocabTokens(1)
        .setVector(v).setKeywords(List.of()).setInterestScores(Map.of()).setTopInterests(List.of())
        .setInterestSource("supervised").setSentimentScore(0.5f).setPositiveShare(0.5f).setSentimentLabel("neutral")
        .setConfidence("low").setSummary("s").setModelId("m").setRunId("r").build();
  }

  private Map<String, Integer> run() throws IOException {
    assertTrue("all output goes through writeProfile", driver.run().isEmpty());
    Map<String, Integer> m = new java.util.TreeMap<>();
    written.forEach(p -> m.put(p.getUserKey(), p.getSegmentId()));
    return m;
  }

  @Test
  public void setsThePublishedSegmentAndCountsOther() throws IOException {
    driver.withInput(NullWritable.get(), profile("a", 0.9f, 0.1f));
    driver.withInput(NullWritable.get(), profile("b", 0.1f, 0.9f));
    assertEquals(Map.of("a", 0, "b", -1), run());
    UserProfile a = written.get(0);
    assertEquals("every other field is copied", UserProfile.newBuilder(profile("a", 0.9f, 0.1f)).setSegmentId(0)
        .build(), a);
    assertEquals(2, driver.getCounters().findCounter(UserSegmentCounters.PROFILES_OUT).getValue());
    assertEquals(1, driver.getCounters().findCounter(UserSegmentCounters.USERS_IN_OTHER).getValue());
  }

  @Test
  public void profilesWithoutAVectorGoToOther() throws IOException {
    // all zeros (no evidence) and, bad input, no dimensions at all: never clustered, so other
    driver.withInput(NullWritable.get(), profile("zero", 0f, 0f)).withInput(NullWritable.get(), profile("empty"));
    assertEquals(Map.of("zero", -1, "empty", -1), run());
    assertEquals(2, driver.getCounters().findCounter(UserSegmentCounters.PROFILES_OUT).getValue());
    assertEquals(2, driver.getCounters().findCounter(UserSegmentCounters.USERS_IN_OTHER).getValue());
  }

  @Test
  public void anEmptyProfileIsStillWrittenInOther() throws IOException {
    // MRUnit cannot run a mapper on no input at all; the emptiest record: no key, no vector, no terms
    driver.withInput(NullWritable.get(), profile(""));
    assertEquals(Map.of("", -1), run());
    assertEquals(1, driver.getCounters().findCounter(UserSegmentCounters.PROFILES_OUT).getValue());
    assertEquals(1, driver.getCounters().findCounter(UserSegmentCounters.USERS_IN_OTHER).getValue());
  }

  @Test
  public void withoutTheCentroidsFileTheTaskFails() {
    driver.getConfiguration().unset(SegmentCentroids.CENTROIDS);
    driver.withInput(NullWritable.get(), profile("a", 1f, 0f));
    IOException e = assertThrows(IOException.class, () -> driver.run());
    assertTrue(e.getMessage(), e.getMessage().contains(SegmentCentroids.CENTROIDS));
  }
}
