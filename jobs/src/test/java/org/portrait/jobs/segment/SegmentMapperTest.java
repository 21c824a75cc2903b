package org.portrait.jobs.segment;

import static org.junit.Assert.assertEquals;

import java.util.List;
import org.apache.avro.mapred.AvroKey;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;
import org.apache.hadoop.mrunit.types.Pair;
import org.junit.Before;
import org.junit.Test;
import org.portrait.schema.Review;
import org.portrait.schema.TokenizedReview;

public class SegmentMapperTest {
  private MapDriver<AvroKey<Review>, NullWritable, AvroKey<TokenizedReview>, NullWritable> driver;

  @Before
  public void setUp() {
    driver = MapDriver.newMapDriver(new SegmentMapper());
    // Review made nullable so that records with null fields (bad input) can be fed through MRUnit.
    AvroMrUnit.configure(driver.getConfiguration(), AvroMrUnit.nullable(Review.getClassSchema()),
        TokenizedReview.getClassSchema());
  }

  static Review review(String id, String text) {
    Review r = new Review();
    r.setReviewId(id);
    r.setUserKey("u-" + id);
    r.setTs(1_600_000_000_000L);
    r.setCategory("书籍");
    r.setLabel(0);
    r.setSplit("train");
    r.setText(text);
    return r;
  }

  static TokenizedReview tokenized(Review r, List<String> tokens) {
    return TokenizedReview.newBuilder().setReviewId(r.getReviewId()).setUserKey(r.getUserKey()).setTs(r.getTs())
        .setCategory(r.getCategory()).setLabel(r.getLabel()).setSplit(r.getSplit())
        .setCharCount(r.getText() == null ? 0 : r.getText().length()).setTokens(tokens).build();
  }

  private long counter(SegmentCounters c) {
    return driver.getCounters().findCounter(c).getValue();
  }

  @Test
  public void segmentsMasksAndCounts() throws Exception {
    Review r = review("r1", "买回来才知道,一点都不好看....电话13812345678");
    driver.withInput(new AvroKey<>(r), NullWritable.get())
        .withOutput(new AvroKey<>(tokenized(r, List.of("买", "回来", "一点", "不", "好看", "电话", "<PHONE>"))),
            NullWritable.get())
        .runTest();
    assertEquals(1, counter(SegmentCounters.REVIEWS_IN));
    assertEquals(1, counter(SegmentCounters.REVIEWS_OUT));
    assertEquals(7, counter(SegmentCounters.TOKENS));
    assertEquals(3, counter(SegmentCounters.STOPWORDS_REMOVED));
    assertEquals(1, counter(SegmentCounters.PII_PHONE));
    assertEquals(0, counter(SegmentCounters.PII_EMAIL));
    assertEquals(r.getText().length(), counter(SegmentCounters.CHARS));
    assertEquals(0, counter(SegmentCounters.EMPTY_AFTER_SEGMENT));
  }

  /** MRUnit refuses a run without input; an empty input file is covered by SegmentDriverTest. */
  @Test
  public void emptyTextGivesAnEmptyTokenList() throws Exception {
    Review r = review("r0", "");
    driver.withInput(new AvroKey<>(r), NullWritable.get())
        .withOutput(new AvroKey<>(tokenized(r, List.of())), NullWritable.get())
        .runTest();
    assertEquals(1, counter(SegmentCounters.BLANK_TEXT));
    assertEquals(1, counter(SegmentCounters.EMPTY_AFTER_SEGMENT));
    assertEquals(0, counter(SegmentCounters.TOKENS));
    assertEquals(0, counter(SegmentCounters.CHARS));
  }

  @Test
  public void blankOrStopwordOnlyTextIsKeptWithEmptyTokensAndCounted() throws Exception {
    Review blank = review("r2", "   ");
    Review nullText = review("r3", null);
    Review stopOnly = review("r4", "的了吗。。。");
    List<Pair<AvroKey<TokenizedReview>, NullWritable>> out = driver
        .withInput(new AvroKey<>(blank), NullWritable.get())
        .withInput(new AvroKey<>(nullText), NullWritable.get())
        .withInput(new AvroKey<>(stopOnly), NullWritable.get())
        .run();
    assertEquals(3, out.size());
    for (Pair<AvroKey<TokenizedReview>, NullWritable> p : out) {
      assertEquals(List.of(), p.getFirst().datum().getTokens());
    }
    assertEquals("r3", out.get(1).getFirst().datum().getReviewId());
    assertEquals(0, out.get(1).getFirst().datum().getCharCount());
    assertEquals(3, counter(SegmentCounters.REVIEWS_OUT));
    assertEquals(2, counter(SegmentCounters.BLANK_TEXT));
    assertEquals(3, counter(SegmentCounters.EMPTY_AFTER_SEGMENT));
  }

  @Test
  public void recordsWithoutIdsAreCountedInvalid() throws Exception {
    Review noId = review("r5", "很好");
    noId.setReviewId(null);
    Review ok = review("r6", "屏幕很大");
    driver.withInput(new AvroKey<>(noId), NullWritable.get())
        .withInput(new AvroKey<>(ok), NullWritable.get())
        .withOutput(new AvroKey<>(tokenized(ok, List.of("屏幕", "很大"))), NullWritable.get())
        .runTest();
    assertEquals(2, counter(SegmentCounters.REVIEWS_IN));
    assertEquals(1, counter(SegmentCounters.REVIEWS_INVALID));
    assertEquals(1, counter(SegmentCounters.REVIEWS_OUT));
  }

  @Test
  public void settingsComeFromTheConfiguration() throws Exception {
    driver.getConfiguration().setBoolean(SegmentConf.STOPWORDS_REMOVE, false);
    driver.getConfiguration().set(SegmentConf.POS_KEEP, "n");
    Review r = review("r7", "分辨率实在太垃圾 买了后悔");
    driver.withInput(new AvroKey<>(r), NullWritable.get())
        .withOutput(new AvroKey<>(tokenized(r, List.of("分辨率", "垃圾"))), NullWritable.get())
        .runTest();
    assertEquals(4, counter(SegmentCounters.POS_FILTERED));
    assertEquals(0, counter(SegmentCounters.STOPWORDS_REMOVED));
  }
}
