package org.portrait.common.glove;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.Test;

public class GloveMathTest {
  private static CooccurEntries entries(int vocab, int stripes, long seed) {
    CooccurEntries.Raw raw = new CooccurEntries.Raw(vocab * vocab);
    for (int i = 0; i < vocab; i++) {
      for (int j = 0; j < vocab; j++) {
        if ((i + j) % 3 != 0) {
          raw.add(i, j, 1f + ((i * 7 + j * 3) % 11));
        }
      }
    }
    return CooccurEntries.build(raw, vocab, stripes, new GloveParams(10, 0.75, 0.05, 100), seed).entries;
  }

  @Test
  public void trainingLowersTheLossAndStaysFinite() throws Exception {
    GloveModel m = GloveModel.init(30, 10, 1);
    CooccurEntries e = entries(30, 2, 5);
    double first;
    double last = 0;
    try (RoundTrainer t = new RoundTrainer(m, e, new GloveParams(10, 0.75, 0.05, 100))) {
      first = t.pass(1).cost;
      for (int r = 2; r <= 30; r++) {
        last = t.pass(r).cost;
      }
    }
    assertTrue(first + " -> " + last, last < first * 0.5);
    assertNull(m.firstNonFinite());
  }

  @Test
  public void stratifiedThreadsAreDeterministic() throws Exception {
    float[][] results = new float[2][];
    for (int run = 0; run < 2; run++) {
      GloveModel m = GloveModel.init(40, 8, 3);
      try (RoundTrainer t = new RoundTrainer(m, entries(40, 3, 9), new GloveParams(10, 0.75, 0.05, 100))) {
        for (int r = 1; r <= 3; r++) {
          t.pass(r);
        }
      }
      results[run] = m.wt.clone();
    }
    assertArrayEquals(results[0], results[1], 0f);
  }

  @Test
  public void blocksShareNoRowsAcrossThreadsOfAStep() {
    CooccurEntries e = entries(20, 3, 1);
    for (int p = 0; p < 3; p++) {
      for (int q = 0; q < 3; q++) {
        int b = p * 3 + q;
        for (int k = e.blockStart[b]; k < e.blockStart[b + 1]; k++) {
          assertEquals(p, e.row[k] % 3);
          assertEquals(q, e.col[k] % 3);
        }
      }
    }
  }

  @Test
  public void nonFiniteEntriesAreSkippedNotApplied() {
    GloveModel m = GloveModel.init(3, 4, 1);
    m.wt[0] = Float.MAX_VALUE;
    m.ct[0] = Float.MAX_VALUE;
    GloveKernel k = new GloveKernel(m, new GloveParams(10, 0.75, 0.05, 100));
    k.train(new int[] {0, 1}, new int[] {0, 1}, new float[] {0, 0}, new float[] {1, 1}, 0, 2);
    assertEquals(1, k.skipped);
    assertTrue(Float.isFinite(m.ct[0]));
  }

  @Test
  public void modelRoundTripsAndMerges() throws Exception {
    GloveModel a = GloveModel.init(5, 3, 7);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    a.write(out);
    GloveModel b = GloveModel.read(new ByteArrayInputStream(out.toByteArray()));
    assertArrayEquals(a.wt, b.wt, 0f);
    assertArrayEquals(a.ct, b.ct, 0f);
    GloveModel t1 = a.copy();
    GloveModel t2 = a.copy();
    t1.wt[0] += 1;
    t2.wt[0] += 2;
    t1.wt[a.half] += 1;
    t2.wt[a.half] += 1;
    assertEquals(a.wt[0] + 3, GloveModel.merge(a, new GloveModel[] {t1, t2}, false).wt[0], 1e-6);
    assertEquals(a.wt[0] + 1.5, GloveModel.merge(a, new GloveModel[] {t1, t2}, true).wt[0], 1e-6);
    assertEquals(3f, GloveModel.merge(a, new GloveModel[] {t1, t2}, true).wt[a.half], 1e-6);
    // A parameter only one task changed takes that task's value under "mean" too (row ownership).
    t1.wt[1] += 4;
    assertEquals(a.wt[1] + 4, GloveModel.merge(a, new GloveModel[] {t1, t2}, true).wt[1], 1e-6);
  }

  @Test
  public void pairMapSumsAndDrains() throws Exception {
    PairCountMap m = new PairCountMap(64);
    CooccurWindow.count(new int[] {0, 1, 0}, 3, 2, m::add);
    assertEquals(0.5 + 0.5, m.get(0, 0), 0); // self pair at distance 2 counted in both directions
    assertEquals(2.0, m.get(0, 1), 0);
    long[] n = {0};
    m.drainTo((k, v) -> n[0]++);
    assertEquals(3, n[0]);
    assertEquals(0, m.size());
  }

