package org.portrait.jobs.lookalike;

import static org.junit.Assert.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;
import org.apache.hadoop.mrunit.mapreduce.ReduceDriver;
import org.apache.hadoop.mrunit.types.Pair;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.portrait.jobs.drift.DriftJobTestAccess;
import org.portrait.schema.Lookalike;
import org.portrait.schema.UserProfile;

/** MRUnit tests of the lookalike mappers (seeds, filters, bad input, top N) and the merging reducer. */
public class LookalikeJobTest {
  @ClassRule public static TemporaryFolder tmp = new TemporaryFolder();

  static String key(int i) {
    return String.format("%064x", i);
  }

  static UserProfile profile(int user, String interest, String label, float... v) {
    return DriftJobTestAccess.profile(key(user), interest, label, null, v);
  }

  private static Configuration conf(Configuration c, int k, String interest) throws IOException {
    File seeds = tmp.newFile();
    Files.writeString(seeds.toPath(), "# seeds\n" + key(1) + "\n\n" + key(2) + "\n");
    c.setStrings("io.serializations", "org.apache.hadoop.io.serializer.WritableSerialization",
        "org.apache.hadoop.io.serializer.JavaSerialization");
    c.set(LookalikeDriver.SEEDS, seeds.getPath());
    c.set(LookalikeDriver.CENTROID, "1.0,0.0");
    c.setInt(LookalikeDriver.K, k);
    c.set(LookalikeDriver.INTEREST, interest);
    c.set(LookalikeDriver.AUDIENCE_ID, "aud");
    return c;
  }

  @Test
  public void seedVectorsAreSummedAsUnitVectorsOneLinePerSplit() throws IOException {
    MapDriver<Object, UserProfile, NullWritable, Text> d = MapDriver.newMapDriver(new SeedVectorMapper());
    conf(d.getConfiguration(), 2, "");
    d.withInput(NullWritable.get(), profile(1, "手机", "positive", 3f, 4f));
    d.withInput(NullWritable.get(), profile(2, "手机", "positive", 0f, 2f));
    d.withInput(NullWritable.get(), profile(3, "手机", "positive", 1f, 0f));
    d.withOutput(NullWritable.get(), new Text("2\t0.6,1.8"));
    d.runTest();
    assertEquals(2, d.getCounters().findCounter(LookalikeCounters.SEEDS_FOUND).getValue());
  }

  @Test
  public void noSeedInTheSplitWritesNothing() throws IOException {
    MapDriver<Object, UserProfile, NullWritable, Text> d = MapDriver.newMapDriver(new SeedVectorMapper());
    conf(d.getConfiguration(), 2, "");
    d.withInput(NullWritable.get(), profile(3, "手机", "positive", 1f, 0f));
    d.runTest();
    assertEquals(0, d.getCounters().findCounter(LookalikeCounters.SEEDS_FOUND).getValue());
  }

  @Test
  public void mapperExcludesSeedsFiltersCountsBadAndKeepsItsTopN() throws IOException {
    MapDriver<Object, UserProfile, NullWritable, Text> d = MapDriver.newMapDriver(new LookalikeMapper());
    conf(d.getConfiguration(), 2, "手机");
    d.withInput(NullWritable.get(), profile(1, "手机", "positive", 1f, 0f)); // seed
    d.withInput(NullWritable.get(), profile(3, "手机", "positive", 1f, 1f)); // cos 0.7071
    d.withInput(NullWritable.get(), profile(4, "手机", "positive", 1f, 0f)); // cos 1
    d.withInput(NullWritable.get(), profile(5, "手机", "positive", 0f, 1f)); // cos 0: not in the top 2
    d.withInput(NullWritable.get(), profile(6, "酒店", "positive", 1f, 0f)); // filtered
    d.withInput(NullWritable.get(), profile(7, "手机", "positive", 0f, 0f)); // no vector
    d.withInput(NullWritable.get(), profile(8, "手机", "positive", 1f, 0f, 0f)); // other dimension
    List<Pair<NullWritable, Text>> out = d.run();
    assertEquals(2, out.size());
    assertEquals(key(4) + "\t1.0", out.get(0).getSecond().toString());
    assertEquals(key(3), out.get(1).getSecond().toString().split("\t")[0]);
    assertEquals(7, d.getCounters().findCounter(LookalikeCounters.PROFILES).getValue());
    assertEquals(1, d.getCounters().findCounter(LookalikeCounters.SEEDS_EXCLUDED).getValue());
    assertEquals(1, d.getCounters().findCounter(LookalikeCounters.FILTERED).getValue());
    assertEquals(2, d.getCounters().findCounter(LookalikeCounters.BAD_PROFILES).getValue());
    assertEquals(3, d.getCounters().findCounter(LookalikeCounters.CANDIDATES).getValue());
  }

  /** Collects the rows (the real output key is null, which MRUnit cannot copy). */
  static final class Collecting extends LookalikeReducer {
    final List<Lookalike> rows = new java.util.ArrayList<>();

    @Override
    protected void write(Lookalike row, Context ctx) {
      rows.add(Lookalike.newBuilder(row).build());
    }
  }

  @Test
  public void reducerMergesRanksAndCountsBadLines() throws IOException {
    Collecting r = new Collecting();
    ReduceDriver<NullWritable, Text, Void, Lookalike> d = ReduceDriver.newReduceDriver(r);
    conf(d.getConfiguration(), 2, "");
    d.withInput(NullWritable.get(), List.of(new Text("b\t0.5"), new Text("c\t0.9"), new Text("garbage"),
        new Text("d\tNaN"), new Text("a\t0.5")));
    d.run();
    assertEquals(List.of(new Lookalike("aud", "c", 0.9, 1), new Lookalike("aud", "a", 0.5, 2)), r.rows);
    assertEquals(2, d.getCounters().findCounter(LookalikeCounters.BAD_CANDIDATES).getValue());
    assertEquals(2, d.getCounters().findCounter(LookalikeCounters.AUDIENCE).getValue());
  }

  @Test
  public void reducerWithOnlyBadLinesWritesNothing() throws IOException {
    Collecting r = new Collecting();
    ReduceDriver<NullWritable, Text, Void, Lookalike> d = ReduceDriver.newReduceDriver(r);
    conf(d.getConfiguration(), 2, "");
    d.withInput(NullWritable.get(), List.of(new Text("\t0.5"), new Text("a\t")));
    d.run();
    assertEquals(List.of(), r.rows);
    assertEquals(2, d.getCounters().findCounter(LookalikeCounters.BAD_CANDIDATES).getValue());
    assertEquals(0, d.getCounters().findCounter(LookalikeCounters.AUDIENCE).getValue());
  }
}
