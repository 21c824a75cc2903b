package org.portrait.common.profile;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import org.junit.Test;

/** The k-anonymity rule of the segments stage, without Hadoop. */
public class SegmentRulesTest {
  @Test
  public void smallClustersAndUsersWithoutVectorFormOther() {
    SegmentRules.Publication p = SegmentRules.publish(Map.of(0, 30, 1, 19, 2, 5, -1, 2), 20);
    assertEquals(Map.of(-1, -1, 0, 0, 1, -1, 2, -1), p.mapping());
    assertEquals(26, p.otherSize());
    assertEquals(24, p.otherVectorUsers());
    assertFalse(p.otherSuppressed());
    assertTrue(p.otherCentroidPublished());
  }

  @Test
  public void otherBelowTheSizeIsSuppressed() {
    // the planted case of the issue: 12 users left over with k = 20
    SegmentRules.Publication p = SegmentRules.publish(Map.of(0, 40, 1, 9, 2, 3), 20);
    assertEquals(12, p.otherSize());
    assertTrue(p.otherSuppressed());
    assertFalse(p.otherCentroidPublished());
  }

  @Test
  public void otherWithOneClusteredUserNeverCarriesACentroid() {
    // 1 user with a vector among 30 without: the size is safe, but the centroid would be that user's vector
    SegmentRules.Publication p = SegmentRules.publish(Map.of(0, 25, 1, 1, -1, 30), 20);
    assertEquals(31, p.otherSize());
    assertFalse(p.otherSuppressed());
    assertFalse(p.otherCentroidPublished());
    // a single user alone in other: suppressed, no centroid
    SegmentRules.Publication one = SegmentRules.publish(Map.of(0, 25, 1, 1), 20);
    assertEquals(1, one.otherSize());
    assertTrue(one.otherSuppressed());
    assertFalse(one.otherCentroidPublished());
  }

  @Test
  public void noOtherWhenEveryClusterIsLargeEnough() {
    SegmentRules.Publication p = SegmentRules.publish(Map.of(0, 20, 1, 21), 20);
    assertEquals(0, p.otherSize());
    assertFalse(p.otherSuppressed());
    assertEquals(Map.of(-1, -1, 0, 0, 1, 1), p.mapping());
  }

  @Test
  public void sizeBelowTwoIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SegmentRules.publish(Map.of(0, 5), 1));
    assertTrue(e.getMessage(), e.getMessage().contains("1"));
  }
}
