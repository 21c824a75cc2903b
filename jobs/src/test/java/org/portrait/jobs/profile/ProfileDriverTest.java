package org.portrait.jobs.profile;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.portrait.common.config.LocalMode;
import org.portrait.common.io.AvroFiles;
import org.portrait.common.profile.SoftmaxClassifier;
import org.portrait.jobs.Jobs;
import org.portrait.schema.ReviewPrediction;
import org.portrait.schema.TokenizedReview;
import org.portrait.schema.UserProfile;

/** Local-mode run of the profile stage over the fixture world; reads every output back. */
public class ProfileDriverTest {
  @ClassRule public static TemporaryFolder tmp = new TemporaryFolder();
  static Configuration conf;
  static File dir;
  static Map<String, String> truth;
  static ProfileDriver.Result result;
  static Map<String, UserProfile> profiles = new HashMap<>();

  @BeforeClass
  public static void runOnce() throws Exception {
    dir = tmp.newFolder("w");
    conf = LocalMode.configure(new Configuration(), dir);
    ProfileFixtures.writeVocabAndVectors(dir);
    truth = ProfileFixtures.writeReviews(conf, dir, 30, 7);
    // A test user whose gold category is a value no train review has: it must not reach the classifier.
    Random rnd = new Random(1);
    List<TokenizedReview> extra = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      TokenizedReview r = ProfileFixtures.review("leak-" + i, "u99", "test", 0, 1, rnd);
      r.setCategory("泄漏");
      extra.add(r);
    }
    // A user with no in-vocabulary token at all.
    extra.add(TokenizedReview.newBuilder().setReviewId("oov-1").setUserKey("u98").setSplit("train")
        .setCharCount(5).setTokens(List.of("未登录词", "<PHONE>")).build());
    AvroFiles.write(conf, new Path(new File(dir, "S/part-1.avro").getPath()), TokenizedReview.getClassSchema(), extra);
    conf.set(ProfileConf.RUN_ID, "test-run");
    result = ProfileDriver.run(conf, new Path(new File(dir, "S").getPath()), new Path(new File(dir, "M").getPath()),
        new Path(new File(dir, "V").getPath()), new Path(new File(dir, "P").getPath()));
    for (UserProfile p : readProfiles(conf, new Path(new File(dir, "P/user_profile").getPath()))) {
      profiles.put(p.getUserKey(), p);
    }
  }

  static List<UserProfile> readProfiles(Configuration conf, Path dir) throws Exception {
    List<UserProfile> out = new ArrayList<>();
    FileSystem fs = dir.getFileSystem(conf);
    for (FileStatus st : fs.listStatus(dir, p -> p.getName().endsWith(".parquet"))) {
      try (ParquetReader<UserProfile> r = AvroParquetReader.<UserProfile>builder(
          HadoopInputFile.fromPath(st.getPath(), conf)).withConf(conf).build()) {
        UserProfile p;
        while ((p = r.read()) != null) {
          out.add(p);
        }
      }
    }
    return out;
  }

  @Test
  public void everyUserHasOneProfileWithSaneFields() {
    assertEquals(32, profiles.size());
    assertEquals(32L, (long) result.counters.get("USERS"));
    UserProfile p = profiles.get("u00");
    assertEquals(12, p.getReviewCount());
    assertEquals(ProfileFixtures.DIM, p.getVector().size());
    double n = 0;
    for (float x : p.getVector()) {
      n += x * x;
    }
    assertEquals(1.0, n, 1e-4);
    assertEquals("supervised", p.getInterestSource());
    assertEquals("test-run", p.getRunId());
    assertTrue(p.getModelId().contains("weighting=sif"));
    assertNotNull(p.getFirstTs());
    assertTrue(p.getFirstTs() <= p.getLastTs());
    assertFalse(p.getKeywords().isEmpty());
    for (var k : p.getKeywords()) {
      assertFalse(k.getTerm().startsWith("<"));
      assertFalse(k.getTerm().equals("不"));
    }
    assertTrue(p.getSummary(), p.getSummary().startsWith("主要关注"));
  }

  @Test
  public void interestsAndSentimentMatchTheFixtureTruth() {
    int right = 0;
    int sentimentRight = 0;
    for (Map.Entry<String, String> e : truth.entrySet()) {
      UserProfile p = profiles.get(e.getKey());
      if (!p.getTopInterests().isEmpty() && p.getTopInterests().get(0).equals(e.getValue())) {
        right++;
      }
      int u = Integer.parseInt(e.getKey().substring(1));
      if (p.getSentimentLabel().equals(u % 2 == 1 ? "positive" : "negative")) {
        sentimentRight++;
      }
    }
    assertTrue("top interest right for " + right + "/30", right >= 27);
    assertTrue("sentiment right for " + sentimentRight + "/30", sentimentRight >= 25);
  }

  @Test
  public void testLabelsNeverReachTraining() throws Exception {
    Path model = new Path(new File(dir, "P/models/category.model").getPath());
    try (InputStream in = model.getFileSystem(conf).open(model)) {
      List<String> labels = SoftmaxClassifier.read(in).labels();
      assertEquals(List.of("书籍", "手机", "酒店"), labels);
    }
    assertTrue(result.training.testReviewsSkipped >= 5);
  }

  @Test
  public void categoryPriorIsWrittenFromTrainLabelsAndLoaded() throws Exception {
    Path models = new Path(new File(dir, "P/models").getPath());
    double[] prior = ProfileConf.readVector(models.getFileSystem(conf), new Path(models, ProfileConf.CATEGORY_PRIOR));
    assertEquals(3, prior.length); // one share per classifier label; the test-only category is absent
    double sum = 0;
    for (double x : prior) {
      assertTrue(x > 0);
      sum += x;
    }
    assertEquals(1.0, sum, 1e-9);
    Configuration c = new Configuration(conf);
    c.set(ProfileConf.VECTORS, new File(dir, "M/vectors.txt").getPath());
    c.set(ProfileConf.VOCAB, new File(dir, "V/vocab.tsv").getPath());
    c.set(ProfileConf.MODELS, models.toString());
    assertTrue(ProfileConf.load(c).newInterestAggregator().usesUserPrior());
    c.setDouble(ProfileConf.USER_PRIOR, 0);
    assertFalse(ProfileConf.load(c).newInterestAggregator().usesUserPrior());
  }

  @Test
  public void zeroInVocabularyUserGetsLowConfidenceNotGarbage() {
    UserProfile p = profiles.get("u98");
    assertEquals(0L, p.getInVocabTokens());
    assertEquals("low", p.getConfidence());
    for (float x : p.getVector()) {
      assertEquals(0f, x, 0f);
    }
    assertTrue(p.getKeywords().isEmpty());
    assertEquals("neutral", p.getSentimentLabel());
    assertTrue(p.getSummary(), p.getSummary().contains("证据"));
    assertNull(p.getSegmentId());
  }

  /** A model applied to reviews of other users predicts what the run that trained it predicted on them. */
  @Test
  public void appliedModelReproducesTheTrainingRunsPredictions() throws Exception {
    File sub = new File(dir, "S-new");
    assertTrue(sub.mkdirs());
    java.nio.file.Files.copy(new File(dir, "S/part-1.avro").toPath(), new File(sub, "part-1.avro").toPath());
    Configuration apply = new Configuration(conf);
    apply.set(ProfileConf.APPLY_MODEL, new File(dir, "P").getPath());
    ProfileDriver.Result r = ProfileDriver.run(apply, new Path(sub.getPath()), new Path(new File(dir, "M").getPath()),
        new Path(new File(dir, "V").getPath()), new Path(new File(dir, "P-applied").getPath()));
    assertEquals(1L, (long) r.counters.get("MODEL_APPLIED"));
    assertEquals(0L, (long) r.counters.get("TRAIN_REVIEWS"));
    assertEquals(result.interestThreshold, r.interestThreshold, 0);
    Map<String, ReviewPrediction> trained = new HashMap<>();
    for (ReviewPrediction p : AvroFiles.readAll(conf, new Path(new File(dir, "P/review_predictions").getPath()),
        ReviewPrediction.class)) {
      trained.put(p.getReviewId(), p);
    }
    List<ReviewPrediction> applied = AvroFiles.readAll(conf,
        new Path(new File(dir, "P-applied/review_predictions").getPath()), ReviewPrediction.class);
    assertEquals(6, applied.size());
    for (ReviewPrediction p : applied) {
      assertEquals(p.getReviewId(), trained.get(p.getReviewId()), p);
    }
    List<UserProfile> again = readProfiles(conf, new Path(new File(dir, "P-applied/user_profile").getPath()));
    assertEquals(2, again.size());
    for (UserProfile p : again) {
      assertEquals(p.getUserKey(), profiles.get(p.getUserKey()), p);
    }
  }

  @Test
  public void appliedModelRefusesOtherVectors() throws Exception {
    File other = new File(dir, "M-other");
    assertTrue(other.mkdirs());
    java.nio.file.Files.writeString(new File(other, "vectors.txt").toPath(),
        java.nio.file.Files.readString(new File(dir, "M/vectors.txt").toPath()) + "额外 0.1 0.2\n");
    Configuration apply = new Configuration(conf);
    apply.set(ProfileConf.APPLY_MODEL, new File(dir, "P/models").getPath());
    try {
      ProfileDriver.run(apply, new Path(new File(dir, "S").getPath()), new Path(other.getPath()),
          new Path(new File(dir, "V").getPath()), new Path(new File(dir, "P-bad").getPath()));
      org.junit.Assert.fail("other vectors accepted");
    } catch (org.portrait.common.config.UserError e) {
      assertTrue(e.getMessage(), e.getMessage().contains("other --vectors"));
      assertFalse(new File(dir, "P-bad").exists());
    }
  }

  @Test
  public void onePredictionPerReview() throws Exception {
    List<ReviewPrediction> preds = AvroFiles.readAll(conf, new Path(new File(dir, "P/review_predictions").getPath()),
        ReviewPrediction.class);
    assertEquals(30 * 12 + 6, preds.size());
    ReviewPrediction leak = preds.stream().filter(p -> p.getReviewId().equals("leak-0")).findFirst().get();
    assertEquals("test", leak.getSplit());
    assertEquals("泄漏", leak.getCategory());
    assertEquals("手机", leak.getPredictedCategory());
    assertTrue(leak.getPositiveProb() >= 0 && leak.getPositiveProb() <= 1);
  }

  @Test
  public void parquetUsesStandardListAndMapLayoutAndCountersAreWritten() throws Exception {
    Path dirP = new Path(new File(dir, "P/user_profile").getPath());
    FileSystem fs = dirP.getFileSystem(conf);
    FileStatus[] parts = fs.listStatus(dirP, p -> p.getName().endsWith(".parquet"));
    assertTrue(parts.length > 0);
    try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(parts[0].getPath(), conf))) {
      MessageType schema = r.getFooter().getFileMetaData().getSchema();
      String s = schema.toString();
      assertTrue(s, s.contains("repeated group list"));
      assertTrue(s, s.contains("repeated group key_value"));
    }
    try (ParquetReader<GenericRecord> r = AvroParquetReader.<GenericRecord>builder(
        HadoopInputFile.fromPath(parts[0].getPath(), conf)).withConf(conf).build()) {
      assertEquals(UserProfile.getClassSchema().getFields().size(), r.read().getSchema().getFields().size());
    }
    Map<String, Long> c = Jobs.readCounters(conf, new Path(new File(dir, "P").getPath()));
    assertEquals(30L * 12 + 6, (long) c.get("REVIEWS_IN"));
    assertTrue(c.get("SIF_USERS") >= 31);
    assertFalse(fs.exists(new Path(new File(dir, "_tmp.P").getPath())));
  }

  @Test
  public void aModelTrainedWithoutLabelsKeepsTheEarlierClassifiers() throws Exception {
    Configuration c = new Configuration(conf);
    c.setBoolean(ProfileConf.SUPERVISED, false);
    ProfileDriver.run(c, new Path(new File(dir, "S").getPath()), new Path(new File(dir, "M").getPath()),
        new Path(new File(dir, "V").getPath()), new Path(new File(dir, "Unlabelled").getPath()));
    Path models = new Path(new File(dir, "Unlabelled/models").getPath());
    Path earlier = new Path(new File(dir, "P/models").getPath());
    FileSystem fs = models.getFileSystem(conf);
    assertFalse(fs.exists(new Path(models, ProfileConf.CATEGORY_MODEL)));
    assertTrue(AppliedModel.keepClassifiers(conf, earlier, models));
    Map<String, String> info = AppliedModel.readInfo(conf, models);
    assertEquals("true", info.get("category"));
    assertEquals(AppliedModel.readInfo(conf, earlier).get("interest_threshold"), info.get("interest_threshold"));
    Configuration load = new Configuration(conf);
    load.set(ProfileConf.VOCAB, new File(dir, "V/vocab.tsv").getPath());
    load.set(ProfileConf.VECTORS, new File(dir, "M/vectors.txt").getPath());
    load.set(ProfileConf.MODELS, models.toString());
    assertNotNull(ProfileConf.load(load).categoryClassifier);
    assertNotNull(ProfileConf.load(load).sentimentClassifier);
    // nothing left to carry the second time
    assertFalse(AppliedModel.keepClassifiers(conf, earlier, models));
  }
}
