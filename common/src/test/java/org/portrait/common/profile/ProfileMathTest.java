package org.portrait.common.profile;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.Test;
import org.portrait.schema.UserProfile;

public class ProfileMathTest {
  static ProfileModel model() throws Exception {
    return model("");
  }

  /** The test model; {@code moreVocab} appends vocab.tsv lines. */
  static ProfileModel model(String moreVocab) throws Exception {
    ProfileVocab v = ProfileVocab.read(new ByteArrayInputStream(
        ("手机\t100\t50\n电池\t80\t40\n酒店\t90\t45\n房间\t70\t30\n好\t300\t200\n" + moreVocab)
            .getBytes(StandardCharsets.UTF_8)));
    WordVectors w = WordVectors.read(new ByteArrayInputStream(
        ("手机 1 0 0.1\n电池 0.9 0.1 0.1\n酒店 0 1 0.1\n房间 0.1 0.9 0.1\n好 0.2 0.2 1\n")
            .getBytes(StandardCharsets.UTF_8)));
    InterestTaxonomy t = InterestTaxonomy.read(new ByteArrayInputStream(
        "手机\t手机 电池\n酒店\t酒店 房间\n".getBytes(StandardCharsets.UTF_8)));
    return new ProfileModel(v, w, t, 12).seal();
  }

  @Test
  public void negationScopedFeaturesDiffer() {
    TextFeatures f = new TextFeatures(18);
    assertFalse(java.util.Arrays.equals(f.encode(List.of("好")), f.encode(List.of("不", "好"))));
    int[] x = f.encode(List.of("不", "好", "<PHONE>"));
    assertTrue(java.util.Arrays.binarySearch(x, f.index("NOT_好")) >= 0);
    assertTrue(java.util.Arrays.binarySearch(x, f.index("u:<PHONE>")) < 0);
  }

  @Test
  public void classifierWithFixedSeedIsReproducible() throws Exception {
    TextFeatures f = new TextFeatures(14);
    Random rnd = new Random(9);
    List<int[]> xs = new ArrayList<>();
    int[] y = new int[400];
    String[][] words = {{"好", "满意", "推荐"}, {"差", "失望", "退货"}};
    for (int i = 0; i < 400; i++) {
      y[i] = rnd.nextInt(2);
      xs.add(f.encode(List.of(words[y[i]][rnd.nextInt(3)], "东西", words[y[i]][rnd.nextInt(3)])));
    }
    SoftmaxClassifier.Settings s = new SoftmaxClassifier.Settings();
    SoftmaxClassifier a = new SoftmaxClassifier(List.of("0", "1"), 14);
    SoftmaxClassifier b = new SoftmaxClassifier(List.of("0", "1"), 14);
    a.train(xs, y, s);
    b.train(xs, y, s);
    int[] probe = f.encode(List.of("满意", "东西"));
    assertArrayEquals(a.predict(probe), b.predict(probe), 0.0);
    assertTrue(a.predict(probe)[0] > 0.9);
    assertTrue(a.predict(f.encode(List.of("失望")))[1] > 0.9);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    a.write(bytes);
    SoftmaxClassifier c = SoftmaxClassifier.read(new ByteArrayInputStream(bytes.toByteArray()));
    assertArrayEquals(a.predict(probe), c.predict(probe), 0.0);
    s.seed = 2;
    SoftmaxClassifier d = new SoftmaxClassifier(List.of("0", "1"), 14);
    d.train(xs, y, s);
    assertNotEquals(a.predict(probe)[0], d.predict(probe)[0], 0.0);
  }

