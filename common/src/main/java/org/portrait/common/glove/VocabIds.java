package org.portrait.common.glove;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.util.Utf8;
import org.portrait.common.text.Vocabulary;

/**
 * The vocabulary as GloVe needs it: word to id and back, with counts, parsed by {@link Vocabulary}, plus a
 * lookup of Avro's raw UTF-8 tokens ({@link Utf8}) by their bytes, without decoding them into Strings.
 */
public final class VocabIds {
  private final Vocabulary vocab;
  /** The same ids keyed by UTF-8 bytes. */
  private final Map<Utf8, Integer> utf8Ids;

  private VocabIds(Vocabulary vocab) {
    this.vocab = vocab;
    this.utf8Ids = new HashMap<>(vocab.size() * 2);
    for (int i = 0; i < vocab.size(); i++) {
      utf8Ids.put(new Utf8(vocab.word(i)), i);
    }
  }

  /** Parses a vocab.tsv stream; a malformed line is an error naming the line (ids would shift otherwise). */
  public static VocabIds read(InputStream in) throws IOException {
    return new VocabIds(Vocabulary.read(in));
  }

  /** For tests: a vocabulary with the given words in id order, each with count 1. */
  public static VocabIds of(List<String> words) {
    return new VocabIds(Vocabulary.of(words));
  }

  public int size() {
    return vocab.size();
  }

  /** The id of {@code word}, or -1 when it is not in the vocabulary. */
  public int id(String word) {
    return vocab.id(word);
  }

  /** The id of {@code word} (Avro's {@link Utf8} looked up by its bytes, without decoding), or -1. */
  public int id(CharSequence word) {
    if (word instanceof Utf8) {
      Integer id = utf8Ids.get(word);
      return id == null ? -1 : id;
    }
    return vocab.id(word.toString());
  }

  public String word(int id) {
    return vocab.word(id);
  }

  public long count(int id) {
    return vocab.count(id);
  }
}
