package org.portrait.jobs.metrics;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.io.File;
import java.io.FileWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mrunit.mapreduce.ReduceDriver;
import org.apache.hadoop.mrunit.types.Pair;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.portrait.common.metrics.CentroidModel;

public class MetricsReducerTest {
  @Rule
  public TemporaryFolder tmp = new TemporaryFolder();
  private ReduceDriver<Text, Text, Text, LongWritable> driver;

  @Before
  public void setUp() throws Exception {
    driver = ReduceDriver.newReduceDriver(new MetricsReducer());
    CentroidModel.Builder b = new CentroidModel.Builder(1);
    b.add("手机", List.of("屏幕", "电池"));
    b.add("书籍", List.of("故事", "作者"));
    File model = tmp.newFile("centroids.tsv");
    try (Writer w = new FileWriter(model, StandardCharsets.UTF_8)) {
      b.build().write(w);
    }
    driver.getConfiguration().set(MetricsDriver.CENTROID_MODEL, model.toURI().toString());
    org.portrait.common.profile.KeywordStats.Builder k = new org.portrait.common.profile.KeywordStats.Builder();
    for (int i = 0; i < 10; i++) {
      k.add("手机", List.of("屏幕", "电池", "买"));
      k.add("书籍", List.of("故事", "作者", "买"));
    }
    File stats = tmp.newFile("keyword-stats.tsv");
    try (java.io.OutputStream o = new java.io.FileOutputStream(stats)) {
      k.build().write(o);
    }
    driver.getConfiguration().set(MetricsDriver.KEYWORD_STATS, stats.toURI().toString());
    driver.getConfiguration().set(MetricsDriver.MAJORITY_SET, "手机");
    driver.getConfiguration().set(MetricsDriver.MAJORITY_SENTIMENT, "positive");
    driver.getConfiguration().set(MetricsDriver.MAJORITY_REVIEW, "positive");
  }

  private static List<Text> values(String... v) {
    return java.util.Arrays.stream(v).map(Text::new).toList();
  }

  private Map<String, Long> run() throws Exception {
    Map<String, Long> out = new TreeMap<>();
    for (Pair<Text, LongWritable> p : driver.run()) {
      out.put(p.getFirst().toString(), p.getSecond().get());
    }
    return out;
  }

  private long counter(MetricsCounters c) {
    return driver.getCounters().findCounter(c).getValue();
  }

  @Test
  public void joinsUsersAndCountsEveryCase() throws Exception {
    driver.withInput(new Text("A"), values("T\ttest\t手机:0.7|计算机:0.3\tpositive", "P\t手机\tpositive",
            "R\t1\t0.9", "R\t0\t0.7", "R\t\t0.5", "K\t屏幕\u0001电池", "T\ttest\t手机:0.7|计算机:0.3\tpositive"))
        .withInput(new Text("B"), values("T\ttest\t书籍:1.0\tnegative")) // truth row, no profile
        .withInput(new Text("C"), values("P\t书籍\tnegative", "R\t1\t0.2")) // profile, no truth row
        .withInput(new Text("D"), values("T\ttrain\t书籍:1.0\tnegative", "P\t书籍\tnegative"))
        .withInput(new Text("E"), values("X\tnonsense"));
    Map<String, Long> c = run();
    // ours: A {手机,计算机} vs {手机}; B {书籍} vs {} (missing profile = empty prediction)
    assertEquals(2L, (long) c.get("interest.ours.users"));
    assertEquals(0L, (long) c.get("interest.ours.exact"));
    assertEquals(1L, (long) c.get("interest.ours.tp.手机"));
    assertEquals(1L, (long) c.get("interest.ours.fn.计算机"));
    assertEquals(1L, (long) c.get("interest.ours.fn.书籍"));
    assertEquals(0L, (long) c.get("interest.ours.fp.手机"));
    // majority always says {手机}
    assertEquals(1L, (long) c.get("interest.majority.fp.手机"));
    assertEquals(1L, (long) c.get("interest.majority.tp.手机"));
    // centroid: A's tokens are phone words; B has no tokens, so no prediction
    assertEquals(1L, (long) c.get("interest.centroid.tp.手机"));
    assertEquals(1L, (long) c.get("interest.centroid.fn.书籍"));
    assertEquals(2L, (long) c.get("interest.centroid.users"));
    assertEquals(1L, (long) c.get("confusion.interest.手机|手机"));
    assertEquals(1L, (long) c.get("confusion.interest.书籍|(none)"));
    assertEquals(1L, (long) c.get("sentiment.user.ours.positive|positive"));
    assertEquals(1L, (long) c.get("sentiment.user.ours.negative|(none)"));
    assertEquals(1L, (long) c.get("sentiment.user.majority.negative|positive"));
    assertEquals(1L, (long) c.get("sentiment.review.ours.positive|positive"));
    assertEquals(1L, (long) c.get("sentiment.review.ours.negative|positive"));
    assertEquals(2L, (long) c.get("sentiment.review.majority.negative|positive")
        + c.get("sentiment.review.majority.positive|positive"));
    assertEquals(2, counter(MetricsCounters.TEST_USERS));
    assertEquals(1, counter(MetricsCounters.TRAIN_USERS));
    assertEquals(1, counter(MetricsCounters.TRUTH_WITHOUT_PROFILE));
    assertEquals(1, counter(MetricsCounters.PROFILE_WITHOUT_TRUTH));
    assertEquals(1, counter(MetricsCounters.PREDICTIONS_WITHOUT_TRUTH));
    assertEquals(1, counter(MetricsCounters.DUPLICATE_USER_RECORDS));
    assertEquals(1, counter(MetricsCounters.BAD_RECORDS));
    assertEquals(2, counter(MetricsCounters.REVIEWS_SCORED));
    assertEquals(1, counter(MetricsCounters.REVIEWS_NO_LABEL));
  }

