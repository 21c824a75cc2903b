package org.portrait.jobs.segment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.mapred.AvroKey;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Mapper;
import org.portrait.common.UserSplit;
import org.portrait.common.text.PiiKind;
import org.portrait.common.text.ReviewSegmenter;
import org.portrait.common.text.SegmentStats;
import org.portrait.schema.Review;
import org.portrait.schema.TokenizedReview;

/**
 * Review → TokenizedReview (map-only). A review whose text yields no token is still written, with an empty
 * token list, and counted (EMPTY_AFTER_SEGMENT), so downstream review counts reconcile with ingest's.
 * Per-token statistics accumulate in plain fields and go to the counters once, in cleanup().
 */
public class SegmentMapper extends Mapper<AvroKey<Review>, NullWritable, AvroKey<TokenizedReview>, NullWritable> {
  private ReviewSegmenter segmenter;
  private final SegmentStats stats = new SegmentStats();
  private final TokenizedReview out = new TokenizedReview();
  private final AvroKey<TokenizedReview> outKey = new AvroKey<>(out);
  private final List<String> tokens = new ArrayList<>();

  @Override
  protected void setup(Context context) throws IOException {
    segmenter = SegmentConf.segmenter(context.getConfiguration());
  }

  @Override
  protected void map(AvroKey<Review> key, NullWritable value, Context context) throws IOException, InterruptedException {
    Review r = key.datum();
    context.getCounter(SegmentCounters.REVIEWS_IN).increment(1);
    if (r == null || r.getReviewId() == null || r.getUserKey() == null) {
      context.getCounter(SegmentCounters.REVIEWS_INVALID).increment(1);
      return;
    }
    String text = r.getText();
    if (text == null || text.isBlank()) {
      context.getCounter(SegmentCounters.BLANK_TEXT).increment(1);
    }
    tokens.clear();
    segmenter.tokens(text, tokens, stats);
    if (tokens.isEmpty()) {
      context.getCounter(SegmentCounters.EMPTY_AFTER_SEGMENT).increment(1);
    }
    out.setReviewId(r.getReviewId());
    out.setUserKey(r.getUserKey());
    out.setTs(r.getTs());
    out.setCategory(r.getCategory());
    out.setLabel(r.getLabel());
    out.setSplit(r.getSplit() == null ? UserSplit.TRAIN : r.getSplit());
    out.setCharCount(text == null ? 0 : text.length());
    out.setTokens(tokens);
    context.write(outKey, NullWritable.get());
    context.getCounter(SegmentCounters.REVIEWS_OUT).increment(1);
  }

  @Override
  protected void cleanup(Context context) {
    context.getCounter(SegmentCounters.CHARS).increment(stats.chars);
    context.getCounter(SegmentCounters.TOKENS).increment(stats.tokens);
    context.getCounter(SegmentCounters.STOPWORDS_REMOVED).increment(stats.stopwordsRemoved);
    context.getCounter(SegmentCounters.PUNCTUATION_REMOVED).increment(stats.punctuationRemoved);
    context.getCounter(SegmentCounters.POS_FILTERED).increment(stats.posFiltered);
    for (PiiKind k : PiiKind.values()) {
      context.getCounter(SegmentCounters.of(k)).increment(stats.pii[k.ordinal()]);
    }
  }
}
