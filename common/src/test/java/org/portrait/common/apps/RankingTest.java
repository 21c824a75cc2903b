package org.portrait.common.apps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.Test;

public class RankingTest {
  @Test
  public void precisionIsTheRelevantShare() {
    assertEquals(0.5, Ranking.precision(List.of("a", "b", "c", "d"), Set.of("a", "d", "x")), 1e-12);
    assertTrue(Double.isNaN(Ranking.precision(List.of(), Set.of("a"))));
  }

  @Test
  public void hitRateLooksAtTheFirstKOnly() {
    assertEquals(1, Ranking.hitRate(List.of("a", "b", "c"), Set.of("c"), 3), 0);
    assertEquals(0, Ranking.hitRate(List.of("a", "b", "c"), Set.of("c"), 2), 0);
    assertEquals(0, Ranking.hitRate(List.of(), Set.of("c"), 3), 0);
  }

  @Test
  public void ndcgByHand() {
    // one relevant at rank 2: (1/log2 3) / 1 = 0.63093
    assertEquals(0.630930, Ranking.ndcg(List.of("a", "b", "c"), Set.of("b"), 3), 1e-6);
    // two relevant at ranks 1 and 3 of two: (1 + 0.5) / (1 + 0.63093)
    assertEquals(1.5 / (1 + 1 / (Math.log(3) / Math.log(2))),
        Ranking.ndcg(List.of("a", "b", "c"), Set.of("a", "c"), 3), 1e-12);
    assertEquals(1, Ranking.ndcg(List.of("a", "b"), Set.of("b", "a", "x", "y"), 2), 1e-12);
    assertTrue(Double.isNaN(Ranking.ndcg(List.of("a"), Set.of(), 3)));
  }
}
