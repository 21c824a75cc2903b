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
    Random r = new Random(seed);
    Map<String, Long> counts = new HashMap<>();
    for (int n = 0; n < reviewCount; n++) {
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
        counts.merge(tok, 1L, Long::sum);
      }
      reviews.add(TokenizedReview.newBuilder().setReviewId("r" + n).setUserKey("u" + (n % 7)).setCharCount(len)
          .setTokens(tokens).build());
    }
    counts.entrySet().stream().filter(e -> e.getKey().startsWith("w"))
        .sorted((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey())
            : Long.compare(b.getValue(), a.getValue()))
        .forEach(e -> vocab.add(e.getKey()));
    this.counts = counts;
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
