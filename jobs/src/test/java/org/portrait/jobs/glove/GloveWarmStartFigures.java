package org.portrait.jobs.glove;


import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.portrait.common.config.LocalMode;
import org.portrait.common.embeval.NeighbourOverlap;
import org.portrait.common.embeval.WordVectors;
import org.portrait.common.io.AvroFiles;
import org.portrait.jobs.cooccur.CooccurDriver;
import org.portrait.schema.TokenizedReview;

/**
 * Figures, not a check (not a *Test, so CI does not run it; run it by name): on the bundled sample's reviews
 * (HanLP-segmented, min count 5), trains the first 2/3 cold, then all of them cold (seeds 1 and 2) and warm from
 * the 2/3 model, and prints the rounds the warm run needs to reach the cold final loss and the neighbour
 * overlap@10 of warm vs cold and of the two cold seeds. Run:
 * {@code mvn -o -pl common,jobs test -Dtest=GloveWarmStartFigures
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
public class GloveWarmStartFigures {
  private static final int ROUNDS = Integer.getInteger("portrait.glove.figures.rounds", 15);
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void printFigures() throws Exception {
    File csv = new File(System.getProperty("portrait.project.dir", ".."), "data/sample/reviews.csv");
    List<List<String>> docs = new ArrayList<>();
    Segment seg = HanLP.newSegment();
    try (BufferedReader r = Files.newBufferedReader(csv.toPath(), StandardCharsets.UTF_8)) {
      r.readLine();
      String line;
      while ((line = r.readLine()) != null) {
        List<String> f = GloveBenchCorpus.csvFields(line);
        List<String> toks = new ArrayList<>();
        for (Term t : seg.seg(f.get(f.size() - 1))) {
          String w = t.word.trim().toLowerCase();
          if (!w.isEmpty() && w.codePoints().anyMatch(Character::isLetterOrDigit)) {
            toks.add(w);
          }
        }
        docs.add(toks);
      }
    }
    File root = tmp.getRoot();
    Configuration conf = LocalMode.configure(new Configuration(), root);
    conf.setInt(CooccurDriver.PARTITIONS, 2);
    Path[] a = corpus(conf, new File(root, "A"), docs.subList(0, docs.size() * 2 / 3));
    Path[] ab = corpus(conf, new File(root, "AB"), docs);
    conf.setInt(GloveTrainDriver.DIM, 50);
    conf.setInt(GloveTrainDriver.TASKS, 1);
    conf.setInt(GloveTrainDriver.THREADS, 2);
    conf.setInt(GloveTrainDriver.ROUNDS, ROUNDS);
    conf.setDouble(GloveTrainDriver.MIN_CHANGE, 0);
    Path ma = new Path(new File(root, "MA").getAbsolutePath());
    GloveTrainDriver.run(conf, a[2], a[1], ma, false);
    Path cold = new Path(new File(root, "COLD").getAbsolutePath());
    GloveTrainDriver.Result rc = GloveTrainDriver.run(conf, ab[2], ab[1], cold, false);
    Configuration s2 = new Configuration(conf);
    s2.setLong(GloveTrainDriver.SEED, 2);
    Path cold2 = new Path(new File(root, "COLD2").getAbsolutePath());
    GloveTrainDriver.run(s2, ab[2], ab[1], cold2, false);
    Configuration w = new Configuration(conf);
    w.set(GloveTrainDriver.WARM_START, ma.toString());
    Path warm = new Path(new File(root, "WARM").getAbsolutePath());
    GloveTrainDriver.Result rw = GloveTrainDriver.run(w, ab[2], ab[1], warm, false);
    double target = rc.loss.get(rc.loss.size() - 1);
    int reached = -1;
    for (int r = 0; r < rw.loss.size() && reached < 0; r++) {
      reached = rw.loss.get(r) <= target ? r + 1 : -1;
    }
    System.err.printf("figures (bundled sample, %d reviews, A = %d, vocab A %d, A+B %d, dim 50): cold final loss "
        + "after %d rounds %.6f, warm reaches it in round %d; warm round 1 %.6f, final %.6f; carried %d, new %d;%n"
        + "  cold loss %s%n  warm loss %s%n  overlap@10 warm vs cold %.3f, cold seed 1 vs seed 2 %.3f, A model vs "
        + "cold %.3f%n", docs.size(), docs.size() * 2 / 3, GloveFiles.readVocab(conf, a[1]).size(),
        GloveFiles.readVocab(conf, ab[1]).size(), ROUNDS, target, reached,
        rw.loss.get(0), rw.loss.get(rw.loss.size() - 1), rw.counters.get("WARM_WORDS_CARRIED"),
        rw.counters.get("WARM_WORDS_NEW"), rc.loss, rw.loss,
        NeighbourOverlap.atK(vectors(warm), vectors(cold), 10), NeighbourOverlap.atK(vectors(cold2), vectors(cold), 10),
        NeighbourOverlap.atK(vectors(ma), vectors(cold), 10));
  }

  private static WordVectors vectors(Path m) throws IOException {
    try (InputStream in = Files.newInputStream(new File(m.toUri().getPath(), VectorsOutput.TEXT).toPath())) {
      return WordVectors.read(in);
    }
  }

  /** Writes S/part-0.avro, V/vocab.tsv (min count 5, by count then word) and C (cooccur); returns {S, V, C}. */
  private static Path[] corpus(Configuration conf, File dir, List<List<String>> docs) throws Exception {
    Map<String, long[]> counts = new HashMap<>();
    List<TokenizedReview> reviews = new ArrayList<>();
    for (List<String> d : docs) {
      Set<String> seen = new HashSet<>();
      for (String t : d) {
        long[] c = counts.computeIfAbsent(t, k -> new long[2]);
        c[0]++;
        c[1] += seen.add(t) ? 1 : 0;
      }
      reviews.add(TokenizedReview.newBuilder().setReviewId("r" + reviews.size()).setUserKey("u")
          .setCharCount(d.size()).setTokens(d).build());
    }
    new File(dir, "V").mkdirs();
    Path s = new Path(new File(dir, "S").getAbsolutePath());
    AvroFiles.write(conf, new Path(s, "part-0.avro"), TokenizedReview.getClassSchema(), reviews);
    List<Map.Entry<String, long[]>> vocab = new ArrayList<>();
    counts.entrySet().stream().filter(e -> e.getValue()[0] >= 5).forEach(vocab::add);
    vocab.sort((x, y) -> x.getValue()[0] != y.getValue()[0] ? Long.compare(y.getValue()[0], x.getValue()[0])
        : x.getKey().compareTo(y.getKey()));
    try (Writer out = Files.newBufferedWriter(new File(dir, "V/vocab.tsv").toPath(), StandardCharsets.UTF_8)) {
      for (Map.Entry<String, long[]> e : vocab) {
        out.write(e.getKey() + "\t" + e.getValue()[0] + "\t" + e.getValue()[1] + "\n");
      }
    }
    Path v = new Path(new File(dir, "V").getAbsolutePath());
    Path c = new Path(new File(dir, "C").getAbsolutePath());
    CooccurDriver.run(conf, s, v, c);
    return new Path[] {s, v, c};
  }
}
