package org.portrait.jobs.cooccur;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.hadoop.io.AvroSerialization;
import org.apache.avro.util.Utf8;
import org.apache.avro.mapred.AvroKey;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;
import org.apache.hadoop.mrunit.types.Pair;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.portrait.common.glove.PairCountMap;

public class CooccurMapperTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();
  private MapDriver<AvroKey<GenericRecord>, NullWritable, IntWritable, BytesWritable> driver;

  @Before
  public void setUp() throws Exception {
    File v = tmp.newFolder("V");
    Files.write(new File(v, "vocab.tsv").toPath(), "a\t3\t1\nb\t2\t1\nc\t1\t1\n".getBytes(StandardCharsets.UTF_8));
    driver = MapDriver.newMapDriver(new CooccurMapper());
    Configuration conf = driver.getConfiguration();
    conf.setStrings("io.serializations", conf.get("io.serializations"), AvroSerialization.class.getName());
    // As the job reads: only the tokens, as raw UTF-8 (generic data model).
    AvroSerialization.setDataModelClass(conf, RawUtf8Data.class);
    AvroSerialization.setKeyWriterSchema(conf, CooccurMapper.TOKENS_ONLY);
    AvroSerialization.setKeyReaderSchema(conf, CooccurMapper.TOKENS_ONLY);
    conf.set(CooccurDriver.VOCAB, v.getAbsolutePath());
    conf.setInt(CooccurDriver.WINDOW, 2);
  }

  /** Stripes to (packed pair -> summed weight). */
  static void decode(List<Pair<IntWritable, BytesWritable>> out, Map<Long, Double> got) {
    for (Pair<IntWritable, BytesWritable> p : out) {
      java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(p.getSecond().getBytes(), 0, p.getSecond().getLength());
      int last = -1;
      while (b.remaining() >= 8) {
        int j = b.getInt();
        assertTrue("columns sorted in a stripe", j > last);
        last = j;
        got.merge(PairCountMap.pack(p.getFirst().get(), j), (double) b.getFloat(), Double::sum);
      }
    }
  }

  private static AvroKey<GenericRecord> review(String... tokens) {
    GenericRecord r = new GenericData.Record(CooccurMapper.TOKENS_ONLY);
    List<Utf8> utf8 = new ArrayList<>();
    for (String t : tokens) {
      utf8.add(new Utf8(t));
    }
    r.put("tokens", utf8);
    return new AvroKey<>(r);
  }

  @Test
  public void countsWeightedSymmetricPairsSkippingOov() throws Exception {
    // "x" is OOV and removed first: a b c are then adjacent (distances 1, 1, 2).
    List<Pair<IntWritable, BytesWritable>> out = driver.withInput(review("a", "x", "b", "c"), NullWritable.get())
        .run();
    Map<Long, Double> got = new HashMap<>();
    decode(out, got);
    assertEquals(6, got.size());
    assertEquals("one stripe per row", 3, out.size());
    assertEquals(1.0, got.get(PairCountMap.pack(0, 1)), 1e-12);
    assertEquals(1.0, got.get(PairCountMap.pack(1, 0)), 1e-12);
    assertEquals(1.0, got.get(PairCountMap.pack(1, 2)), 1e-12);
    assertEquals(0.5, got.get(PairCountMap.pack(0, 2)), 1e-7);
    assertEquals(0.5, got.get(PairCountMap.pack(2, 0)), 1e-7);
    assertEquals(4, driver.getCounters().findCounter(CooccurCounters.TOKENS).getValue());
    assertEquals(1, driver.getCounters().findCounter(CooccurCounters.TOKENS_OOV).getValue());
    assertEquals(6, driver.getCounters().findCounter(CooccurCounters.PAIRS).getValue());
    assertEquals(6, driver.getCounters().findCounter(CooccurCounters.MAP_ENTRIES_EMITTED).getValue());
  }

  @Test
  public void emptyAndOovOnlyReviewsEmitNothing() throws Exception {
    List<Pair<IntWritable, BytesWritable>> out = driver.withInput(review(), NullWritable.get())
        .withInput(review("x", "y"), NullWritable.get()).run();
    assertTrue(out.isEmpty());
    assertEquals(2, driver.getCounters().findCounter(CooccurCounters.REVIEWS).getValue());
    assertEquals(1, driver.getCounters().findCounter(CooccurCounters.EMPTY_REVIEWS).getValue());
    assertEquals(2, driver.getCounters().findCounter(CooccurCounters.TOKENS_OOV).getValue());
  }

  @Test
  public void blankTokensAreOovNotACrash() throws Exception {
    List<Pair<IntWritable, BytesWritable>> out = driver.withInput(review("a", "", "b"), NullWritable.get()).run();
    assertEquals(2, out.size());
    assertEquals(8, out.get(0).getSecond().getLength());
    assertEquals(1, driver.getCounters().findCounter(CooccurCounters.TOKENS_OOV).getValue());
  }

  @Test
  public void smallBudgetFlushesAndStillSumsRight() throws Exception {
    driver.getConfiguration().setLong(CooccurDriver.MAP_MEMORY_MB, 0);
    driver.getConfiguration().setInt(CooccurDriver.WINDOW, 10);
    // Many distinct pairs: an 80-id vocabulary would be needed; instead repeat long reviews to force flushes.
    String[] toks = new String[600];
    for (int i = 0; i < toks.length; i++) {
      toks[i] = new String[] {"a", "b", "c"}[(i * 7 + i / 3) % 3];
    }
    File v = new File(driver.getConfiguration().get(CooccurDriver.VOCAB));
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      sb.append("t").append(i).append("\t1\t1\n");
    }
    Files.write(new File(v, "vocab.tsv").toPath(), sb.toString().getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < toks.length; i++) {
      toks[i] = "t" + ((i * 37) % 300);
    }
    List<Pair<IntWritable, BytesWritable>> out = driver.withInput(review(toks), NullWritable.get()).run();
    assertTrue(driver.getCounters().findCounter(CooccurCounters.FLUSHES).getValue() > 0);
    Map<Long, Double> got = new HashMap<>();
    decode(out, got);
    int[] ids = new int[toks.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = (i * 37) % 300;
    }
    PairCountMap direct = new PairCountMap(1 << 16);
    CooccurMapper.countDirect(ids, ids.length, 10, direct);
    assertEquals(direct.size(), got.size());
    for (Map.Entry<Long, Double> e : got.entrySet()) {
      double want = direct.get(PairCountMap.row(e.getKey()), PairCountMap.col(e.getKey()));
      assertEquals(want, e.getValue(), 1e-5 * Math.max(1, want));
    }
  }
}
