package org.portrait.jobs.cooccur;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.util.Utf8;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Mapper;
import org.portrait.common.glove.CooccurWindow;
import org.portrait.common.glove.PairCountMap;
import org.portrait.common.glove.SymmetricPairCounts;
import org.portrait.common.glove.VocabIds;
import org.portrait.schema.TokenizedReview;

/**
 * Counts weighted co-occurrences of one split with in-mapper combining: pairs go into
 * {@link SymmetricPairCounts} (dense array for frequent pairs, primitive hash map for the rest) sized by
 * {@link CooccurDriver#MAP_MEMORY_MB}; when the map is full it is flushed (emitted and cleared), so memory
 * stays bounded however large the split. Each unordered pair is stored once (the counts are symmetric); a flush
 * mirrors them and emits one stripe per word row (row -> column-sorted (j, x) pairs), not one record per pair.
 * Besides the budget a flush needs 16 bytes per pair to group them.
 */
public class CooccurMapper extends Mapper<AvroKey<GenericRecord>, NullWritable, IntWritable, BytesWritable> {
  /**
   * What the job reads of a TokenizedReview: only its tokens, as Avro's raw UTF-8 ({@link Utf8}), looked up in
   * the vocabulary by their bytes. Decoding every token into a String was a third of the mapper's time.
   */
  static final Schema TOKENS_ONLY = SchemaBuilder.record("TokensOnly").namespace("org.portrait.jobs.cooccur")
      .aliases(TokenizedReview.getClassSchema().getFullName())
      .fields().name("tokens").type().array().items().stringType().noDefault().endRecord();

  private VocabIds vocab;
  private int window;
  private SymmetricPairCounts counts;
  private int[] ids = new int[256];
  private final IntWritable outKey = new IntWritable();
  private final BytesWritable outValue = new BytesWritable();
  private long[] drained = new long[0];
  private int[] rowStart = new int[0];

  @Override
  protected void setup(Context context) throws IOException {
    Configuration conf = context.getConfiguration();
    vocab = loadVocab(conf);
    window = conf.getInt(CooccurDriver.WINDOW, CooccurDriver.DEFAULT_WINDOW);
    long budget = conf.getLong(CooccurDriver.MAP_MEMORY_MB, CooccurDriver.DEFAULT_MAP_MEMORY_MB) << 20;
    // At least room for a few chunks of 8 tokens (<= 16 * window new entries each) between flushes.
    counts = SymmetricPairCounts.withBudget(vocab.size(),
        Math.max(budget, 64L * window * PairCountMap.BYTES_PER_SLOT));
  }

  static VocabIds loadVocab(Configuration conf) throws IOException {
    String dir = conf.get(CooccurDriver.VOCAB);
    if (dir == null) {
      throw new IOException(CooccurDriver.VOCAB + " is not set");
    }
    Path file = new Path(dir, "vocab.tsv");
    try (InputStream in = file.getFileSystem(conf).open(file)) {
      return VocabIds.read(in);
    }
  }

  @Override
  protected void map(AvroKey<GenericRecord> key, NullWritable value, Context context)
      throws IOException, InterruptedException {
    GenericRecord review = key.datum();
    context.getCounter(CooccurCounters.REVIEWS).increment(1);
    List<?> tokens = review == null ? null : (List<?>) review.get("tokens");
    if (tokens == null || tokens.isEmpty()) {
      context.getCounter(CooccurCounters.EMPTY_REVIEWS).increment(1);
      return;
    }
    if (ids.length < tokens.size()) {
      ids = new int[Math.max(tokens.size(), ids.length * 2)];
    }
    int n = 0;
    for (Object t : tokens) {
      int id = t == null ? -1 : vocab.id((CharSequence) t);
      if (id >= 0) {
        ids[n++] = id;
      }
    }
    context.getCounter(CooccurCounters.TOKENS).increment(tokens.size());
    context.getCounter(CooccurCounters.TOKENS_OOV).increment(tokens.size() - n);
    // At most window new entries per token (pairs are stored once): flush before the map could overflow.
    long pairs = 0;
    int done = 0;
    while (done < n) {
      if (counts.needsFlush(16L * window)) {
        flush(context);
        context.getCounter(CooccurCounters.FLUSHES).increment(1);
      }
      int chunk = Math.min(n - done, 8);
      pairs += countChunk(done, chunk);
      done += chunk;
    }
    context.getCounter(CooccurCounters.PAIRS).increment(pairs);
  }

  /** Counts the pairs whose right-hand token is at positions [from, from + len), each unordered pair once. */
  private long countChunk(int from, int len) {
    return CooccurWindow.countUpper(ids, from, from + len, window, counts);
  }

  private void flush(Context context) throws IOException, InterruptedException {
    long most = counts.maxStripeEntries();
    if (drained.length < most) {
      drained = new long[(int) Math.max(most, drained.length * 2L)];
    }
    int rows = vocab.size();
    if (rowStart.length < rows + 1) {
      rowStart = new int[rows + 1];
    }
    int n = counts.toStripes(rowStart, drained); // empties counts
    if (n == 0) {
      return;
    }
    context.getCounter(CooccurCounters.MAP_ENTRIES_EMITTED).increment(n);
    for (int row = 0; row < rows; row++) {
      int start = rowStart[row];
      int end = rowStart[row + 1];
      if (start == end) {
        continue;
      }
      outValue.setSize((end - start) * Stripes.PAIR_BYTES);
      java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(outValue.getBytes(), 0, (end - start) * Stripes.PAIR_BYTES);
      for (int e = start; e < end; e++) {
        b.putLong(drained[e]); // int column, float bits: the stripe's pair layout
      }
      outKey.set(row);
      context.write(outKey, outValue);
    }
  }

  @Override
  protected void cleanup(Context context) throws IOException, InterruptedException {
    flush(context);
  }

  /** The same counting as this mapper, in one process: for tests and the direct comparison. */
  static void countDirect(int[] ids, int n, int window, PairCountMap into) {
    CooccurWindow.count(ids, n, window, into::add);
  }
}
