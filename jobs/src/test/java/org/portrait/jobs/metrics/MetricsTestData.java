package org.portrait.jobs.metrics;

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
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.portrait.common.UserSplit;
import org.portrait.common.io.AvroFiles;
import org.portrait.jobs.Jobs;
import org.portrait.schema.ReviewPrediction;
import org.portrait.schema.TokenizedReview;
import org.portrait.schema.UserProfile;
import org.portrait.schema.UserSegment;

/**
 * A small, seeded, self-consistent set of every input the metrics job reads: 80 users over three Chinese
 * categories; profiles right for most users, so our figures beat the majority baseline.
 */
final class MetricsTestData {
  static final String[] CATS = {"手机", "书籍", "酒店"};
  static final String[][] WORDS = {{"屏幕", "电池", "信号", "拍照"}, {"故事", "作者", "印刷", "情节"},
      {"房间", "前台", "早餐", "床"}};
  final File dir;
  final Path truth, tokens, predictions, profiles, segments, loss, embedding, ingest, segment, profile;
  /** Gold and predicted interest sets of the TEST users, for an independent check. */
  final List<List<String>> testGold = new ArrayList<>();
  final List<List<String>> testPredicted = new ArrayList<>();

  MetricsTestData(File dir, Configuration conf) throws IOException {
    this.dir = dir;
    truth = new Path(new File(dir, "truth.csv").toURI());
    tokens = new Path(new File(dir, "tokens").toURI());
    predictions = new Path(new File(dir, "profile/review_predictions").toURI());
    profiles = new Path(new File(dir, "profile/user_profile").toURI());
    segments = new Path(new File(dir, "segments/user_segment").toURI());
    loss = new Path(new File(dir, "loss.tsv").toURI());
    embedding = new Path(new File(dir, "embedding-eval.json").toURI());
    ingest = new Path(new File(dir, "ingest").toURI());
    segment = tokens;
    profile = new Path(new File(dir, "profile").toURI());
    UserKeyFunction keys = UserKeyFunction.fromConf(conf);
    Random rnd = new Random(7);
    StringBuilder csv = new StringBuilder("user_id,split,interests,sentiment\n");
    List<TokenizedReview> toks = new ArrayList<>();
    List<ReviewPrediction> preds = new ArrayList<>();
    List<UserProfile> profs = new ArrayList<>();
    for (int u = 0; u < 80; u++) {
      String raw = "user-" + u;
      String key = keys.userKey(raw);
      String split = UserSplit.of(raw, 0.4);
      int c1 = u % 3;
      boolean two = u % 4 == 0;
      int c2 = (c1 + 1) % 3;
      Map<String, Double> interests = new LinkedHashMap<>();
      interests.put(CATS[c1], two ? 0.7 : 1.0);
      if (two) {
        interests.put(CATS[c2], 0.3);
      }
      boolean positive = u % 5 != 0;
      StringBuilder in = new StringBuilder();
      interests.forEach((c, w) -> in.append(in.length() == 0 ? "" : "|").append(c).append(':')
          .append(String.format(java.util.Locale.ROOT, "%.4f", w)));
      csv.append(raw).append(',').append(split).append(',').append(in).append(',')
          .append(positive ? "positive" : "negative").append('\n');
      for (int r = 0; r < 6; r++) {
        int c = two && r % 3 == 2 ? c2 : c1;
        int label = positive ? (r == 5 ? 0 : 1) : (r == 5 ? 1 : 0);
        List<String> words = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
          words.add(WORDS[c][rnd.nextInt(4)]);
        }
        words.add(label == 1 ? "好" : "差");
        String id = raw + "-r" + r;
        toks.add(TokenizedReview.newBuilder().setReviewId(id).setUserKey(key).setSplit(split)
            .setCategory(CATS[c]).setLabel(label).setCharCount(20).setTokens(words).build());
        float prob = label == 1 ? 0.8f : 0.2f;
        if (rnd.nextInt(10) == 0) {
          prob = 1 - prob; // some mistakes
        }
        preds.add(ReviewPrediction.newBuilder().setReviewId(id).setUserKey(key).setSplit(split).setLabel(label)
            .setCategory(CATS[c]).setPositiveProb(prob).setPredictedCategory(CATS[c]).build());
      }
      List<String> top = new ArrayList<>(List.of(CATS[c1]));
      if (two && u % 8 == 0) {
        top.add(CATS[c2]);
      }
      if (u % 11 == 0) {
        top = new ArrayList<>(List.of(CATS[c2])); // a wrong profile
      }
      float[] v = new float[4];
      v[c1] = 1f;
      v[3] = (float) rnd.nextGaussian() * 0.2f;
      List<Float> vector = new ArrayList<>();
      for (float x : v) {
        vector.add(x + (float) rnd.nextGaussian() * 0.1f);
      }
      if (u == 79) {
        continue; // a user without profile
      }
      profs.add(MetricsMapperTest.profile(key, top, positive ^ (u % 13 == 0) ? "positive" : "negative"));
      profs.get(profs.size() - 1).setVector(vector);
      if (split.equals("test")) {
        testGold.add(new ArrayList<>(interests.keySet()));
        testPredicted.add(top);
      }
    }
    // a profile whose user has no truth row
    profs.add(MetricsMapperTest.profile(keys.userKey("stranger"), List.of("手机"), "positive"));
    Files.writeString(new File(dir, "truth.csv").toPath(), csv.toString(), StandardCharsets.UTF_8);
    new File(dir, "tokens").mkdirs();
    AvroFiles.write(conf, new Path(tokens, "part-m-00000.avro"), TokenizedReview.getClassSchema(), toks);
    new File(dir, "profile/review_predictions").mkdirs();
    AvroFiles.write(conf, new Path(predictions, "part-r-00000.avro"), ReviewPrediction.getClassSchema(), preds);
    parquet(conf, new Path(profiles, "part-r-00000.parquet"), UserProfile.getClassSchema(), profs);
    List<UserSegment> segs = new ArrayList<>();
    for (int s = -1; s < 3; s++) {
      segs.add(UserSegment.newBuilder().setSegmentId(s).setSize(10 + s * 7 + 7).setTopInterests(List.of())
          .setTopKeywords(List.of()).setCentroid(List.of()).setRunId("r").build());
    }
    parquet(conf, new Path(segments, "part-r-00000.parquet"), UserSegment.getClassSchema(), segs);
    Files.writeString(new File(dir, "loss.tsv").toPath(), "round\tloss\n1\t0.12\n2\t0.06\n3\t0.041\n4\t0.035\n");
    Files.writeString(new File(dir, "embedding-eval.json").toPath(),
        "{\"ws-240\": {\"rho\": 0.315, \"coverage\": 0.68}, \"CA8-sem\": {\"accuracy\": 0.007, \"coverage\": 0.5}}");
    int n = toks.size();
    Jobs.writeCounters(conf, ingest, Map.of("RECORDS_READ", (long) n + 3, "ACCEPTED", (long) n, "REJECTED", 3L));
    Jobs.writeCounters(conf, segment, Map.of("REVIEWS_IN", (long) n, "REVIEWS_OUT", (long) n,
        "REVIEWS_INVALID", 0L, "EMPTY_AFTER_SEGMENT", 0L));
    Jobs.writeCounters(conf, profile, Map.of("REVIEWS_IN", (long) n, "REVIEWS_NO_USER", 0L, "REVIEWS_REPEATED", 0L,
        "PREDICTIONS_OUT", (long) n, "USERS", (long) profs.size()));
  }

  static <T extends SpecificRecord> void parquet(Configuration conf, Path file, Schema schema, List<T> records)
      throws IOException {
    Configuration c = new Configuration(conf);
    c.setBoolean(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, false);
    try (ParquetWriter<T> w = AvroParquetWriter.<T>builder(HadoopOutputFile.fromPath(file, c)).withSchema(schema)
        .withConf(c).build()) {
      for (T r : records) {
        w.write(r);
      }
    }
  }

  Map<String, Path> counterDirs() {
    Map<String, Path> m = new LinkedHashMap<>();
    m.put("ingest", ingest);
    m.put("segment", segment);
    m.put("profile", profile);
    return m;
  }

  MetricsDriver.Options options(Path thresholds) {
    return new MetricsDriver.Options(profiles, predictions, tokens, truth, loss, segments, embedding, counterDirs(),
        thresholds, "test-run");
  }
}
