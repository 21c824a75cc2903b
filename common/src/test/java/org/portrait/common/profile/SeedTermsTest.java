package org.portrait.common.profile;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.Test;

/** Seed terms from the data: discriminative against the other categories, never generic or one-off words. */
public class SeedTermsTest {
  private static KeywordStats.Builder twoCategories() {
    KeywordStats.Builder b = new KeywordStats.Builder();
    for (int i = 0; i < 60; i++) {
      b.add("外卖", i % 2 == 0 ? List.of("骑手", "配送", "不错") : List.of("配送", "好吃", "不错"));
      b.add("电影", i % 3 == 0 ? List.of("演员", "剧情", "不错") : List.of("剧情", "不错"));
    }
    b.add("外卖", List.of("偶然")); // one review: too little to be a seed
    return b;
  }

  @Test
  public void seedsAreTheCategoriesDiscriminativeTermsBestFirst() {
    InterestTaxonomy t = twoCategories().seedTaxonomy(10);
    assertEquals(List.of("外卖", "电影"), t.categories());
    // 配送 is in every 外卖 review, 骑手/好吃 in half of them: the stronger evidence ranks first
    assertEquals("配送", t.seeds("外卖").get(0));
    assertTrue(t.seeds("外卖").containsAll(List.of("骑手", "好吃")));
    assertEquals(List.of("剧情", "演员"), t.seeds("电影"));
    for (String c : t.categories()) {
      assertFalse(c + " got the generic 不错", t.seeds(c).contains("不错"));
    }
    assertFalse(t.seeds("外卖").contains("偶然"));
    assertEquals(2, twoCategories().seedTaxonomy(2).seeds("外卖").size());
  }

  @Test
  public void singleCategoryKeepsItsFrequentTermsAndNoCategoriesGiveNone() {
    KeywordStats.Builder b = new KeywordStats.Builder();
    for (int i = 0; i < 10; i++) {
      b.add("外卖", i < 7 ? List.of("配送", "骑手") : List.of("配送"));
    }
    InterestTaxonomy t = b.seedTaxonomy(5);
    assertEquals(List.of("外卖"), t.categories());
    assertEquals(List.of("配送", "骑手"), t.seeds("外卖"));
    KeywordStats.Builder none = new KeywordStats.Builder();
    none.add(null, List.of("配送"));
    assertNull(none.seedTaxonomy(5));
  }

  @Test
  public void storedSeedsReadBackAndTheBundledTaxonomyDoesNotKnowOtherCategories() throws Exception {
    InterestTaxonomy t = twoCategories().seedTaxonomy(10);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    t.write(out);
    InterestTaxonomy back = InterestTaxonomy.read(new ByteArrayInputStream(out.toByteArray()));
    assertEquals(t.categories(), back.categories());
    assertEquals(t.seeds("外卖"), back.seeds("外卖"));
    InterestTaxonomy bundled = InterestTaxonomy.bundled();
    assertFalse(bundled.knowsAll(t.categories()));
    assertTrue(bundled.knowsAll(List.of("平板", "酒店")));
  }
}
