package org.portrait.jobs.glove;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.portrait.common.config.LocalMode;
import org.portrait.common.config.UserError;
import org.portrait.common.embeval.NeighbourOverlap;
import org.portrait.common.embeval.WordVectors;
import org.portrait.common.glove.GloveModel;
import org.portrait.common.glove.VocabIds;
import org.portrait.jobs.Jobs;
import org.portrait.jobs.cooccur.CooccurDriver;

/**
 * Warm start: a corpus A (2/3 of the reviews) is trained cold; then the grown corpus A+B is trained
 * cold and warm-started from A's model. Prints the figures (rounds to reach the cold loss, neighbour overlap@10).
 */
public class GloveWarmStartTest {
  private static final int ROUNDS = 10;
  @ClassRule public static TemporaryFolder tmp = new TemporaryFolder();
  private static Configuration conf;
  /** Co-occurrences and vocabulary of A, and of A+B. */
  private static Path ca;
  private static Path va;
  private static Path cab;
  private static Path vab;
  /** The cold model of A after {@link #ROUNDS} rounds. */
  private static Path ma;

  @BeforeClass
  public static void corpus() throws Exception {
    File root = tmp.getRoot();
    conf = LocalMode.configure(new Configuration(), root);
    conf.setInt(CooccurDriver.PARTITIONS, 2);
    // A: 600 reviews over 160 words; A+B: 300 more reviews over 200 words (40 words new in B).
    GloveTestData a = new GloveTestData(600, 160, 23);
    GloveTestData all = a.grown(300, 200, 24);
    Path[] sa = a.write(conf, new File(root, "A"));
    Path[] sab = all.write(conf, new File(root, "AB"));
    va = sa[1];
    vab = sab[1];
    ca = out("A/C");
    cab = out("AB/C");
    CooccurDriver.run(conf, sa[0], va, ca);
    CooccurDriver.run(conf, sab[0], vab, cab);
    conf.setInt(GloveTrainDriver.DIM, 16);
    conf.setInt(GloveTrainDriver.TASKS, 2);
    conf.setInt(GloveTrainDriver.THREADS, 2);
    conf.setDouble(GloveTrainDriver.MIN_CHANGE, 0);
    assertTrue("B brings new words", all.vocab.size() > a.vocab.size());
    ma = out("MA");
    GloveTrainDriver.run(with(ROUNDS, null), ca, va, ma, false);
  }

  private static Path out(String name) {
    return new Path(new File(tmp.getRoot(), name).getAbsolutePath());
  }

  private static Configuration with(int rounds, Path warm) {
    Configuration x = new Configuration(conf);
    x.setInt(GloveTrainDriver.ROUNDS, rounds);
    if (warm != null) {
      x.set(GloveTrainDriver.WARM_START, warm.toString());
    }
    return x;
  }

  private static GloveModel model(Path file) throws IOException {
    return GloveFiles.readModel(conf, file);
  }

  private static Path roundZero(Path m) {
    return new Path(GloveFiles.checkpoint(GloveTrainDriver.defaultCheckpoints(m), 0), GloveFiles.MODEL);
  }

  private static WordVectors vectors(Path m) throws IOException {
    try (InputStream in = Files.newInputStream(new File(m.toUri().getPath(), VectorsOutput.TEXT).toPath())) {
      return WordVectors.read(in);
    }
  }

  private static float[] row(float[] t, GloveModel m, int id) {
    return Arrays.copyOfRange(t, m.row(id), m.row(id) + m.stride);
  }

  @Test
  public void outputKeepsTheFinalModelAndItsVocabulary() throws Exception {
    GloveModel last = model(new Path(GloveFiles.checkpoint(GloveTrainDriver.defaultCheckpoints(ma), ROUNDS),
        GloveFiles.MODEL));
    GloveModel kept = model(new Path(ma, GloveFiles.MODEL));
    assertArrayEquals(last.wt, kept.wt, 0f);
    assertArrayEquals(last.ct, kept.ct, 0f);
    assertArrayEquals(Files.readAllBytes(new File(va.toUri().getPath(), "vocab.tsv").toPath()),
        Files.readAllBytes(new File(ma.toUri().getPath(), "vocab.tsv").toPath()));
    assertEquals(0L, (long) Jobs.readCounters(conf, ma).get("WARM_WORDS_CARRIED"));
  }

