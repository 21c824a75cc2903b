package org.portrait.jobs.metrics;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;
import org.apache.hadoop.mrunit.types.Pair;
import org.junit.Before;
import org.junit.Test;
import org.portrait.schema.ReviewPrediction;
import org.portrait.schema.TokenizedReview;
import org.portrait.schema.UserProfile;

public class MetricsMapperTest {
  private MapDriver<Object, Object, Text, Text> driver;
  private UserKeyFunction keys;

  @Before
  public void setUp() {
    driver = MapDriver.newMapDriver(new MetricsMapper());
    // Avro records are Externalizable: Java serialization lets MRUnit copy them.
    driver.getConfiguration().setStrings("io.serializations",
        "org.apache.hadoop.io.serializer.WritableSerialization",
        "org.apache.hadoop.io.serializer.JavaSerialization");
    keys = UserKeyFunction.fromConf(new Configuration(false));
  }

  static UserProfile profile(String key, List<String> top, String sentiment) {
    return UserProfile.newBuilder().setUserKey(key).setReviewCount(3).setTokenCount(30).setInVocabTokens(20)
        .setVector(List.of(0.6f, 0.8f)).setKeywords(List.of()).setInterestScores(Map.of())
        .setTopInterests(top).setInterestSource("supervised").setSentimentScore(0.7f).setPositiveShare(0.7f)
        .setSentimentLabel(sentiment).setConfidence("high").setSummary("主要关注手机").setModelId("m")
        .setRunId("r").build();
  }

  static UserProfile withKeywords(UserProfile p, String... terms) {
    List<org.portrait.schema.WeightedTerm> kw = new java.util.ArrayList<>();
    for (String t : terms) {
      kw.add(new org.portrait.schema.WeightedTerm(t, 1f));
    }
    p.setKeywords(kw);
    return p;
  }

  static ReviewPrediction prediction(String id, String key, String split, Integer label, float prob) {
    return ReviewPrediction.newBuilder().setReviewId(id).setUserKey(key).setSplit(split).setLabel(label)
        .setCategory("手机").setPositiveProb(prob).build();
  }

  static TokenizedReview tokens(String id, String key, String split, String cat, List<String> toks) {
    return TokenizedReview.newBuilder().setReviewId(id).setUserKey(key).setSplit(split).setCategory(cat)
        .setLabel(1).setCharCount(10).setTokens(toks).build();
  }

  @Test
  public void keysEveryInputByUser() throws Exception {
    String k = keys.userKey("u1");
    assertEquals(64, k.length());
    driver.withInput(new LongWritable(0), new Text("user_id,split,interests,sentiment"))
        .withInput(new LongWritable(40), new Text("u1,test,手机:0.7000|计算机:0.3000,positive"))
        .withInput(NullWritable.get(), withKeywords(profile("k1", List.of("手机", "书籍"), "negative"), "屏幕", "电池"))
        .withInput(NullWritable.get(), prediction("r1", "k1", "test", 1, 0.9f))
        .withInput(NullWritable.get(), prediction("r2", "k1", "train", 0, 0.1f))
        .withInput(NullWritable.get(), tokens("r1", "k1", "test", "手机", List.of("屏幕", "好")))
        .withInput(NullWritable.get(), tokens("r3", "k1", "train", "手机", List.of("电池")))
        .withOutput(new Text(k), new Text("T\ttest\t手机:0.7|计算机:0.3\tpositive"))
        .withOutput(new Text("k1"), new Text("P\t手机|书籍\tnegative\t屏幕" + MetricsMapper.TOKEN_SEP + "电池"))
        .withOutput(new Text("k1"), new Text("R\t1\t0.9"))
        .withOutput(new Text("k1"), new Text("L"))
        .withOutput(new Text("k1"), new Text("K\t屏幕" + MetricsMapper.TOKEN_SEP + "好\t手机"))
        .runTest();
    assertEquals(1, driver.getCounters().findCounter(MetricsCounters.TRUTH_ROWS).getValue());
    assertEquals(1, driver.getCounters().findCounter(MetricsCounters.PROFILES).getValue());
    assertEquals(1, driver.getCounters().findCounter(MetricsCounters.PREDICTIONS_TEST).getValue());
    assertEquals(1, driver.getCounters().findCounter(MetricsCounters.PREDICTIONS_TRAIN_SKIPPED).getValue());
    assertEquals(1, driver.getCounters().findCounter(MetricsCounters.TOKENIZED_TEST).getValue());
    assertEquals(1, driver.getCounters().findCounter(MetricsCounters.TOKENIZED_TRAIN_SKIPPED).getValue());
  }

  @Test
  public void profileWithoutInterestsAndPredictionWithoutLabel() throws Exception {
    driver.withInput(NullWritable.get(), profile("k2", List.of(), "neutral"))
        .withInput(NullWritable.get(), prediction("r9", "k2", "test", null, 0.4f))
        .withOutput(new Text("k2"), new Text("P\t\tneutral\t"))
        .withOutput(new Text("k2"), new Text("R\t\t0.4"))
        .runTest();
  }

  @Test
  public void badInputIsCountedNotFatal() throws Exception {
    List<Pair<Text, Text>> out = driver
        .withInput(new LongWritable(0), new Text("u1,test,手机|平板:1,positive")) // some weights missing
        .withInput(new LongWritable(1), new Text("garbage"))
        .withInput(new LongWritable(2), new Text(""))
        .withInput(NullWritable.get(), profile("", List.of("手机"), "positive"))
        .withInput(NullWritable.get(), new Text("x").toString()) // neither a line nor a record
        .run();
    assertEquals(0, out.size());
    assertEquals(2, driver.getCounters().findCounter(MetricsCounters.TRUTH_BAD).getValue());
    assertEquals(2, driver.getCounters().findCounter(MetricsCounters.BAD_RECORDS).getValue());
  }

  @Test
  public void blankLinesAndHeaderEmitNothing() throws Exception {
    driver.withInput(new LongWritable(0), new Text(""))
        .withInput(new LongWritable(1), new Text("   "))
        .withInput(new LongWritable(5), new Text("user_id,split,interests,sentiment"))
        .runTest();
    assertEquals(0, driver.getCounters().findCounter(MetricsCounters.BAD_RECORDS).getValue());
    assertEquals(0, driver.getCounters().findCounter(MetricsCounters.TRUTH_BAD).getValue());
    assertEquals(0, driver.getCounters().findCounter(MetricsCounters.TRUTH_ROWS).getValue());
  }

  @Test
  public void trainTruthRowsAreEmittedSoTrainProfilesAreNotMistakenForStrays() throws Exception {
    driver.withInput(new LongWritable(0), new Text("u2,train,书籍:1.0000,negative"))
        .withOutput(new Text(keys.userKey("u2")), new Text("T\ttrain\t书籍:1.0\tnegative"))
        .runTest();
  }
}
