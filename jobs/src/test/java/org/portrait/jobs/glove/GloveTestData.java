package org.portrait.jobs.glove;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.portrait.common.io.AvroFiles;
import org.portrait.schema.TokenizedReview;

/** A small synthetic tokenized corpus (Zipf-like words, some OOV tokens) and its vocab.tsv, for the GloVe tests. */
public final class GloveTestData {
  public final List<TokenizedReview> reviews = new ArrayList<>();
  public final List<String> vocab = new ArrayList<>();

  public GloveTestData(int reviewCount, int words, long seed) {
    generate(reviews, reviewCount, words, new Random(seed));
    this.counts = index();
  }

  private GloveTestData(List<TokenizedReview> reviews) {
    this.reviews.addAll(reviews);
    this.counts = index();
  }

  /**
   * This corpus grown by {@code extraReviews} reviews drawn over {@code words} words (more than this corpus had:
   * the new ones appear only in the new reviews), as a corpus that grew between two trainings.
   */
  public GloveTestData grown(int extraReviews, int words, long seed) {
    List<TokenizedReview> all = new ArrayList<>(reviews);
    generate(all, extraReviews, words, new Random(seed));
    return new GloveTestData(all);
  }

  private static void generate(List<TokenizedReview> reviews, int reviewCount, int words, Random r) {
    for (int i = 0; i < reviewCount; i++) {
      int n = reviews.size();
      int len = r.nextInt(40);
      List<String> tokens = new ArrayList<>();
      for (int t = 0; t < len; t++) {
        // Topic structure: reviews prefer one half of the vocabulary, so vectors have something to learn.
        int topic = n % 2;
        int w = (int) Math.min(words - 1, Math.floor(Math.pow(r.nextDouble(), 2.5) * words));
        if (r.nextDouble() < 0.6) {
          w = (w / 2) * 2 + topic;
          w = Math.min(words - 1, w);
        }
        String tok = r.nextDouble() < 0.05 ? "oov" + r.nextInt(5) : "w" + w;
        tokens.add(tok);
      }
      reviews.add(TokenizedReview.newBuilder().setReviewId("r" + n).setUserKey("u" + (n % 7)).setCharCount(len)
          .setTokens(tokens).build());
    }
  }

  /** Counts the tokens and fills {@link #vocab}: "w" words by count, then word. */
  private Map<String, Long> index() {
    Map<String, Long> counts = new HashMap<>();
    for (TokenizedReview rv : reviews) {
      for (CharSequence t : rv.getTokens()) {
        counts.merge(t.toString(), 1L, Long::sum);
      }
    }
    counts.entrySet().stream().filter(e -> e.getKey().startsWith("w"))
        .sorted((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey())
            : Long.compare(b.getValue(), a.getValue()))
        .forEach(e -> vocab.add(e.getKey()));
    return counts;
  }

  private final Map<String, Long> counts;

  /** Writes S/part-0.avro and V/vocab.tsv under {@code root}; returns {S, V}. */
  public Path[] write(Configuration conf, File root) throws IOException {
    Path s = new Path(new File(root, "S").getAbsolutePath());
    Path v = new Path(new File(root, "V").getAbsolutePath());
    new File(root, "S").mkdirs();
    new File(root, "V").mkdirs();
    AvroFiles.write(conf, new Path(s, "part-0.avro"), TokenizedReview.getClassSchema(), reviews);
    try (OutputStream out = new java.io.FileOutputStream(new File(root, "V/vocab.tsv"))) {
      for (String w : vocab) {
        out.write((w + "\t" + counts.get(w) + "\t1\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    return new Path[] {s, v};
  }
}
