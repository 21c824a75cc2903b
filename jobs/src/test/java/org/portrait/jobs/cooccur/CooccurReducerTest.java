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
  public void emptyAndTruncatedStripesAddNothing() throws Exception {
    ReduceDriver<IntWritable, BytesWritable, IntWritable, BytesWritable> d =
        ReduceDriver.newReduceDriver(new CooccurReducer());
    List<Pair<IntWritable, BytesWritable>> out = d
        .withInput(new IntWritable(1), List.of(new BytesWritable(new byte[0]), new BytesWritable(new byte[5]))).run();
    assertEquals(0, out.size());
    assertEquals(0, d.getCounters().findCounter(CooccurCounters.ENTRIES_OUT).getValue());
  }
}
