package org.portrait.jobs.vocab;

import static org.junit.Assert.assertEquals;

import java.util.List;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mrunit.mapreduce.ReduceDriver;
import org.junit.Test;

public class VocabReducerTest {

  @Test
  public void sumsAndAppliesMinCount() throws Exception {
    ReduceDriver<Text, TermStats, Text, TermStats> d = ReduceDriver.newReduceDriver(new VocabReducer());
    d.getConfiguration().setLong(VocabDriver.MIN_COUNT, 3);
    d.withInput(new Text("不错"), List.of(new TermStats(2, 1), new TermStats(1, 1)))
        .withInput(new Text("罕见"), List.of(new TermStats(1, 1), new TermStats(1, 1)))
        .withOutput(new Text("不错"), new TermStats(3, 2))
        .runTest();
    assertEquals(2, d.getCounters().findCounter(VocabCounters.DISTINCT_WORDS).getValue());
    assertEquals(1, d.getCounters().findCounter(VocabCounters.WORDS_BELOW_MIN_COUNT).getValue());
    assertEquals(1, d.getCounters().findCounter(VocabCounters.WORDS_ABOVE_MIN_COUNT).getValue());
  }

  @Test
  public void defaultMinCountIsFive() throws Exception {
    ReduceDriver<Text, TermStats, Text, TermStats> d = ReduceDriver.newReduceDriver(new VocabReducer());
    d.withInput(new Text("a"), List.of(new TermStats(4, 4)))
        .withInput(new Text("b"), List.of(new TermStats(5, 2)))
        .withOutput(new Text("b"), new TermStats(5, 2))
        .runTest();
  }

  /** MRUnit refuses an empty key list; an empty corpus is covered by VocabDriverTest. */
  @Test
  public void minCountZeroKeepsEverything() throws Exception {
    ReduceDriver<Text, TermStats, Text, TermStats> d = ReduceDriver.newReduceDriver(new VocabReducer());
    d.getConfiguration().setLong(VocabDriver.MIN_COUNT, 0);
    d.withInput(new Text("x"), List.of(new TermStats(1, 1)))
        .withOutput(new Text("x"), new TermStats(1, 1))
        .runTest();
    assertEquals(0, d.getCounters().findCounter(VocabCounters.WORDS_BELOW_MIN_COUNT).getValue());
  }

  @Test
  public void combinerSumsWithoutFiltering() throws Exception {
    ReduceDriver<Text, TermStats, Text, TermStats> d = ReduceDriver.newReduceDriver(new VocabCombiner());
    d.withInput(new Text("罕见"), List.of(new TermStats(1, 1), new TermStats(2, 1)))
        .withOutput(new Text("罕见"), new TermStats(3, 2))
        .runTest();
  }
}
