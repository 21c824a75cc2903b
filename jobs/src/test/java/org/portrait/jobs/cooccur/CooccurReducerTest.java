package org.portrait.jobs.cooccur;

import static org.junit.Assert.assertEquals;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.mrunit.mapreduce.ReduceDriver;
import org.apache.hadoop.mrunit.types.Pair;
import org.junit.Test;
import org.portrait.common.glove.PairCountMap;

public class CooccurReducerTest {
  private static BytesWritable stripe(Object... jx) {
    ByteBuffer b = ByteBuffer.allocate(jx.length / 2 * 8);
    for (int k = 0; k < jx.length; k += 2) {
      b.putInt((Integer) jx[k]);
      b.putFloat((Float) jx[k + 1]);
    }
    return new BytesWritable(b.array());
  }

  @Test
  public void sumsStripesOfARowAndCountsEntries() throws Exception {
    ReduceDriver<IntWritable, BytesWritable, IntWritable, BytesWritable> d =
        ReduceDriver.newReduceDriver(new CooccurReducer());
    List<Pair<IntWritable, BytesWritable>> out = d
        .withInput(new IntWritable(5), List.of(stripe(3, 1f, 9, 0.5f), stripe(1, 0.25f, 3, 0.5f)))
        .withInput(new IntWritable(7), List.of(stripe(2, 0.25f))).run();
    assertEquals(2, out.size());
    Map<Long, Double> got = new HashMap<>();
    CooccurMapperTest.decode(out, got);
    assertEquals(1.5, got.get(PairCountMap.pack(5, 3)), 1e-7);
    assertEquals(0.25, got.get(PairCountMap.pack(5, 1)), 1e-7);
    assertEquals(0.5, got.get(PairCountMap.pack(5, 9)), 1e-7);
    assertEquals(0.25, got.get(PairCountMap.pack(7, 2)), 1e-7);
    assertEquals(4, d.getCounters().findCounter(CooccurCounters.ENTRIES_OUT).getValue());
  }

  @Test
  public void sparseAndDenseRowsBothComeOutColumnSorted() throws Exception {
    ReduceDriver<IntWritable, BytesWritable, IntWritable, BytesWritable> d =
        ReduceDriver.newReduceDriver(new CooccurReducer());
    Object[] dense = new Object[400];
    for (int k = 0; k < 200; k++) {
      dense[2 * k] = 199 - k; // reverse order on purpose: the scan must still sort
      dense[2 * k + 1] = 1f;
    }
    List<Pair<IntWritable, BytesWritable>> out = d
        .withInput(new IntWritable(0), List.of(stripe(50_000, 1f, 7, 2f), stripe(3, 0.5f, 7, 1f)))
        .withInput(new IntWritable(1), List.of(stripe(dense), stripe(150, 1f, 250, 1f))).run();
    Map<Long, Double> got = new HashMap<>();
    CooccurMapperTest.decode(out, got); // asserts strictly increasing columns in every stripe
    assertEquals(3.0, got.get(PairCountMap.pack(0, 7)), 1e-7);
    assertEquals(1.0, got.get(PairCountMap.pack(0, 50_000)), 1e-7);
    assertEquals(2.0, got.get(PairCountMap.pack(1, 150)), 1e-7);
    assertEquals(1.0, got.get(PairCountMap.pack(1, 250)), 1e-7);
    assertEquals(3 + 201, got.size());
  }

  @Test
  public void emptyAndTruncatedStripesAddNothing() throws Exception {
    ReduceDriver<IntWritable, BytesWritable, IntWritable, BytesWritable> d =
        ReduceDriver.newReduceDriver(new CooccurReducer());
    List<Pair<IntWritable, BytesWritable>> out = d
        .withInput(new IntWritable(1), List.of(new BytesWritable(new byte[0]), new BytesWritable(new byte[5]))).run();
    assertEquals(0, out.size());
    assertEquals(0, d.getCounters().findCounter(CooccurCounters.ENTRIES_OUT).getValue());
  }
}
