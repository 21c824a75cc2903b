package org.portrait.common.profile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The vocabulary a profile is scored against ({@code vocab.tsv}: {@code word<TAB>count<TAB>df}, line order = id):
 * corpus counts give SIF's word probability p(w), document frequencies give IDF.
 */
public final class ProfileVocab {
  private final Map<String, Integer> ids = new HashMap<>();
  private long[] counts = new long[1024];
  private long[] dfs = new long[1024];
  private long totalCount;
  private long docCount;

  /** Reads {@code vocab.tsv}; malformed lines are an error (the vocab stage writes it, a bad file is a bug). */
  public static ProfileVocab read(InputStream in) throws IOException {
    ProfileVocab v = new ProfileVocab();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int lineNo = 0;
    while ((line = r.readLine()) != null) {
      lineNo++;
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\t");
      if (f.length < 3) {
        throw new IOException("vocab line " + lineNo + ": expected word<TAB>count<TAB>df");
      }
      v.add(f[0], Long.parseLong(f[1].trim()), Long.parseLong(f[2].trim()));
    }
    return v;
  }

  /** Adds a word with its corpus count and document frequency; its id is the next free one. */
  public void add(String word, long count, long df) {
    int id = ids.size();
    if (ids.putIfAbsent(word, id) != null) {
      return;
    }
    if (id == counts.length) {
      counts = java.util.Arrays.copyOf(counts, id * 2);
      dfs = java.util.Arrays.copyOf(dfs, id * 2);
    }
    counts[id] = count;
    dfs[id] = df;
    totalCount += count;
    docCount = Math.max(docCount, df);
  }

  /** Id of {@code word}, or -1 when it is not in the vocabulary. */
  public int id(String word) {
    Integer id = ids.get(word);
    return id == null ? -1 : id;
  }

  public int size() {
    return ids.size();
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
    long df = id < 0 ? 0 : dfs[id];
    return Math.log((docCount + 1.0) / (df + 1.0)) + 1.0;
  }

  /** Unigram probability p(w) of the corpus (0 outside the vocabulary). */
  public double probability(int id) {
    return id < 0 || totalCount == 0 ? 0 : counts[id] / (double) totalCount;
  }
}
