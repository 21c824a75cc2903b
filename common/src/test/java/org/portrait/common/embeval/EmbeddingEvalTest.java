package org.portrait.common.embeval;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.Test;

public class EmbeddingEvalTest {
  private static ByteArrayInputStream in(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  private static final String VECTORS = "N 2\n"
      + "男 1 0\n女 0.8 0.6\n国王 1 1\n女王 0.6 1.4\n苹果 -1 0.2\n香蕉 -0.9 0.1\n";

  @Test
  public void ranksAverageTies() {
    assertArrayEquals(new double[] {0.5, 0.5, 2, 3}, EmbeddingEval.ranks(new double[] {1, 1, 2, 5}), 1e-12);
    assertEquals(1.0, EmbeddingEval.spearman(new double[] {1, 2, 3}, new double[] {10, 20, 30}), 1e-12);
    assertEquals(-1.0, EmbeddingEval.spearman(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-12);
    // Hand computed: ranks (0.5,0.5,2,3) vs (0,1,2,3): pearson = 0.9486832980505138.
    assertEquals(0.9486832980505138, EmbeddingEval.spearman(new double[] {1, 1, 2, 5}, new double[] {1, 2, 3, 4}),
        1e-12);
  }

  @Test
  public void similarityWithCoverage() throws Exception {
    WordVectors v = WordVectors.read(in(VECTORS));
    assertEquals(6, v.size());
    // COS960 style line (mean then annotator scores) and a pair with an unknown word.
    String set = "苹果\t香蕉\t9\n男\t女\t7\n男 苹果 1.0 1 1\n国王 不在 5\n";
    EmbeddingEval.Result r = EmbeddingEval.similarity(v, "t", in(set));
    assertEquals(3, r.covered);
    assertEquals(4, r.total);
    assertEquals(1.0, r.score, 1e-9);
  }

  @Test
  public void analogy3CosAddExcludesQuestionWords() throws Exception {
    WordVectors v = WordVectors.read(in(VECTORS));
    String set = ": sem\r\n男 女 国王 女王\r\n男 国王 女 女王\r\n男 女 苹果 没有\r\n";
    EmbeddingEval.Result r = EmbeddingEval.analogy(v, "t", in(set));
    assertEquals(2, r.covered);
    assertEquals(3, r.total);
    assertEquals(1.0, r.score, 1e-9);
    assertTrue(r.toString().startsWith("t\tacc=1.0000\t2/3"));
  }

  @Test
  public void nearestByCosine() throws Exception {
    WordVectors v = WordVectors.read(in(VECTORS));
    int[] n = v.nearest(v.row("苹果"), 2);
    assertEquals("香蕉", v.word(n[0]));
  }
}
