package org.portrait.jobs.lookalike;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
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
import org.portrait.common.apps.TopN;
import org.portrait.common.config.LocalMode;
import org.portrait.common.config.UserError;
import org.portrait.common.profile.VectorMath;
import org.portrait.schema.Lookalike;
import org.portrait.schema.UserProfile;

/** Local-mode runs of the lookalike command over a day's state profiles: exactness, exclusion, the guard. */
public class LookalikeDriverTest {
  @ClassRule public static TemporaryFolder tmp = new TemporaryFolder();
  static final String DT = "2026-01-05";
  static final String[] CATS = {"手机", "酒店", "书籍"};
  static File work;
  static Configuration conf;
  static List<UserProfile> profiles = new ArrayList<>();

  @BeforeClass
  public static void setUp() throws Exception {
    work = tmp.newFolder("w");
    conf = LocalMode.configure(new Configuration(), work);
    conf.setBoolean("parquet.avro.write-old-list-structure", false);
    Random rnd = new Random(3);
    for (int u = 0; u < 120; u++) {
      float[] v = new float[4];
      for (int i = 0; i < 4; i++) {
        v[i] = (float) (rnd.nextGaussian() * 0.3);
      }
      v[u % 3] += 1;
      profiles.add(LookalikeJobTest.profile(u, CATS[u % 3], u % 2 == 0 ? "positive" : "negative", v));
    }
    profiles.add(LookalikeJobTest.profile(999, "手机", "positive", 0f, 0f, 0f, 0f)); // no evidence
    // two files, so the top-N job has two map tasks to merge
    Path dir = new Path(work.getPath(), "state/dt=" + DT + "/user_profile");
    write(new Path(dir, "part-r-00000.parquet"), profiles.subList(0, 60));
    write(new Path(dir, "part-r-00001.parquet"), profiles.subList(60, profiles.size()));
  }

  static void write(Path file, List<UserProfile> rows) throws Exception {
    try (ParquetWriter<UserProfile> w = AvroParquetWriter.<UserProfile>builder(HadoopOutputFile.fromPath(file, conf))
        .withSchema(UserProfile.getClassSchema()).withConf(conf).build()) {
      for (UserProfile p : rows) {
        w.write(p);
      }
    }
  }

  static Path seeds(String name, int... users) throws Exception {
    File f = new File(work, name);
    StringBuilder sb = new StringBuilder();
    for (int u : users) {
      sb.append(LookalikeJobTest.key(u)).append('\n');
    }
    Files.writeString(f.toPath(), sb.toString());
    return new Path(f.getPath());
  }

  static List<Lookalike> read(Path file) throws Exception {
    List<Lookalike> out = new ArrayList<>();
    try (ParquetReader<Lookalike> r = AvroParquetReader.<Lookalike>builder(HadoopInputFile.fromPath(file, conf))
        .withConf(conf).build()) {
      for (Lookalike l = r.read(); l != null; l = r.read()) {
        out.add(l);
      }
    }
    return out;
  }

  static Configuration with(int minAudience) {
    Configuration c = new Configuration(conf);
    c.setInt(LookalikeDriver.MIN_AUDIENCE, minAudience);
    return c;
  }

