package org.portrait.jobs.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.portrait.common.gates.GateReport;
import org.portrait.common.gates.GateThresholds;

/** Each model gate of train fires on a model made to trip it, and passes a sound one. */
public class TrainGatesTest {
  @ClassRule public static TemporaryFolder tmp = new TemporaryFolder();
  static Path vocab;
  static Path glove;
  static Path same;
  static Path shuffled;
  static final Configuration CONF = new Configuration();

  static Path vectors(String name, long seed, boolean shuffle) throws Exception {
    File dir = tmp.newFolder(name, "glove");
    Random rnd = new Random(1);
    float[][] v = new float[200][8];
    for (float[] row : v) {
      for (int i = 0; i < row.length; i++) {
        row[i] = (float) rnd.nextGaussian();
      }
    }
    if (shuffle) {
      java.util.Collections.shuffle(java.util.Arrays.asList(v), new Random(seed));
    }
    StringBuilder s = new StringBuilder();
    for (int w = 0; w < v.length; w++) {
      s.append("w").append(w);
      for (float x : v[w]) {
        s.append(' ').append(x);
      }
      s.append('\n');
    }
    Files.writeString(new File(dir, "vectors.txt").toPath(), s, StandardCharsets.UTF_8);
    return new Path(dir.getParent());
  }

  @BeforeClass
  public static void files() throws Exception {
    File v = tmp.newFolder("vocab");
    StringBuilder s = new StringBuilder();
    for (int w = 0; w < 200; w++) {
      s.append("w").append(w).append("\t").append(w < 100 ? 8 : 1).append("\t1\n"); // 900 tokens
    }
    Files.writeString(new File(v, "vocab.tsv").toPath(), s, StandardCharsets.UTF_8);
    vocab = new Path(v.getPath());
    glove = new Path(vectors("new", 0, false), "glove");
    same = vectors("same", 0, false);
    shuffled = vectors("shuffled", 7, true);
  }

  static GateReport gates(List<Double> loss, long windowTokens, Path current) throws Exception {
    return TrainDriver.modelGates(CONF, GateThresholds.defaults(), loss, vocab, Map.of("TOKENS_IN", windowTokens),
        glove, current);
  }

  static String failed(GateReport r) {
    return r.failures().isEmpty() ? "" : r.failures().get(0).name();
  }

  @Test
  public void aSoundModelPasses() throws Exception {
    GateReport r = gates(List.of(0.1, 0.05, 0.04), 1000, same);
    assertTrue(r.lines().toString(), r.passed());
    assertEquals(4, r.gates().size());
  }

  @Test
  public void eachGateFires() throws Exception {
    assertEquals(GateThresholds.MODEL_LOSS_FINITE, failed(gates(List.of(0.1, Double.NaN), 1000, same)));
    assertEquals(GateThresholds.MODEL_LOSS_RATIO_MAX, failed(gates(List.of(0.1, 0.2), 1000, same)));
    // 900 of the window's 2,000 tokens are in the vocabulary
    assertEquals(GateThresholds.MODEL_VOCAB_COVERAGE_MIN, failed(gates(List.of(0.1, 0.05), 2000, same)));
    assertEquals(GateThresholds.MODEL_NEIGHBOUR_OVERLAP_MIN, failed(gates(List.of(0.1, 0.05), 1000, shuffled)));
  }

  @Test
  public void theFirstModelHasNoOverlapGate() throws Exception {
    GateReport r = gates(List.of(0.1, 0.05), 1000, null);
    assertTrue(r.passed());
    assertFalse(r.gates().stream().anyMatch(g -> g.name().equals(GateThresholds.MODEL_NEIGHBOUR_OVERLAP_MIN)));
  }
}
