package org.portrait.common.glove;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Arrays;
import java.util.List;
import org.junit.Test;
import org.portrait.common.config.UserError;

public class WarmStartTest {
  private static float[] row(float[] t, GloveModel m, int id) {
    return Arrays.copyOfRange(t, m.row(id), m.row(id) + m.stride);
  }

  /** An "old" model whose rows differ from any init draw, AdaGrad sums included. */
  private static GloveModel trained(int vocab, int dim) {
    GloveModel m = GloveModel.init(vocab, dim, 99);
    for (int i = 0; i < m.wt.length; i++) {
      m.wt[i] += 0.5f + i;
      m.ct[i] -= 0.25f + i;
    }
    return m;
  }

  @Test
  public void carriesSharedWordsByWordAndInitialisesNewOnesAsColdStart() {
    VocabIds oldV = VocabIds.of(List.of("a", "b", "c", "gone"));
    VocabIds newV = VocabIds.of(List.of("c", "new1", "a", "b", "new2"));
    GloveModel old = trained(4, 3);
    WarmStart.Result r = WarmStart.apply(old, oldV, newV, 3, 7);
    assertEquals(3, r.carried);
    assertEquals(2, r.fresh);
    assertEquals(5, r.model.vocab);
    GloveModel cold = GloveModel.init(5, 3, 7);
    for (int id = 0; id < 5; id++) {
      int o = oldV.id(newV.word(id));
      GloveModel src = o >= 0 ? old : cold;
      int sid = o >= 0 ? o : id;
      assertArrayEquals("word row " + newV.word(id), row(src.wt, src, sid), row(r.model.wt, r.model, id), 0f);
      assertArrayEquals("context row " + newV.word(id), row(src.ct, src, sid), row(r.model.ct, r.model, id), 0f);
    }
  }

  @Test
  public void sameVocabularyGivesTheOldModelExactly() {
    VocabIds v = VocabIds.of(List.of("x", "y", "z"));
    GloveModel old = trained(3, 4);
    WarmStart.Result r = WarmStart.apply(old, v, v, 4, 1);
    assertEquals(3, r.carried);
    assertEquals(0, r.fresh);
    assertArrayEquals(old.wt, r.model.wt, 0f);
    assertArrayEquals(old.ct, r.model.ct, 0f);
  }

  @Test
  public void dimensionMismatchIsAOneLineUserError() {
    VocabIds v = VocabIds.of(List.of("x", "y"));
    try {
      WarmStart.apply(trained(2, 4), v, v, 8, 1);
      fail("expected a UserError");
    } catch (UserError e) {
      assertTrue(e.getMessage(), e.getMessage().contains("dim 4") && e.getMessage().contains("dim is 8"));
      assertTrue(!e.getMessage().contains("\n"));
    }
  }

  @Test(expected = UserError.class)
  public void modelAndVocabularyOfDifferentSizesAreRefused() {
    WarmStart.apply(trained(3, 2), VocabIds.of(List.of("x", "y")), VocabIds.of(List.of("x")), 2, 1);
  }
}
