package org.portrait.common.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The vocabulary written by the vocab job as {@value #FILE_NAME}: one {@code word<TAB>count<TAB>df} line per
 * word, line order = id order (id = line number from 0; descending count, ties by word). Immutable once loaded.
 */
public final class Vocabulary {
  /** File name of the vocabulary inside the vocab stage's output folder. */
  public static final String FILE_NAME = "vocab.tsv";

  private final String[] words;
  private final long[] counts;
  private final long[] dfs;
  private final Map<String, Integer> ids;

  private Vocabulary(List<String> words, List<long[]> stats) {
    int n = words.size();
    this.words = words.toArray(new String[0]);
    this.counts = new long[n];
    this.dfs = new long[n];
    this.ids = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      counts[i] = stats.get(i)[0];
      dfs[i] = stats.get(i)[1];
      if (ids.put(this.words[i], i) != null) {
        throw new IllegalArgumentException("duplicate word in vocabulary: " + this.words[i]);
      }
    }
  }

  /** Parses a vocab.tsv stream; a malformed line is an error naming its line number. */
  public static Vocabulary read(Reader reader) throws IOException {
    List<String> words = new ArrayList<>();
    List<long[]> stats = new ArrayList<>();
    BufferedReader br = new BufferedReader(reader);
    String line;
    int lineNo = 0;
    while ((line = br.readLine()) != null) {
      lineNo++;
      String[] f = line.split("\t", -1);
      if (f.length != 3 || f[0].isEmpty()) {
        throw new IOException("vocab line " + lineNo + ": expected word<TAB>count<TAB>df, got: " + line);
      }
      try {
        words.add(f[0]);
        stats.add(new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
      } catch (NumberFormatException e) {
        throw new IOException("vocab line " + lineNo + ": bad number in: " + line, e);
      }
    }
    return new Vocabulary(words, stats);
  }

  /** Parses a vocab.tsv byte stream (UTF-8). */
  public static Vocabulary read(InputStream in) throws IOException {
    return read(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  /** A vocabulary of {@code words} in id order, each with count 1 and df 1 (tests, small fixtures). */
  public static Vocabulary of(List<String> words) {
    List<long[]> stats = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      stats.add(new long[] {1, 1});
    }
    return new Vocabulary(new ArrayList<>(words), stats);
  }

  /** Loads {@code vocabDirOrFile}: the vocab stage folder (its {@value #FILE_NAME}) or the file itself. */
  public static Vocabulary load(Configuration conf, Path vocabDirOrFile) throws IOException {
    FileSystem fs = vocabDirOrFile.getFileSystem(conf);
    Path file = fs.getFileStatus(vocabDirOrFile).isDirectory() ? new Path(vocabDirOrFile, FILE_NAME) : vocabDirOrFile;
    try (Reader r = new InputStreamReader(fs.open(file), StandardCharsets.UTF_8)) {
      return read(r);
    }
  }

  /** Number of words. */
  public int size() {
    return words.length;
  }

  /** Id of {@code word}, or -1 when it is not in the vocabulary. */
  public int id(String word) {
    Integer id = ids.get(word);
    return id == null ? -1 : id;
  }

  public boolean contains(String word) {
    return ids.containsKey(word);
  }

  public String word(int id) {
    return words[id];
  }

  /** Corpus occurrences of word {@code id}. */
  public long count(int id) {
    return counts[id];
  }

  /** Number of reviews containing word {@code id}. */
  public long df(int id) {
    return dfs[id];
  }

  /** Words in id order (a copy). */
  public List<String> words() {
    return Arrays.asList(words.clone());
  }
}
