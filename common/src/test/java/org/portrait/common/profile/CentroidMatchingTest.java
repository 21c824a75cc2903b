package org.portrait.common.profile;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.Test;

public class CentroidMatchingTest {
  private static Map<Integer, double[]> old(Object... idAndVector) {
    Map<Integer, double[]> m = new TreeMap<>();
    for (int i = 0; i < idAndVector.length; i += 2) {
      m.put((Integer) idAndVector[i], (double[]) idAndVector[i + 1]);
    }
    return m;
  }

  @Test
  public void permutedClustersGetTheirOldIds() {
    Map<Integer, double[]> old = old(0, new double[] {1, 0, 0}, 1, new double[] {0, 1, 0}, 5, new double[] {0, 0, 1});
    List<double[]> today = List.of(new double[] {0.1, 0.1, 0.9}, new double[] {0.9, 0.2, 0}, new double[] {0, 1, 0.1});
    CentroidMatching.Result r = CentroidMatching.match(today, old);
    assertEquals(Map.of(0, 5, 1, 0, 2, 1), r.ids());
    assertEquals(3, r.matched());
    assertEquals(0, r.fresh());
  }

  @Test
  public void extraClustersGetFreshIdsAboveTheOldMaximum() {
    Map<Integer, double[]> old = old(0, new double[] {1, 0}, 3, new double[] {0, 1});
    List<double[]> today = List.of(new double[] {0, 1}, new double[] {1, 1}, new double[] {1, 0.01});
    CentroidMatching.Result r = CentroidMatching.match(today, old);
    assertEquals(Map.of(0, 3, 1, 4, 2, 0), r.ids());
    assertEquals(2, r.matched());
    assertEquals(1, r.fresh());
  }

  @Test
  public void greedyIsOneToOne() {
    // both of today's clusters are closest to old 0; the better one takes it, the other falls back to old 1
    Map<Integer, double[]> old = old(0, new double[] {1, 0}, 1, new double[] {0, 1});
    List<double[]> today = List.of(new double[] {1, 0.3}, new double[] {1, 0.1});
    assertEquals(Map.of(0, 1, 1, 0), CentroidMatching.match(today, old).ids());
  }

  @Test
  public void fewerClustersRetireOldIdsAndNoOldStartsAtZero() {
    Map<Integer, double[]> old = old(0, new double[] {1, 0}, 1, new double[] {0, 1});
    assertEquals(Map.of(0, 1), CentroidMatching.match(List.of(new double[] {0.1, 1}), old).ids());
    assertEquals(Map.of(0, 0, 1, 1), CentroidMatching.match(List.of(new double[] {1}, new double[] {2}), Map.of()).ids());
  }

  @Test
  public void centroidsOfAnotherDimensionNeverMatch() {
    CentroidMatching.Result r = CentroidMatching.match(List.of(new double[] {1, 0, 0}), old(2, new double[] {1, 0}));
    assertEquals(Map.of(0, 3), r.ids());
    assertEquals(0, r.matched());
  }
}
