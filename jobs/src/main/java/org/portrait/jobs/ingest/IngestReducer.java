package org.portrait.jobs.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.apache.avro.mapred.AvroKey;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;
import org.portrait.common.ingest.RejectReason;
import org.portrait.schema.Review;
import org.portrait.schema.ReviewReject;

/**
 * Keeps one review per review id - the first by source path, then position, whatever order the values arrive in -
 * and rejects the other copies as {@link RejectReason#DUPLICATE_REVIEW_ID}; map-side rejects pass through. Writes
 * reviews/ (Avro), rejects/ (Parquet, masked) and, when the run keeps a quarantine, the raw record of each reject
 * to _quarantine/ (JSON Lines, {@link QuarantineOutputFormat}) through {@link MultipleOutputs}; the write methods
 * are the only place that touches it, so tests can capture the output instead.
 */
public class IngestReducer extends Reducer<Text, IngestValue, NullWritable, NullWritable> {
  static final String REVIEWS = "reviews";
  static final String REJECTS = "rejects";
  /** Named output and folder of the raw rejects; the driver moves them to the quarantine folder. */
  static final String QUARANTINE = "quarantine";
  static final String QUARANTINE_DIR = "_quarantine";
  private static final ObjectMapper JSON = new ObjectMapper();
  private MultipleOutputs<NullWritable, NullWritable> outputs;
  private final AvroKey<Review> avroKey = new AvroKey<>();
  private final Text line = new Text();
  private int maxRawChars = IngestDriver.DEFAULT_MAX_RAW_CHARS;

  @Override
  protected void setup(Context context) throws IOException, InterruptedException {
    outputs = new MultipleOutputs<>(context);
    maxRawChars = context.getConfiguration().getInt(IngestDriver.MAX_RAW_CHARS, IngestDriver.DEFAULT_MAX_RAW_CHARS);
  }

  @Override
  protected void reduce(Text key, Iterable<IngestValue> values, Context context)
      throws IOException, InterruptedException {
    if (key.getLength() > 0 && key.charAt(0) == 'X') {
      for (IngestValue v : values) {
        reject(context, v, v.reason(), v.toReject());
      }
      return;
    }
    IngestValue best = null;
    for (IngestValue v : values) {
      if (best == null) {
        best = v.copy();
      } else if (v.before(best)) {
        duplicate(context, best, v);
        best = v.copy();
      } else {
        duplicate(context, v, best);
      }
    }
    if (best != null) {
      context.getCounter(IngestCounters.ACCEPTED).increment(1);
      if (best.review().getTs() == null) {
        context.getCounter(IngestCounters.NO_TIMESTAMP).increment(1);
      }
      if (best.review().getReviewId().startsWith("h-")) {
        context.getCounter(IngestCounters.DERIVED_REVIEW_ID).increment(1);
      }
      writeReview(context, best.review());
    }
  }

  private void duplicate(Context context, IngestValue dropped, IngestValue kept)
      throws IOException, InterruptedException {
    ReviewReject r = dropped.toReject(RejectReason.DUPLICATE_REVIEW_ID,
        "review id " + kept.review().getReviewId() + " already taken by " + kept.source() + "@" + kept.position());
    // The text of an accepted review is not cut yet; reject rows keep as much as map-side rejects do.
    r.setText(IngestValue.truncate(r.getText(), maxRawChars));
    reject(context, dropped, RejectReason.DUPLICATE_REVIEW_ID, r);
  }

  private void reject(Context context, IngestValue v, RejectReason reason, ReviewReject r)
      throws IOException, InterruptedException {
    context.getCounter(IngestCounters.REJECTED).increment(1);
    context.getCounter(IngestCounters.of(reason)).increment(1);
    writeReject(context, r);
    if (!v.raw().isEmpty()) {
      // The mapper passes raw records on only when the run keeps a quarantine.
      ObjectNode o = JSON.createObjectNode();
      o.put("source", v.source()).put("position", v.position()).put("reason", reason.name()).put("raw", v.raw());
      line.set(JSON.writeValueAsString(o));
      writeQuarantine(context, line);
      context.getCounter(IngestCounters.QUARANTINED).increment(1);
    }
  }

  protected void writeReview(Context context, Review review) throws IOException, InterruptedException {
    avroKey.datum(review);
    outputs.write(REVIEWS, avroKey, NullWritable.get(), REVIEWS + "/part");
  }

  protected void writeReject(Context context, ReviewReject reject) throws IOException, InterruptedException {
    outputs.write(REJECTS, null, reject, REJECTS + "/part");
  }

  protected void writeQuarantine(Context context, Text jsonLine) throws IOException, InterruptedException {
    outputs.write(QUARANTINE, NullWritable.get(), jsonLine, QUARANTINE_DIR + "/part");
  }

  @Override
  protected void cleanup(Context context) throws IOException, InterruptedException {
    if (outputs != null) {
      outputs.close();
    }
  }
}
