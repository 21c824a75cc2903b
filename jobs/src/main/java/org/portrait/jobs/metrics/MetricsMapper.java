package org.portrait.jobs.metrics;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.mapred.AvroKey;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.portrait.common.UserSplit;
import org.portrait.common.metrics.TruthRow;

/**
 * Keys every input by user key for the per-user join: profiles (Parquet), review predictions and tokenized
 * reviews (Avro), and truth.csv lines (text; the raw user id is pseudonymised here with the ingest's
 * function). One mapper for all inputs: it dispatches on the record type, so each input needs no own class.
 * Values are tagged, tab-separated: {@code P top|interests sentiment keywords}, {@code T split cat:w|cat:w sentiment},
 * {@code R label prob}, {@code K tokens category} (one per review; tokens and keywords joined by U+0001).
 */
public class MetricsMapper extends Mapper<Object, Object, Text, Text> {
  static final char TOKEN_SEP = '\u0001';
  private static final Logger LOG = LoggerFactory.getLogger(MetricsMapper.class);
  private UserKeyFunction userKeys;
  private final Text outKey = new Text();
  private final Text outValue = new Text();
  private int badLogged;

  @Override
  protected void setup(Context context) {
    userKeys = UserKeyFunction.fromConf(context.getConfiguration());
  }

  @Override
  protected void map(Object key, Object value, Context context) throws IOException, InterruptedException {
    // AvroKeyInputFormat delivers the record as the key (value NullWritable); Parquet as the value.
    Object v = key instanceof AvroKey<?> k ? k.datum() : value instanceof AvroKey<?> k2 ? k2.datum() : value;
    if (v instanceof Text line) {
      truth(line.toString(), context);
    } else if (v instanceof GenericRecord r) {
      record(r, context);
    } else {
      bad(context, "unexpected input value " + (v == null ? "null" : v.getClass().getName()));
    }
  }

  private void truth(String line, Context context) throws IOException, InterruptedException {
    TruthRow row;
    try {
      row = TruthRow.parse(line);
    } catch (IllegalArgumentException e) {
      context.getCounter(MetricsCounters.TRUTH_BAD).increment(1);
      if (badLogged++ < 10) {
        // The line itself is not logged: it starts with a raw user id.
        LOG.warn("bad truth line, counted as TRUTH_BAD: " + e.getMessage());
      }
      return;
    }
    if (row == null) {
      return; // header or blank line
    }
    context.getCounter(MetricsCounters.TRUTH_ROWS).increment(1);
    StringBuilder interests = new StringBuilder();
    for (Map.Entry<String, Double> e : row.interests().entrySet()) {
      interests.append(interests.length() == 0 ? "" : "|").append(e.getKey()).append(':').append(e.getValue());
    }
    emit(userKeys.userKey(row.userId()), "T\t" + row.split() + "\t" + interests + "\t" + row.sentiment(), context);
  }

  private void record(GenericRecord r, Context context) throws IOException, InterruptedException {
    Object userKey = r.getSchema().getField("user_key") == null ? null : r.get("user_key");
    if (userKey == null || userKey.toString().isEmpty()) {
      bad(context, "record without user_key: " + r.getSchema().getName());
      return;
    }
    String user = userKey.toString();
    switch (r.getSchema().getName()) {
      case "UserProfile" -> {
        context.getCounter(MetricsCounters.PROFILES).increment(1);
        emit(user, "P\t" + join(r.get("top_interests"), "|") + "\t" + r.get("sentiment_label") + "\t"
            + keywords(r.get("keywords")), context);
      }
      case "ReviewPrediction" -> {
        if (!isTest(r)) {
          context.getCounter(MetricsCounters.PREDICTIONS_TRAIN_SKIPPED).increment(1);
          // Its label reached training: a truth file must not call this user test.
          emit(user, "L", context);
          return;
        }
        context.getCounter(MetricsCounters.PREDICTIONS_TEST).increment(1);
        Object label = r.get("label");
        emit(user, "R\t" + (label == null ? "" : label) + "\t" + r.get("positive_prob"), context);
      }
      case "TokenizedReview" -> {
        if (!isTest(r)) {
          context.getCounter(MetricsCounters.TOKENIZED_TRAIN_SKIPPED).increment(1);
          return;
        }
        context.getCounter(MetricsCounters.TOKENIZED_TEST).increment(1);
        Object category = r.get("category");
        emit(user, "K\t" + join(r.get("tokens"), String.valueOf(TOKEN_SEP)) + "\t"
            + (category == null ? "" : category), context);
      }
      default -> bad(context, "unexpected record type " + r.getSchema().getFullName());
    }
  }

  private static boolean isTest(GenericRecord r) {
    Object split = r.get("split");
    return split != null && UserSplit.TEST.equals(split.toString());
  }

  /** The keyword terms in rank order, joined by {@link #TOKEN_SEP}. */
  private static String keywords(Object list) {
    StringBuilder b = new StringBuilder();
    if (list instanceof List<?> items) {
      for (Object o : items) {
        if (o instanceof GenericRecord kw) {
          b.append(b.length() == 0 ? "" : String.valueOf(TOKEN_SEP)).append(kw.get("term"));
        }
      }
    }
    return b.toString();
  }

  private static String join(Object list, String sep) {
    if (!(list instanceof List<?> items)) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (Object o : items) {
      b.append(b.length() == 0 ? "" : sep).append(o);
    }
    return b.toString();
  }

  private void emit(String key, String value, Context context) throws IOException, InterruptedException {
    outKey.set(key);
    outValue.set(value);
    context.write(outKey, outValue);
  }

  private void bad(Context context, String why) {
    context.getCounter(MetricsCounters.BAD_RECORDS).increment(1);
    if (badLogged++ < 10) {
      LOG.warn(why);
    }
  }
}
