package org.portrait.jobs.usersegment;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.portrait.common.config.LocalMode;
import org.portrait.common.config.UserError;
import org.portrait.jobs.Jobs;
import org.portrait.schema.UserProfile;
import org.portrait.schema.UserSegment;
import org.portrait.schema.WeightedTerm;

/**
 * Local-mode run of the segments stage over profiles with three planted groups (sizes 25, 25, 5) plus a user
 * without vector, read from P/user_profile (the profile stage's output) and written to G.
 */
public class UserSegmentDriverTest {
  @ClassRule public static TemporaryFolder tmp = new TemporaryFolder();
  static Configuration conf;
  static File dir;
  static UserSegmentDriver.Result result;
  static List<UserSegment> segments;
  static List<UserProfile> profiles;
  static Map<String, byte[]> profileStageBefore;

  static UserProfile profile(String user, int group, Random rnd) {
    List<Float> v = new ArrayList<>();
    double[] x = new double[6];
    if (group >= 0) {
      for (int i = 0; i < 6; i++) {
        x[i] = rnd.nextGaussian() * 0.05;
      }
      x[group] += 1;
    }
    double n = Math.sqrt(java.util.Arrays.stream(x).map(a -> a * a).sum());
    for (double a : x) {
      v.add(n == 0 ? 0f : (float) (a / n));
    }
    String[] cats = {"手机", "酒店", "书籍"};
    Map<String, Float> scores = new LinkedHashMap<>();
    scores.put(cats[Math.max(group, 0)], 0.9f);
    return UserProfile.newBuilder().setUserKey(user).setReviewCount(10).setTokenCount(100).setInVocabTokens(group < 0 ? 0 : 90)
        .setVector(v).setKeywords(List.of(new WeightedTerm("词" + Math.max(group, 0), 1f)))
        .setInterestScores(scores).setTopInterests(group < 0 ? List.of() : List.of(cats[group]))
        .setInterestSource("supervised").setSentimentScore(0.7f).setPositiveShare(0.7f).setSentimentLabel("positive")
        .setConfidence(group < 0 ? "low" : "high").setSummary("s").setModelId("m").setRunId("r").build();
  }

  @BeforeClass
  public static void runOnce() throws Exception {
    dir = tmp.newFolder("w");
    conf = LocalMode.configure(new Configuration(), dir);
    conf.setBoolean("parquet.avro.write-old-list-structure", false);
    Path profilesDir = new Path(new File(dir, "P/user_profile").getPath());
    Random rnd = new Random(5);
    try (ParquetWriter<UserProfile> w = AvroParquetWriter.<UserProfile>builder(
        HadoopOutputFile.fromPath(new Path(profilesDir, "part-r-00000.parquet"), conf))
        .withSchema(UserProfile.getClassSchema()).withConf(conf).build()) {
      int u = 0;
      for (int g = 0; g < 3; g++) {
        for (int i = 0; i < (g == 2 ? 5 : 25); i++) {
          w.write(profile(String.format("u%03d", u++), g, rnd));
        }
      }
      w.write(profile("nobody", -1, rnd));
    }
    conf.setInt(UserSegmentDriver.K, 3);
    conf.setInt(UserSegmentDriver.MIN_SIZE, 20);
    conf.set(UserSegmentDriver.RUN_ID, "seg-run");
    profileStageBefore = snapshot(new File(dir, "P"));
    result = UserSegmentDriver.run(conf, profilesDir, new Path(new File(dir, "G").getPath()));
    segments = read(new Path(new File(dir, "G/user_segment").getPath()));
    profiles = read(new Path(new File(dir, "G/user_profile").getPath()));
  }