  @Test
  public void warmStartReachesTheColdLossInAtMostHalfTheRounds() throws Exception {
    Path cold = out("COLD");
    Path warm = out("WARM");
    GloveTrainDriver.run(with(ROUNDS, null), cab, vab, cold, false);
    GloveTrainDriver.run(with(ROUNDS, ma), cab, vab, warm, false);
    List<Double> lc = GloveFiles.readLoss(conf, new Path(cold, GloveFiles.LOSS));
    List<Double> lw = GloveFiles.readLoss(conf, new Path(warm, GloveFiles.LOSS));
    double target = lc.get(ROUNDS - 1);
    int reached = -1;
    for (int r = 0; r < lw.size() && reached < 0; r++) {
      if (lw.get(r) <= target) {
        reached = r + 1;
      }
    }
    Configuration seed2 = with(ROUNDS, null);
    seed2.setLong(GloveTrainDriver.SEED, 2);
    Path cold2 = out("COLD2");
    GloveTrainDriver.run(seed2, cab, vab, cold2, false);
    double warmCold = NeighbourOverlap.atK(vectors(warm), vectors(cold), 10);
    double coldCold = NeighbourOverlap.atK(vectors(cold2), vectors(cold), 10);
    System.err.printf("warm start figures: cold loss after %d rounds %.6f; warm reaches it in round %d "
        + "(warm round 1 %.6f, round %d %.6f); cold loss by round %s; warm %s; overlap@10 warm vs cold %.3f, "
        + "cold seed 1 vs seed 2 %.3f%n", ROUNDS, target, reached, lw.get(0), ROUNDS, lw.get(ROUNDS - 1), lc, lw,
        warmCold, coldCold);
    assertTrue("warm reached " + target + " in round " + reached + ": " + lw, reached >= 1 && reached <= ROUNDS / 2);

    VocabIds oldV = GloveFiles.readVocab(conf, ma);
    VocabIds newV = GloveFiles.readVocab(conf, vab);
    int shared = 0;
    for (int id = 0; id < newV.size(); id++) {
      shared += oldV.id(newV.word(id)) >= 0 ? 1 : 0;
    }
    Map<String, Long> counters = Jobs.readCounters(conf, warm);
    assertEquals((long) shared, (long) counters.get("WARM_WORDS_CARRIED"));
    assertEquals((long) newV.size() - shared, (long) counters.get("WARM_WORDS_NEW"));
    assertTrue(shared > 0 && shared < newV.size());
  }

  @Test
  public void roundZeroHoldsTheOldRowsOfCarriedWordsAndColdRowsOfNewOnes() throws Exception {
    Path w = out("W1");
    GloveTrainDriver.run(with(1, ma), cab, vab, w, false);
    GloveModel start = model(roundZero(w));
    GloveModel old = model(new Path(ma, GloveFiles.MODEL));
    GloveModel cold = GloveModel.init(start.vocab, start.dim, GloveTrainDriver.DEFAULT_SEED);
    VocabIds oldV = GloveFiles.readVocab(conf, ma);
    VocabIds newV = GloveFiles.readVocab(conf, vab);
    for (int id = 0; id < newV.size(); id++) {
      int o = oldV.id(newV.word(id));
      GloveModel src = o >= 0 ? old : cold;
      int sid = o >= 0 ? o : id;
      // Vector, bias and AdaGrad sums, on both sides.
      assertArrayEquals(newV.word(id), row(src.wt, src, sid), row(start.wt, start, id), 0f);
      assertArrayEquals(newV.word(id), row(src.ct, src, sid), row(start.ct, start, id), 0f);
    }
  }

  @Test
  public void sameVocabularyAndNoNewDataStartsExactlyFromTheOldModel() throws Exception {
    Path w = out("W0");
    GloveTrainDriver.Result r = GloveTrainDriver.run(with(1, ma), ca, va, w, false);
    assertArrayEquals(Files.readAllBytes(new File(ma.toUri().getPath(), GloveFiles.MODEL).toPath()),
        Files.readAllBytes(new File(roundZero(w).toUri().getPath()).toPath()));
    List<Double> old = GloveFiles.readLoss(conf, new Path(ma, GloveFiles.LOSS));
    // One more round on the same data continues the descent instead of starting over.
    assertTrue(r.loss + " after " + old, r.loss.get(0) <= old.get(old.size() - 1));
    assertEquals(0L, (long) r.counters.get("WARM_WORDS_NEW"));
  }

  @Test
  public void resumeWinsOverWarmStartWhenACheckpointExists() throws Exception {
    Path m = out("RS");
    GloveTrainDriver.Result first = GloveTrainDriver.run(with(2, null), cab, vab, m, false);
    GloveTrainDriver.Result resumed = GloveTrainDriver.run(with(3, ma), cab, vab, m, true);
    assertEquals(first.loss, resumed.loss.subList(0, 2));
    assertEquals(0L, (long) resumed.counters.get("WARM_WORDS_CARRIED"));
  }

  @Test
  public void dimensionMismatchIsAUserError() throws Exception {
    Configuration x = with(1, ma);
    x.setInt(GloveTrainDriver.DIM, 8);
    try {
      GloveTrainDriver.run(x, cab, vab, out("WD"), false);
      fail("expected a UserError");
    } catch (UserError e) {
      assertTrue(e.getMessage(), e.getMessage().contains("dim 16") && e.getMessage().contains("dim is 8"));
    }
  }

  @Test
  public void aFolderWithoutModelIsAUserError() throws Exception {
    try {
      GloveTrainDriver.run(with(1, va), cab, vab, out("WM"), false);
      fail("expected a UserError");
    } catch (UserError e) {
      assertTrue(e.getMessage(), e.getMessage().contains("model.bin"));
    }
  }
}
