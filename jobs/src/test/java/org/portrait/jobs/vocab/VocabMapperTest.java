package org.portrait.jobs.vocab;

import static org.junit.Assert.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.apache.avro.mapred.AvroKey;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;
import org.junit.Before;
import org.junit.Test;
import org.portrait.jobs.segment.AvroMrUnit;
import org.portrait.schema.TokenizedReview;

public class VocabMapperTest {
  private MapDriver<AvroKey<TokenizedReview>, NullWritable, Text, TermStats> driver;

  @Before
  public void setUp() {
    driver = MapDriver.newMapDriver(new VocabMapper());
    AvroMrUnit.configure(driver.getConfiguration(), AvroMrUnit.nullable(TokenizedReview.getClassSchema()));
  }

  static AvroKey<TokenizedReview> review(String id, String split, List<String> tokens) {
    TokenizedReview r = new TokenizedReview();
    r.setReviewId(id);
    r.setUserKey("u");
    r.setSplit(split);
    r.setCharCount(10);
    r.setTokens(tokens);
    return new AvroKey<>(r);
  }

  private long counter(VocabCounters c) {
    return driver.getCounters().findCounter(c).getValue();
  }

  @Test
  public void emitsCountAndOneDocumentPerDistinctWord() throws Exception {
    driver.withInput(review("a", "train", List.of("不错", "手机", "不错", "<PHONE>")), NullWritable.get())
        .withOutput(new Text("不错"), new TermStats(2, 1))
        .withOutput(new Text("手机"), new TermStats(1, 1))
        .withOutput(new Text("<PHONE>"), new TermStats(1, 1))
        .runTest(false);
    assertEquals(1, counter(VocabCounters.REVIEWS_IN));
    assertEquals(1, counter(VocabCounters.REVIEWS_COUNTED));
    assertEquals(4, counter(VocabCounters.TOKENS_IN));
  }

  @Test
  public void emptyAndNullTokenListsAreCounted() throws Exception {
    driver.withInput(review("a", "train", List.of()), NullWritable.get())
        .withInput(review("b", "train", null), NullWritable.get())
        .runTest();
    assertEquals(2, counter(VocabCounters.EMPTY_REVIEWS));
    assertEquals(0, counter(VocabCounters.TOKENS_IN));
  }

  @Test
  public void badTokensAreSkippedAndCounted() throws Exception {
    driver.withInput(review("a", "train", Arrays.asList("好", " ", "a\tb", "好")), NullWritable.get())
        .withOutput(new Text("好"), new TermStats(2, 1))
        .runTest();
    assertEquals(2, counter(VocabCounters.BAD_TOKENS));
    assertEquals(2, counter(VocabCounters.TOKENS_IN));
  }

  @Test
  public void splitFilter() throws Exception {
    driver.getConfiguration().set(VocabDriver.SPLIT, "train");
    driver.withInput(review("a", "test", List.of("x")), NullWritable.get())
        .withInput(review("b", "train", List.of("y")), NullWritable.get())
        .withOutput(new Text("y"), new TermStats(1, 1))
        .runTest();
    assertEquals(1, counter(VocabCounters.REVIEWS_OTHER_SPLIT));
    assertEquals(1, counter(VocabCounters.REVIEWS_COUNTED));
  }
}
