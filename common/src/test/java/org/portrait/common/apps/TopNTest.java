package org.portrait.common.apps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.Test;

public class TopNTest {
  @Test
  public void keepsTheBestInOrderTiesByKey() {
    TopN t = new TopN(3);
    t.offer("d", 0.1);
    t.offer("b", 0.9);
    t.offer("c", 0.5);
    t.offer("a", 0.5);
    t.offer("e", 0.2);
    assertEquals(List.of(new TopN.Scored("b", 0.9), new TopN.Scored("a", 0.5), new TopN.Scored("c", 0.5)),
        t.sorted());
  }

  @Test
  public void mergeOfSplitTopsEqualsAFullSort() {
    Random rnd = new Random(7);
    List<TopN.Scored> all = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      all.add(new TopN.Scored("u" + i, Math.round(rnd.nextDouble() * 50) / 50.0));
    }
    TopN merged = new TopN(25);
    for (int split = 0; split < 7; split++) {
      TopN local = new TopN(25);
      for (int i = split; i < all.size(); i += 7) {
        local.offer(all.get(i).key(), all.get(i).score());
      }
      local.sorted().forEach(s -> merged.offer(s.key(), s.score()));
    }
    Collections.shuffle(all, rnd);
    all.sort(TopN.BEST_FIRST);
    assertEquals(all.subList(0, 25), merged.sorted());
  }

  @Test
  public void refusesBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> new TopN(0));
    assertThrows(IllegalArgumentException.class, () -> new TopN(1).offer("a", Double.NaN));
    assertEquals(0, new TopN(2).sorted().size());
  }
}
