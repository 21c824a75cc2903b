package org.portrait.jobs.profile;

import java.io.IOException;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.avro.mapreduce.AvroMultipleOutputs;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;
import org.portrait.common.profile.ProfileModel;
import org.portrait.common.profile.ReviewScore;
import org.portrait.common.profile.UserEvidence;
import org.portrait.schema.ReviewPrediction;
import org.portrait.schema.TokenizedReview;
import org.portrait.schema.UserProfile;

/**
 * One call per user: streams the user's reviews through a {@link UserEvidence} (bounded memory, no list of
 * reviews), writes the profile (Parquet, main output) and one {@link ReviewPrediction} per review (named output
 * {@value #PREDICTIONS}).
 */
public class ProfileReducer extends Reducer<Text, AvroValue<TokenizedReview>, Void, UserProfile> {
  /** Named output of the review-level predictions. */
  public static final String PREDICTIONS = "pred";
  private ProfileModel model;
  private AvroMultipleOutputs outputs;

  @Override
  protected void setup(Context ctx) throws IOException {
    model = ProfileConf.load(ctx.getConfiguration());
    outputs = new AvroMultipleOutputs(ctx);
  }

  /** For tests: use this model instead of loading one from the configuration. */
  void setModel(ProfileModel m) {
    this.model = m;
  }

  /** Writes the profile to the Parquet main output, whose key is Void (overridden in tests: MRUnit cannot copy it). */
  protected void writeProfile(UserProfile p, Context ctx) throws IOException, InterruptedException {
    ctx.write(null, p);
  }

  /** Writes one review-level prediction to the named side output (overridden in tests). */
  protected void writePrediction(ReviewPrediction p, Context ctx) throws IOException, InterruptedException {
    outputs.write(PREDICTIONS, new AvroKey<>(p), NullWritable.get(), "pred");
  }

  @Override
  protected void reduce(Text user, Iterable<AvroValue<TokenizedReview>> reviews, Context ctx)
      throws IOException, InterruptedException {
    UserEvidence acc = new UserEvidence(model, user.toString());
    for (AvroValue<TokenizedReview> v : reviews) {
      TokenizedReview r = v.datum();
      ReviewScore s = acc.add(r.getReviewId(), r.getTokens(), r.getTs(), 1.0);
      if (s == null) {
        ctx.getCounter(ProfileCounters.REVIEWS_REPEATED).increment(1);
        continue;
      }
      ReviewPrediction p = new ReviewPrediction(r.getReviewId(), r.getUserKey(), r.getSplit(), r.getLabel(),
          r.getCategory(), (float) s.positiveProb, s.predictedCategory);
      writePrediction(p, ctx);
      ctx.getCounter(ProfileCounters.PREDICTIONS_OUT).increment(1);
    }
    UserProfile profile = acc.finish();
    ctx.getCounter(ProfileCounters.USERS).increment(1);
    if ("low".equals(profile.getConfidence())) {
      ctx.getCounter(ProfileCounters.USERS_LOW_CONFIDENCE).increment(1);
    }
    if (profile.getInVocabTokens() == 0) {
      ctx.getCounter(ProfileCounters.USERS_NO_EVIDENCE).increment(1);
    }
    writeProfile(profile, ctx);
  }

  @Override
  protected void cleanup(Context ctx) throws IOException, InterruptedException {
    if (outputs != null) {
      outputs.close();
    }
  }
}
