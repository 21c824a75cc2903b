package org.portrait.jobs.cooccur;

import static org.junit.Assert.assertEquals;

import java.util.List;
import org.apache.hadoop.io.DoubleWritable;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mrunit.mapreduce.ReduceDriver;
import org.apache.hadoop.mrunit.types.Pair;
import org.junit.Test;

public class CooccurReducerTest {
  @Test
  public void sumsWeightsAndCountsEntries() throws Exception {
    ReduceDriver<LongWritable, DoubleWritable, LongWritable, DoubleWritable> d =
        ReduceDriver.newReduceDriver(new CooccurReducer());
    List<Pair<LongWritable, DoubleWritable>> out = d
        .withInput(new LongWritable(5), List.of(new DoubleWritable(1), new DoubleWritable(0.5)))
        .withInput(new LongWritable(7), List.of(new DoubleWritable(0.25))).run();
    assertEquals(2, out.size());
    assertEquals(1.5, out.get(0).getSecond().get(), 1e-12);
    assertEquals(0.25, out.get(1).getSecond().get(), 1e-12);
    assertEquals(2, d.getCounters().findCounter(CooccurCounters.ENTRIES_OUT).getValue());
  }
}