  @Test
  public void exactTopNOfTheCentroidSeedsExcluded() throws Exception {
    int[] seedUsers = {0, 3, 6, 9, 12};
    LookalikeDriver.Result r = LookalikeDriver.run(with(10), new LookalikeDriver.Request(seeds("s1", seedUsers),
        new Path(work.getPath()), DT, 20, null, null, null));
    List<Lookalike> rows = read(r.table());
    assertEquals(20, rows.size());
    assertEquals(5L, (long) r.counters().get(LookalikeCounters.SEEDS_FOUND.name()));
    assertEquals(121L, (long) r.counters().get(LookalikeCounters.PROFILES.name()));
    // brute force: cosine to the mean of the seeds' unit vectors, over every non-seed user with a vector
    double[] c = new double[4];
    for (int s : seedUsers) {
      double[] v = LookalikeConf.vector(profiles.get(s).getVector());
      double n = Math.sqrt(VectorMath.dot(v, v));
      for (int i = 0; i < 4; i++) {
        c[i] += v[i] / n;
      }
    }
    TopN brute = new TopN(20);
    for (int u = 0; u < 120; u++) {
      int uu = u;
      if (java.util.Arrays.stream(seedUsers).noneMatch(s -> s == uu)) {
        brute.offer(LookalikeJobTest.key(u), VectorMath.cosine(LookalikeConf.vector(profiles.get(u).getVector()), c));
      }
    }
    List<TopN.Scored> expected = brute.sorted();
    for (int i = 0; i < 20; i++) {
      assertEquals(expected.get(i).key(), rows.get(i).getUserKey());
      assertEquals(expected.get(i).score(), rows.get(i).getScore(), 1e-9);
      assertEquals(i + 1, (int) rows.get(i).getRank());
      assertEquals(r.audienceId(), rows.get(i).getAudienceId());
    }
    // the seeds all have interest 手机 (u % 3 == 0): so has most of the audience
    long same = rows.stream().filter(l -> Integer.parseInt(l.getUserKey(), 16) % 3 == 0).count();
    assertTrue("same-interest users: " + same, same >= 18);
  }

  @Test
  public void filtersApplyAndTheAudienceIdIsStable() throws Exception {
    LookalikeDriver.Request req = new LookalikeDriver.Request(seeds("s2", 1, 4), new Path(work.getPath()), DT, 10,
        "手机", "positive", null);
    LookalikeDriver.Result a = LookalikeDriver.run(with(5), req);
    LookalikeDriver.Result b = LookalikeDriver.run(with(5), req);
    assertEquals(a.audienceId(), b.audienceId());
    List<Lookalike> rows = read(b.table());
    assertEquals(10, rows.size());
    for (Lookalike l : rows) {
      int u = Integer.parseInt(l.getUserKey(), 16);
      assertTrue(u % 3 == 0 && u % 2 == 0);
    }
  }

  @Test
  public void anAudienceUnderTheGuardIsNotWritten() throws Exception {
    LookalikeDriver.Request req = new LookalikeDriver.Request(seeds("s3", 2), new Path(work.getPath()), DT, 20,
        null, null, "small");
    UserError e = assertThrows(UserError.class, () -> LookalikeDriver.run(with(50), req));
    assertTrue(e.getMessage(), e.getMessage().contains("20 users, fewer than"));
    assertFalse(new File(work, "warehouse/lookalike/dt=" + DT + "/small.parquet").exists());
    assertFalse(new File(work, "staging/dt=" + DT + "/lookalike/small").exists());
  }

  @Test
  public void badSeedsAreOneLine() throws Exception {
    File raw = new File(work, "raw-seeds");
    Files.writeString(raw.toPath(), "u00001\n");
    Path root = new Path(work.getPath());
    UserError e = assertThrows(UserError.class, () -> LookalikeDriver.run(with(1),
        new LookalikeDriver.Request(new Path(raw.getPath()), root, DT, 5, null, null, null)));
    assertTrue(e.getMessage(), e.getMessage().contains("line 1: not a user key") && !e.getMessage().contains("u00001"));
    UserError none = assertThrows(UserError.class, () -> LookalikeDriver.run(with(1),
        new LookalikeDriver.Request(seeds("s4", 5000), root, DT, 5, null, null, null)));
    assertTrue(none.getMessage(), none.getMessage().contains("none of the 1 seeds"));
    assertThrows(UserError.class, () -> LookalikeDriver.run(with(1),
        new LookalikeDriver.Request(seeds("s5", 1), root, "2026-01-06", 5, null, null, null)));
    List<String> keys = read(LookalikeDriver.run(with(1), new LookalikeDriver.Request(seeds("s6", 1), root, DT, 500,
        null, null, null)).table()).stream().map(Lookalike::getUserKey).collect(Collectors.toList());
    assertEquals("every non-seed user with a vector", 119, keys.size());
  }
}
