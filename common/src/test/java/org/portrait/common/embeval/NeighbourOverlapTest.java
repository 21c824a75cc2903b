package org.portrait.common.embeval;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.Test;

public class NeighbourOverlapTest {
  private static final int N = 200;
  private static final int DIM = 8;

  private static List<String> words(int n) {
    List<String> w = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      w.add("w" + i);
    }
    return w;
  }

  private static List<float[]> gaussian(int n, long seed) {
    Random r = new Random(seed);
    List<float[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      float[] v = new float[DIM];
      for (int d = 0; d < DIM; d++) {
        v[d] = (float) r.nextGaussian();
      }
      rows.add(v);
    }
    return rows;
  }

  /** Applies Givens rotations on every pair of axes and scales: a rotated, scaled copy keeps all cosines. */
  private static List<float[]> rotated(List<float[]> rows) {
    List<float[]> out = new ArrayList<>();
    for (float[] v : rows) {
      double[] x = new double[DIM];
      for (int d = 0; d < DIM; d++) {
        x[d] = v[d];
      }
      for (int i = 0; i < DIM; i++) {
        for (int j = i + 1; j < DIM; j++) {
          double t = 0.3 + 0.1 * i + 0.05 * j;
          double a = Math.cos(t) * x[i] - Math.sin(t) * x[j];
          double b = Math.sin(t) * x[i] + Math.cos(t) * x[j];
          x[i] = a;
          x[j] = b;
        }
      }
      float[] y = new float[DIM];
      for (int d = 0; d < DIM; d++) {
        y[d] = (float) (3 * x[d]);
      }
      out.add(y);
    }
    return out;
  }

  @Test
  public void identicalSetsOverlapFully() {
    List<float[]> rows = gaussian(N, 1);
    WordVectors a = new WordVectors(words(N), rows);
    assertEquals(1.0, NeighbourOverlap.atK(a, new WordVectors(words(N), rows), 10), 0);
  }

  @Test
  public void rotatedCopyOverlapsFully() {
    List<float[]> rows = gaussian(N, 2);
    assertEquals(1.0, NeighbourOverlap.atK(new WordVectors(words(N), rows), new WordVectors(words(N), rotated(rows)),
        10), 1e-9);
  }

  @Test
  public void shuffledVectorsOverlapLittle() {
    List<float[]> rows = gaussian(N, 3);
    List<float[]> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, new Random(4));
    double o = NeighbourOverlap.atK(new WordVectors(words(N), rows), new WordVectors(words(N), shuffled), 10);
    // Chance level is k / (N - 1) = 0.05.
    assertTrue("overlap " + o, o < 0.2);
  }

  @Test
  public void onlySharedWordsAreSampledAndSearched() {
    // A has two extra words placed right next to w0; B has one more word of its own. Among the shared words the
    // sets are identical, so the extra words must not lower the overlap.
    List<float[]> rows = gaussian(N, 5);
    List<String> wa = words(N);
    List<float[]> ra = new ArrayList<>(rows);
    wa.add(0, "onlyA1");
    ra.add(0, rows.get(0).clone());
    wa.add("onlyA2");
    ra.add(rows.get(0).clone());
    List<String> wb = words(N);
    List<float[]> rb = new ArrayList<>(rows);
    wb.add("onlyB");
    rb.add(rows.get(1).clone());
    assertEquals(1.0, NeighbourOverlap.atK(new WordVectors(wa, ra), new WordVectors(wb, rb), 5), 0);
  }

  @Test
  public void sampleTakesTheFirstSharedWordsOfA() {
    // w0..w19: a tight cluster, the same in A and B; the others: unrelated vectors in A and B, far from the
    // cluster. The first 20 words overlap fully, the whole set much less.
    List<float[]> a = gaussian(N, 6);
    List<float[]> b = gaussian(N, 7);
    for (int i = 0; i < N; i++) {
      if (i < 20) {
        a.get(i)[0] += 100;
        b.set(i, a.get(i));
      } else {
        a.get(i)[0] -= 100;
        b.get(i)[0] -= 100;
      }
    }
    WordVectors va = new WordVectors(words(N), a);
    WordVectors vb = new WordVectors(words(N), b);
    assertEquals(1.0, NeighbourOverlap.atK(va, vb, 5, 20), 0);
    double all = NeighbourOverlap.atK(va, vb, 5, N);
    assertTrue("overlap " + all, all < 0.5);
    assertEquals("the default sample exceeds N: all words", all, NeighbourOverlap.atK(va, vb, 5), 0);
  }

  @Test
  public void kIsCappedByTheSharedWords() {
    List<float[]> rows = gaussian(3, 8);
    assertEquals(1.0, NeighbourOverlap.atK(new WordVectors(words(3), rows), new WordVectors(words(3), gaussian(3, 9)),
        10), 0);
  }
}