  @Test
  public void heavyUserNeedsBoundedMemory() throws Exception {
    // 100,000 reviews, each with a term no other review has: without the cap the term map would hold them all.
    StringBuilder rareWords = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      rareWords.append("词").append(i).append("\t1\t1\n");
    }
    ProfileModel m = model(rareWords.toString());
    m.maxTerms = 1000;
    UserEvidence acc = new UserEvidence(m, "heavy");
    List<String> toks = new ArrayList<>(List.of("手机", "电池", "好", ""));
    for (int i = 0; i < 100_000; i++) {
      String rare = "词" + i;
      toks.set(3, rare);
      acc.add(toks, (long) i);
      assertTrue(acc.heldTerms() <= m.maxTerms);
    }
    UserProfile p = acc.finish();
    assertEquals(100_000, p.getReviewCount());
    assertEquals(0L, (long) p.getFirstTs());
    assertEquals(99_999L, (long) p.getLastTs());
    assertEquals("high", p.getConfidence());
    // the frequent terms survive pruning and lead the keywords
    List<String> kw = new ArrayList<>();
    p.getKeywords().forEach(k -> kw.add(k.getTerm()));
    assertTrue(kw.toString(), kw.subList(0, 2).containsAll(List.of("手机", "电池")));
    assertFalse(kw.contains("好")); // stopword for keywords
    assertEquals("手机", p.getTopInterests().get(0));
  }

  @Test
  public void sifAndTfidfGiveUnitVectorsAndEmbeddingInterests() throws Exception {
    for (ProfileModel.Weighting w : ProfileModel.Weighting.values()) {
      ProfileModel m = model();
      m.weighting = w;
      m.commonComponent = new double[] {0, 0, 1};
      UserEvidence acc = new UserEvidence(m, "u");
      acc.add(List.of("酒店", "房间", "好"), null);
      UserProfile p = acc.finish();
      double n = 0;
      for (float x : p.getVector()) {
        n += x * x;
      }
      assertEquals(1.0, n, 1e-5);
      assertEquals(List.of("酒店"), p.getTopInterests());
      assertEquals("embedding", p.getInterestSource());
      if (w == ProfileModel.Weighting.SIF) {
        assertEquals(0f, p.getVector().get(2), 1e-6f); // common component removed
      }
    }
  }

  @Test
  public void noEvidenceGivesLowConfidenceAndZeroVector() throws Exception {
    UserEvidence acc = new UserEvidence(model(), "u");
    acc.add(List.of("未知", "<EMAIL>"), null);
    UserProfile p = acc.finish();
    assertEquals("low", p.getConfidence());
    assertTrue(p.getTopInterests().isEmpty());
    assertTrue(p.getKeywords().isEmpty());
    assertEquals("neutral", p.getSentimentLabel());
    assertTrue(p.getSummary().contains("证据不足"));
    p.getVector().forEach(x -> assertEquals(0f, x, 0f));
  }

  @Test
  public void topEigenvectorOfAKnownMatrix() {
    double[] m = {4, 0, 0, 0, 1, 0, 0, 0, 2};
    double[] v = VectorMath.topEigenvector(m, 3, 100);
    assertEquals(1.0, v[0], 1e-6);
  }

  @Test
  public void thresholdTunerPrefersAThresholdSeparatingNoise() {
    ThresholdTuner t = new ThresholdTuner(List.of("a", "b", "c"), 0.1);
    for (int i = 0; i < 50; i++) {
      t.addUser(new double[] {0.7, 0.25, 0.05}, new int[] {14, 5, 1});
      t.addUser(new double[] {0.9, 0.04, 0.06}, new int[] {18, 1, 1});
    }
    double best = t.best(0.15);
    assertTrue(best >= 0.055 && best <= 0.25);
    assertEquals(1.0, t.microF1(best), 1e-9);
    // A skewed set whose rare label only a tiny threshold recalls: the floor holds the line.
    ThresholdTuner skew = new ThresholdTuner(List.of("a", "b"), 0.05);
    for (int i = 0; i < 50; i++) {
      skew.addUser(new double[] {0.94, 0.06}, new int[] {19, 1});
    }
    assertTrue(skew.best(0.15, 0.05) < 0.07);
    assertEquals(0.10, skew.best(0.15, 0.10), 1e-9);
  }

  @Test
  public void summaryReadsLikeTheExample() {
    String s = ProfileSummary.of(List.of("手机", "计算机"), "positive",
        List.of(new org.portrait.schema.WeightedTerm("屏幕", 1f), new org.portrait.schema.WeightedTerm("电池", 0.5f)),
        "high", 30);
    assertEquals("主要关注手机、计算机；评价整体偏正面；常提到：屏幕、电池", s);
  }

  @Test
  public void bundledTaxonomyCoversTheSampleCategories() throws Exception {
    assertEquals(List.of("平板", "水果", "洗发水", "衣服", "酒店", "计算机", "书籍", "手机", "蒙牛", "热水器"),
        InterestTaxonomy.bundled().categories());
  }
}
