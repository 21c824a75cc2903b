package org.portrait.common.apps;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

public class AudienceEvalTest {
  final AudienceEval eval = new AudienceEval(
      Map.of("a", "手机", "b", "手机", "c", "手机", "d", "酒店", "e", "酒店", "f", "书籍"),
      Map.of("a", List.of("屏幕", "电池"), "b", List.of("屏幕"), "c", List.of("电池", "屏幕"),
          "d", List.of("房间"), "e", List.of("屏幕", "房间"), "f", List.of("作者")));

  @Test
  public void randomIsTheCategoryShareAmongNonSeeds() {
    // non-seeds b..f: 2 of 5 are 手机
    assertEquals(0.4, eval.randomPrecision(Set.of("a"), "手机"), 1e-12);
  }

  @Test
  public void keywordAudienceRanksByMatchesThenKey() {
    // seeds' keywords: 屏幕, 电池; c matches both, b and e one each, d and f none
    assertEquals(List.of("c", "b", "e"), eval.keywordAudience(Set.of("a"), 5));
    assertEquals(List.of("c", "b"), eval.keywordAudience(Set.of("a"), 2));
    assertEquals(1.0, eval.precision(List.of("c", "b"), "手机"), 1e-12);
    assertEquals(2.0 / 3, eval.precision(List.of("c", "b", "e"), "手机"), 1e-12);
  }
}
