package org.portrait.common.profile;

import java.io.IOException;
import java.io.InputStream;
import org.portrait.common.text.Vocabulary;

/**
 * The vocabulary a profile is scored against ({@code vocab.tsv}: {@code word<TAB>count<TAB>df}, line order = id):
 * corpus counts give SIF's word probability p(w), document frequencies give IDF.
 */
public final class ProfileVocab {
  private final Vocabulary vocab;
  private final long totalCount;
  private long docCount;

  private ProfileVocab(Vocabulary vocab) {
    this.vocab = vocab;
    long total = 0;
    for (int i = 0; i < vocab.size(); i++) {
      total += vocab.count(i);
      docCount = Math.max(docCount, vocab.df(i));
    }
    this.totalCount = total;
  }

  /** Reads {@code vocab.tsv} ({@link Vocabulary} parses it; a malformed line is an error naming the line). */
  public static ProfileVocab read(InputStream in) throws IOException {
    return new ProfileVocab(Vocabulary.read(in));
  }

  /** Id of {@code word}, or -1 when it is not in the vocabulary. */
  public int id(String word) {
    return vocab.id(word);
  }

  public int size() {
    return vocab.size();
  }

  /**
   * Sets the number of documents IDF is computed against (the profile driver counts the input reviews);
   * until set, the largest document frequency stands in for it.
   */
  public void setDocCount(long n) {
    this.docCount = Math.max(n, docCount);
  }

  public long docCount() {
    return docCount;
  }

  /** Smoothed IDF: ln((N + 1) / (df + 1)) + 1; words outside the vocabulary get the rarest-word IDF. */
  public double idf(int id) {
    long df = id < 0 ? 0 : vocab.df(id);
    return Math.log((docCount + 1.0) / (df + 1.0)) + 1.0;
  }

  /** Unigram probability p(w) of the corpus (0 outside the vocabulary). */
  public double probability(int id) {
    return id < 0 || totalCount == 0 ? 0 : vocab.count(id) / (double) totalCount;
  }
}
