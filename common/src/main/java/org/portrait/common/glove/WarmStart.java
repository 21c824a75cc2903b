package org.portrait.common.glove;

import org.portrait.common.config.UserError;

/**
 * Starts a GloVe model from an earlier one trained over another vocabulary. Ids differ between vocabularies
 * (they follow counts), so rows are mapped by word: a word both vocabularies have keeps its whole word row and
 * context row (vector, bias and the AdaGrad sums of both), so training continues where it stopped instead of
 * taking first-round-sized steps again; a new word gets exactly the row a cold start with the same seed gives
 * it. Words of the old vocabulary that the new one lacks are dropped.
 */
public final class WarmStart {
  /** The new model and how its words were initialised. */
  public static final class Result {
    public final GloveModel model;
    /** Words whose rows came from the old model. */
    public final int carried;
    /** Words initialised as in a cold start. */
    public final int fresh;

    Result(GloveModel model, int carried, int fresh) {
      this.model = model;
      this.carried = carried;
      this.fresh = fresh;
    }
  }

  private WarmStart() {}

  /**
   * The model for {@code vocab} x {@code dim}: {@link GloveModel#init} with {@code seed}, then the rows of every
   * word {@code oldVocab} has copied from {@code old}. A dimension that differs from the old model's is a
   * {@link UserError}; so is an old model whose row count is not its vocabulary's size.
   */
  public static Result apply(GloveModel old, VocabIds oldVocab, VocabIds vocab, int dim, long seed) {
    if (old.dim != dim) {
      throw new UserError("warm start: the earlier model has dim " + old.dim + ", this run's dim is " + dim
          + "; use --dim " + old.dim + " or start cold");
    }
    if (old.vocab != oldVocab.size()) {
      throw new UserError("warm start: the earlier model has " + old.vocab + " rows but its vocab.tsv "
          + oldVocab.size() + " words");
    }
    GloveModel m = GloveModel.init(vocab.size(), dim, seed);
    int carried = 0;
    for (int id = 0; id < vocab.size(); id++) {
      int o = oldVocab.id(vocab.word(id));
      if (o >= 0) {
        // Same layout and stride (same dim): one contiguous copy per table holds vector, bias and their sums.
        System.arraycopy(old.wt, old.row(o), m.wt, m.row(id), m.stride);
        System.arraycopy(old.ct, old.row(o), m.ct, m.row(id), m.stride);
        carried++;
      }
    }
    return new Result(m, carried, vocab.size() - carried);
  }
}
