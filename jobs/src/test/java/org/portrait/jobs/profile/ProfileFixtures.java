package org.portrait.jobs.profile;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.portrait.common.io.AvroFiles;
import org.portrait.common.profile.InterestTaxonomy;
import org.portrait.common.profile.ProfileModel;
import org.portrait.common.profile.ProfileVocab;
import org.portrait.common.profile.WordVectors;
import org.portrait.schema.TokenizedReview;

/** A tiny synthetic world for profile tests: three categories, sentiment words, vectors with a direction each. */
public final class ProfileFixtures {
  public static final String[] CATS = {"手机", "酒店", "书籍"};
  static final String[][] WORDS = {
      {"手机", "电池", "屏幕", "信号", "待机"},
      {"酒店", "房间", "前台", "早餐", "入住"},
      {"书", "作者", "故事", "阅读", "小说"}};
  static final String[] POS = {"满意", "推荐", "喜欢"};
  static final String[] NEG = {"失望", "退货", "垃圾"};
  static final String[] COMMON = {"东西", "质量", "不", "好"};
  public static final int DIM = 8;

  private ProfileFixtures() {}

  static List<String> allWords() {
    List<String> w = new ArrayList<>();
    for (String[] ws : WORDS) {
      w.addAll(List.of(ws));
    }
    w.addAll(List.of(POS));
    w.addAll(List.of(NEG));
    w.addAll(List.of(COMMON));
    return w;
  }

  static float[] vectorOf(String word, Random rnd) {
    float[] v = new float[DIM];
    int dir = 7;
    for (int c = 0; c < WORDS.length; c++) {
      if (List.of(WORDS[c]).contains(word)) {
        dir = c;
      }
    }
    if (List.of(POS).contains(word)) {
      dir = 3;
    } else if (List.of(NEG).contains(word)) {
      dir = 4;
    }
    for (int i = 0; i < DIM; i++) {
      v[i] = (float) (rnd.nextGaussian() * 0.1);
    }
    v[dir] += 1;
    v[7] += 0.5f; // a shared component, as real embeddings have
    return v;
  }

  /** Writes V/vocab.tsv and M/vectors.txt under {@code dir}. */
  public static void writeVocabAndVectors(File dir) throws IOException {
    Random rnd = new Random(3);
    StringBuilder vocab = new StringBuilder();
    StringBuilder vecs = new StringBuilder();
    long count = 1000;
    for (String w : allWords()) {
      vocab.append(w).append('\t').append(count).append('\t').append(count / 2).append('\n');
      count -= 20;
      vecs.append(w);
      for (float x : vectorOf(w, rnd)) {
        vecs.append(' ').append(x);
      }
      vecs.append('\n');
    }
    new File(dir, "V").mkdirs();
    new File(dir, "M").mkdirs();
    Files.writeString(new File(dir, "V/vocab.tsv").toPath(), vocab, StandardCharsets.UTF_8);
    Files.writeString(new File(dir, "M/vectors.txt").toPath(), vecs, StandardCharsets.UTF_8);
  }

  /** An in-memory model over the fixture vocabulary and vectors (no classifiers). */
  public static ProfileModel model(File dir) throws IOException {
    ProfileVocab v = ProfileVocab.read(Files.newInputStream(new File(dir, "V/vocab.tsv").toPath()));
    WordVectors w = WordVectors.read(Files.newInputStream(new File(dir, "M/vectors.txt").toPath()));
    return new ProfileModel(v, w, InterestTaxonomy.read(new java.io.ByteArrayInputStream(
        "手机\t手机 电池\n酒店\t酒店 房间\n书籍\t书 作者\n".getBytes(StandardCharsets.UTF_8))), 12).seal();
  }

  /** One review: category words, a sentiment word, sometimes a negation or a placeholder. */
  public static TokenizedReview review(String id, String user, String split, int cat, int label, Random rnd) {
    List<String> t = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      t.add(WORDS[cat][rnd.nextInt(WORDS[cat].length)]);
    }
    t.add(label == 1 ? POS[rnd.nextInt(POS.length)] : NEG[rnd.nextInt(NEG.length)]);
    if (label == 0 && rnd.nextBoolean()) {
      t.add("不");
      t.add("好");
    }
    if (rnd.nextInt(10) == 0) {
      t.add("<PHONE>");
    }
    return TokenizedReview.newBuilder().setReviewId(id).setUserKey(user).setTs(1_600_000_000_000L + rnd.nextInt(1000))
        .setCategory(CATS[cat]).setLabel(label).setSplit(split).setCharCount(20).setTokens(t).build();
  }

  /**
   * Users u00..u(n-1), each with a main category (user index mod 3) and 12 reviews (80% main); every third user
   * is a test user. Returns the user → main category map.
   */
  public static Map<String, String> writeReviews(Configuration conf, File dir, int users, long seed)
      throws IOException {
    Random rnd = new Random(seed);
    List<TokenizedReview> out = new ArrayList<>();
    Map<String, String> truth = new LinkedHashMap<>();
    for (int u = 0; u < users; u++) {
      String user = String.format("u%02d", u);
      String split = u % 3 == 2 ? "test" : "train";
      int main = u % 3;
      int positive = u % 2;
      truth.put(user, CATS[main]);
      for (int r = 0; r < 12; r++) {
        int cat = rnd.nextDouble() < 0.8 ? main : rnd.nextInt(3);
        int label = rnd.nextDouble() < 0.8 ? positive : 1 - positive;
        out.add(review(user + "-" + r, user, split, cat, label, rnd));
      }
    }
    new File(dir, "S").mkdirs();
    AvroFiles.write(conf, new Path(new File(dir, "S/part-0.avro").getPath()), TokenizedReview.getClassSchema(), out);
    return truth;
  }
}