  /** Every file under {@code root} (hidden ones included: .crc, _SUCCESS) → its bytes. */
  static Map<String, byte[]> snapshot(File root) throws Exception {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<java.nio.file.Path> files = Files.walk(root.toPath())) {
      for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) files.filter(Files::isRegularFile)::iterator) {
        out.put(root.toPath().relativize(f).toString(), Files.readAllBytes(f));
      }
    }
    return out;
  }

  static <T> List<T> read(Path dir) throws Exception {
    List<T> out = new ArrayList<>();
    FileSystem fs = dir.getFileSystem(conf);
    for (FileStatus st : fs.listStatus(dir, p -> p.getName().endsWith(".parquet"))) {
      try (ParquetReader<T> r = AvroParquetReader.<T>builder(HadoopInputFile.fromPath(st.getPath(), conf))
          .withConf(conf).build()) {
        T t;
        while ((t = r.read()) != null) {
          out.add(t);
        }
      }
    }
    return out;
  }

  @Test
  public void publishedSegmentsRespectKAnonymityAndSmallGroupIsMergedIntoOther() {
    int total = 0;
    boolean other = false;
    for (UserSegment s : segments) {
      total += s.getSize();
      assertEquals("seg-run", s.getRunId());
      if (s.getSegmentId() >= 0) {
        assertTrue("segment " + s.getSegmentId() + " has " + s.getSize(), s.getSize() >= 20);
        assertEquals(6, s.getCentroid().size());
        assertEquals(1, s.getTopInterests().size());
        assertFalse(s.getSuppressed());
      } else {
        other = true;
        // the planted 5-user group and the user without vector: 6 < 20, so size only
        assertEquals(6, (int) s.getSize());
        assertTrue(s.getSuppressed());
        assertEquals(List.of(), s.getCentroid());
        assertEquals(List.of(), s.getTopInterests());
        assertEquals(List.of(), s.getTopKeywords());
      }
    }
    assertEquals(56, total);
    assertTrue(other);
    assertTrue(result.counters.get("SEGMENTS_PUBLISHED") >= 1);
    assertEquals(1L, (long) result.counters.get("PROFILES_NO_VECTOR"));
    assertEquals(1L, (long) result.counters.get("OTHER_SUPPRESSED"));
    assertEquals(1L, (long) result.counters.get("OTHER_CENTROID_WITHHELD"));
    assertEquals(6L, (long) result.counters.get("USERS_IN_OTHER"));
  }

  @Test
  public void everyProfileCarriesAPublishedSegmentIdMatchingTheSizes() throws Exception {
    assertEquals(56, profiles.size());
    Map<Integer, Integer> count = new HashMap<>();
    for (UserProfile p : profiles) {
      assertNotNull(p.getSegmentId());
      count.merge(p.getSegmentId(), 1, Integer::sum);
      if (p.getUserKey().equals("nobody")) {
        assertEquals(-1, (int) p.getSegmentId());
      }
    }
    Map<Integer, Integer> sizes = new HashMap<>();
    segments.forEach(s -> sizes.put(s.getSegmentId(), s.getSize()));
    assertEquals(sizes, count);
    // the planted 25-user groups are found and published
    Map<Integer, Integer> groupSegment = new HashMap<>();
    for (UserProfile p : profiles) {
      int u = p.getUserKey().startsWith("u") ? Integer.parseInt(p.getUserKey().substring(1)) : -1;
      if (u >= 0 && u < 50) {
        groupSegment.merge(u / 25, p.getSegmentId(), (a, b) -> a.equals(b) ? a : -99);
      }
    }
    assertFalse(groupSegment.containsValue(-99));
    assertTrue(groupSegment.get(0) >= 0 && groupSegment.get(1) >= 0);
    FileSystem fs = new Path(dir.getPath()).getFileSystem(conf);
    assertFalse(fs.exists(new Path(new File(dir, "_tmp.G").getPath())));
    Map<String, Long> written = Jobs.readCounters(conf, new Path(new File(dir, "G").getPath()));
    assertEquals(56L, (long) written.get("PROFILES_OUT"));
    assertEquals((long) sizes.get(-1), (long) written.get("USERS_IN_OTHER"));
  }

  @Test
  public void publishedCentroidIsTheMeanOfExactlyTheUsersItsSizeCounts() {
    for (UserSegment s : segments) {
      if (s.getCentroid().isEmpty()) {
        continue;
      }
      double[] mean = new double[s.getCentroid().size()];
      int n = 0;
      for (UserProfile p : profiles) {
        if (p.getSegmentId() == s.getSegmentId()) {
          n++;
          for (int i = 0; i < mean.length; i++) {
            mean[i] += p.getVector().get(i);
          }
        }
      }
      assertEquals(s.getSize(), n);
      for (int i = 0; i < mean.length; i++) {
        assertEquals("segment " + s.getSegmentId() + " dim " + i, mean[i] / n, s.getCentroid().get(i), 1e-5);
      }
    }
  }

  @Test
  public void profileStageOutputIsOnlyRead() throws Exception {
    Map<String, byte[]> after = snapshot(new File(dir, "P"));
    assertEquals(profileStageBefore.keySet(), after.keySet());
    for (Map.Entry<String, byte[]> e : profileStageBefore.entrySet()) {
      assertArrayEquals(e.getKey() + " changed", e.getValue(), after.get(e.getKey()));
    }
    for (UserProfile p : UserSegmentDriverTest.<UserProfile>read(new Path(new File(dir, "P/user_profile").getPath()))) {
      assertNull("the profile stage's rows keep no segment id", p.getSegmentId());
    }
    // the same users, field for field, apart from the segment id
    Map<String, UserProfile> out = new HashMap<>();
    profiles.forEach(p -> out.put(p.getUserKey(), p));
    for (UserProfile p : UserSegmentDriverTest.<UserProfile>read(new Path(new File(dir, "P/user_profile").getPath()))) {
      UserProfile q = UserProfile.newBuilder(out.get(p.getUserKey())).setSegmentId(null).build();
      assertEquals(p, q);
    }
  }

  @Test
  public void outputOverlappingTheInputIsRefusedBeforeAnythingIsWritten() throws Exception {
    Path profilesDir = new Path(new File(dir, "P/user_profile").getPath());
    for (String out : List.of("P", "P/user_profile", "P/user_profile/G")) {
      UserError e = assertThrows(UserError.class,
          () -> UserSegmentDriver.run(conf, profilesDir, new Path(new File(dir, out).getPath())));
      assertTrue(e.getMessage(), e.getMessage().contains("overlaps"));
    }
    Map<String, byte[]> after = snapshot(new File(dir, "P"));
    assertEquals(profileStageBefore.keySet(), after.keySet());
  }
}
