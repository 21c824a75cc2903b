package org.portrait.jobs.profile;

import java.io.IOException;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;
import org.portrait.schema.TokenizedReview;

/** Keys each tokenized review by its user, so one reduce call sees one user's reviews. */
public class ProfileMapper extends Mapper<AvroKey<TokenizedReview>, NullWritable, Text, AvroValue<TokenizedReview>> {
  private final Text user = new Text();
  private final AvroValue<TokenizedReview> out = new AvroValue<>();

  @Override
  protected void map(AvroKey<TokenizedReview> key, NullWritable value, Context ctx)
      throws IOException, InterruptedException {
    TokenizedReview r = key.datum();
    ctx.getCounter(ProfileCounters.REVIEWS_IN).increment(1);
    if (r == null || r.getUserKey() == null || r.getUserKey().isEmpty()) {
      ctx.getCounter(ProfileCounters.REVIEWS_NO_USER).increment(1);
      return;
    }
    if (r.getTokens() == null || r.getTokens().isEmpty()) {
      ctx.getCounter(ProfileCounters.REVIEWS_EMPTY_TOKENS).increment(1);
    }
    user.set(r.getUserKey());
    out.datum(r);
    ctx.write(user, out);
  }
}