  @Test
  public void scoresKeywordsAndTheLabelCeiling() throws Exception {
    driver.withInput(new Text("A"), values("T\ttest\t手机:1.0\tpositive", "P\t手机\tpositive\t屏幕\u0001故事\u0001买",
        "K\t屏幕\u0001买\t手机", "K\t屏幕\u0001电池\u0001电池\t手机", "K\t故事\t书籍", "K\t买\t手机"));
    Map<String, Long> c = run();
    // ours: 屏幕 topical and in 2 reviews; 故事 points to 书籍 (no interest), 1 review; 买 in 2 reviews
    assertEquals(3L, (long) c.get("keywords.ours.keywords"));
    assertEquals(1L, (long) c.get("keywords.ours.topical"));
    assertEquals(2L, (long) c.get("keywords.ours.supported"));
    // plain TF-IDF keywords are scored for the same user
    assertEquals(1L, (long) c.get("keywords.tfidf.users"));
    // ceiling grid: 3 of 4 reviews 手机, 1 书籍 (25%): at t = 0.02 书籍 is predicted too, at t = 0.5 only 手机
    assertEquals(1L, (long) c.get("interest.ceiling.grid.0.fp.书籍"));
    assertEquals(1L, (long) c.get("interest.ceiling.grid.24.tp.手机"));
    assertEquals(null, c.get("interest.ceiling.grid.24.fp.书籍"));
  }

  @Test
  public void aTestUserWhoseLabelsTrainedTheClassifiersIsNotScored() throws Exception {
    driver.withInput(new Text("A"), values("T\ttest\t手机:1.0\tpositive", "P\t手机\tpositive", "L", "R\t1\t0.9"))
        .withInput(new Text("B"), values("T\ttrain\t手机:1.0\tpositive", "P\t手机\tpositive", "L"));
    Map<String, Long> c = run();
    assertEquals(0L, (long) c.getOrDefault("interest.ours.users", 0L));
    assertEquals(1, counter(MetricsCounters.TEST_USERS_TRAINED_ON));
    assertEquals(1, counter(MetricsCounters.TRAIN_USERS));
    assertEquals(0, counter(MetricsCounters.BAD_RECORDS));
  }

  @Test
  public void badReviewValuesAreCounted() throws Exception {
    driver.withInput(new Text("A"), values("T\ttest\t手机:1.0\tpositive", "P\t手机\tpositive", "R\tx\t0.9",
        "R\t1\tnot-a-number"));
    Map<String, Long> c = run();
    assertEquals(1L, (long) c.get("interest.ours.exact"));
    assertEquals(2, counter(MetricsCounters.BAD_RECORDS));
    assertEquals(0, counter(MetricsCounters.REVIEWS_SCORED));
  }

  @Test
  public void withoutProfilesOnlyBaselinesAreScored() throws Exception {
    driver.getConfiguration().setBoolean(MetricsDriver.HAS_PROFILES, false);
    driver.withInput(new Text("B"), values("T\ttest\t书籍:1.0\tnegative", "K\t故事"));
    Map<String, Long> c = run();
    assertNull(c.get("interest.ours.users"));
    assertNull(c.get("sentiment.user.ours.negative|(none)"));
    assertEquals(1L, (long) c.get("interest.centroid.tp.书籍"));
    assertEquals(1L, (long) c.get("interest.majority.users"));
    assertEquals(0, counter(MetricsCounters.TRUTH_WITHOUT_PROFILE));
  }

  @Test
  public void noTestUsersGivesNoCounts() throws Exception {
    driver.getConfiguration().unset(MetricsDriver.CENTROID_MODEL);
    driver.withInput(new Text("D"), values("T\ttrain\t书籍:1.0\tnegative"));
    Map<String, Long> c = run();
    assertEquals(0L, (long) c.get("interest.ours.users"));
    assertNull(c.get("interest.centroid.users")); // no model configured: no centroid baseline
    assertEquals(1, counter(MetricsCounters.TRAIN_USERS));
  }
}
