package org.portrait.common.glove;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.util.Utf8;

/**
 * The vocabulary as GloVe needs it: word to id and back, with counts. Reads {@code vocab.tsv}
 * ({@code word<TAB>count<TAB>df}, id = line number from 0). Kept small and separate from the text package's
 * vocabulary class so the two stages do not depend on each other.
 */
public final class VocabIds {
  private final List<String> words;
  private final long[] counts;
  private final Map<String, Integer> ids;
  /** The same ids keyed by UTF-8 bytes: lets a reader skip decoding each token into a String. */
  private final Map<Utf8, Integer> utf8Ids;

  private VocabIds(List<String> words, long[] counts) {
    this.words = words;
    this.counts = counts;
    this.ids = new HashMap<>(words.size() * 2);
    this.utf8Ids = new HashMap<>(words.size() * 2);
    for (int i = 0; i < words.size(); i++) {
      if (ids.put(words.get(i), i) != null) {
        throw new IllegalArgumentException("vocab.tsv: duplicate word '" + words.get(i) + "' at line " + (i + 1));
      }
      utf8Ids.put(new Utf8(words.get(i)), i);
    }
  }

  /** Parses a vocab.tsv stream; a malformed line is an error naming the line (ids would shift otherwise). */
  public static VocabIds read(InputStream in) throws IOException {
    List<String> words = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int n = 0;
    while ((line = r.readLine()) != null) {
      n++;
      if (line.isEmpty()) {
        throw new IOException("vocab.tsv line " + n + ": empty line");
      }
      String[] f = line.split("\t", -1);
      if (f.length < 2 || f[0].isEmpty()) {
        throw new IOException("vocab.tsv line " + n + ": expected word<TAB>count<TAB>df, got '" + line + "'");
      }
      try {
        counts.add(Long.parseLong(f[1].trim()));
      } catch (NumberFormatException e) {
        throw new IOException("vocab.tsv line " + n + ": bad count '" + f[1] + "'");
      }
      words.add(f[0]);
    }
    long[] c = new long[counts.size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = counts.get(i);
    }
    return new VocabIds(words, c);
  }

  /** For tests: a vocabulary with the given words in id order, each with count 1. */
  public static VocabIds of(List<String> words) {
    long[] c = new long[words.size()];
    java.util.Arrays.fill(c, 1L);
    return new VocabIds(new ArrayList<>(words), c);
  }

  public int size() {
    return words.size();
  }

  /** The id of {@code word}, or -1 when it is not in the vocabulary. */
  public int id(String word) {
    Integer id = ids.get(word);
    return id == null ? -1 : id;
  }

  /** The id of {@code word} (Avro's {@link Utf8} looked up by its bytes, without decoding), or -1. */
  public int id(CharSequence word) {
    Integer id = word instanceof Utf8 ? utf8Ids.get(word) : ids.get(word.toString());
    return id == null ? -1 : id;
  }

  public String word(int id) {
    return words.get(id);
  }

  public long count(int id) {
    return counts[id];
  }
}