  @Test
  public void upperTriangleCountMirrorsToTheFullCount() {
    // Random documents with repeated words (self pairs), frequent low ids (dense part) and rarer high ids
    // (hash part), and a small window; the hash part must grow several times.
    java.util.Random rnd = new java.util.Random(7);
    int rows = 300;
    PairCountMap full = new PairCountMap(1 << 16);
    SymmetricPairCounts upper = SymmetricPairCounts.withBudget(rows, 1L << 20);
    assertTrue("dense part in use", upper.denseCells() > 1000);
    long pairsFull = 0;
    long pairsUpper = 0;
    for (int d = 0; d < 300; d++) {
      int[] ids = new int[1 + rnd.nextInt(40)];
      for (int k = 0; k < ids.length; k++) {
        ids[k] = rnd.nextInt(k % 3 == 0 ? 5 : rows);
      }
      pairsFull += CooccurWindow.count(ids, ids.length, 4, full::add);
      pairsUpper += CooccurWindow.countUpper(ids, 0, ids.length, 4, upper);
    }
    assertEquals(pairsFull, pairsUpper);
    assertTrue("hash part in use", upper.sparseSize() > 1000);
    int[] rowStart = new int[rows + 1];
    long[] out = new long[(int) upper.maxStripeEntries()];
    int n = upper.toStripes(rowStart, out);
    assertEquals(full.size(), n);
    for (int r = 0; r < rows; r++) {
      for (int e = rowStart[r]; e < rowStart[r + 1]; e++) {
        int col = (int) (out[e] >>> 32);
        if (e > rowStart[r]) {
          assertTrue("columns sorted", col > (int) (out[e - 1] >>> 32));
        }
        float x = Float.intBitsToFloat((int) out[e]);
        assertEquals("(" + r + "," + col + ")", full.get(r, col), x, 1e-5 * Math.max(1, x));
      }
    }
    assertEquals("emptied", 0, upper.sparseSize());
    assertEquals(0, upper.maxStripeEntries());
  }

  @Test
  public void denseTriangleHoldsLowRankProducts() {
    assertEquals(0, SymmetricPairCounts.cells(10, 0));
    // product limit 10 over 5 words: row 0 columns [0, 5), row 1 [1, 5), row 2 [2, 3): 5 + 4 + 1 cells
    assertEquals(10, SymmetricPairCounts.cells(5, 10));
    SymmetricPairCounts c = SymmetricPairCounts.withBudget(13_823, 128L << 20);
    assertTrue(c.denseCells() * 8L <= 32L << 20);
    assertTrue(c.denseCells() * 8L > 30L << 20);
  }

  @Test
  public void pairMapGrowsUpToItsBudgetThenReportsFull() {
    PairCountMap m = PairCountMap.withBudget(1L << 22); // 2^18 slots at most, starts smaller
    assertEquals(1 << 18, m.capacity());
    int i = 0;
    while (!m.isFull()) {
      m.add(i / 1000, i % 1000, 1.0);
      i++;
    }
    assertEquals((int) ((1 << 18) * 0.7), m.size());
    for (int k = 0; k < i; k += 997) {
      assertEquals(1.0, m.get(k / 1000, k % 1000), 0);
    }
    assertEquals(0.0, m.get(999_999, 0), 0);
  }

  @Test
  public void rowsOfATaskCopyIntoTheModelExactly() throws Exception {
    GloveModel trained = GloveModel.init(6, 3, 1);
    GloveModel target = GloveModel.init(6, 3, 2);
    GloveModel before = target.copy();
    boolean[][] rows = new boolean[2][6];
    rows[0][1] = true;
    rows[0][4] = true;
    rows[1][5] = true;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    GloveRows.write(trained, rows, buf);
    assertEquals(3, GloveRows.applyTo(target, new ByteArrayInputStream(buf.toByteArray())));
    for (int r = 0; r < 6; r++) {
      for (int k = 0; k < target.stride; k++) {
        int o = target.row(r) + k;
        assertEquals((rows[0][r] ? trained : before).wt[o], target.wt[o], 0f);
        assertEquals((rows[1][r] ? trained : before).ct[o], target.ct[o], 0f);
      }
    }
    try {
      GloveRows.applyTo(GloveModel.init(6, 4, 1), new ByteArrayInputStream(buf.toByteArray()));
      throw new AssertionError("shape mismatch accepted");
    } catch (java.io.IOException expected) {
      assertTrue(expected.getMessage().contains("6 x 3"));
    }
  }

  @Test
  public void vocabIdsFollowLineOrder() throws Exception {
    VocabIds v = VocabIds.read(new ByteArrayInputStream("好\t9\t3\n手机\t4\t2\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals(1, v.id("手机"));
    assertEquals(-1, v.id("无"));
    assertEquals("raw UTF-8 lookup", 1, v.id((CharSequence) new org.apache.avro.util.Utf8("手机")));
    assertEquals(-1, v.id((CharSequence) new org.apache.avro.util.Utf8("无")));
    assertEquals(0, v.id((CharSequence) new StringBuilder("好")));
    assertEquals(9, v.count(0));
    assertEquals(List.of("好"), List.of(v.word(0)));
  }
}
