package org.portrait.jobs.userstate;

import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.avro.mapreduce.AvroMultipleOutputs;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;
import org.portrait.common.profile.ProfileModel;
import org.portrait.common.profile.ReviewScore;
import org.portrait.common.profile.UserEvidence;
import org.portrait.jobs.profile.ProfileConf;
import org.portrait.schema.ReviewPrediction;
import org.portrait.schema.TokenizedReview;
import org.portrait.schema.UserProfile;
import org.portrait.schema.UserState;

/**
 * One call per user: yesterday's state row (if any), decayed to the as-of day, then the user's reviews of the
 * history days, each weighted by its age; writes the new state row (named output {@value #STATE}), the profile
 * of every user of the state (Parquet main output) and a prediction per review of the as-of day (named output
 * {@value #PREDICTIONS}). When the driver has a history to replace from, a user whose state already counted a
 * review id sent again is not merged: their key goes to {@value #REPLACE} and the replace pass rebuilds them.
 */
public class UserStateReducer extends Reducer<Text, AvroValue<Object>, Void, UserProfile> {
  public static final String STATE = "state";
  public static final String PREDICTIONS = "pred";
  /** Named output of the user keys sent to the replace pass (Avro strings). */
  public static final String REPLACE = "replace";
  private ProfileModel model;
  private AvroMultipleOutputs outputs;
  private LocalDate asOf;
  private double dayFactor;
  private boolean replace;

  @Override
  protected void setup(Context ctx) throws IOException {
    Configuration conf = ctx.getConfiguration();
    if (model == null) {
      model = ProfileConf.load(conf);
    }
    asOf = LocalDate.parse(conf.get(UserStateDriver.AS_OF));
    dayFactor = UserStateDriver.dayFactor(conf);
    replace = conf.getBoolean(UserStateDriver.DEFER_REPEATS, false);
    outputs = new AvroMultipleOutputs(ctx);
  }

  /** For tests: score with this model instead of loading one from the configuration. */
  void setModel(ProfileModel m) {
    this.model = m;
  }

  protected void writeProfile(UserProfile p, Context ctx) throws IOException, InterruptedException {
    ctx.write(null, p);
  }

  protected void writeState(UserState s, Context ctx) throws IOException, InterruptedException {
    outputs.write(STATE, new AvroKey<>(s), NullWritable.get(), "state");
  }

  protected void writeReplace(String user, Context ctx) throws IOException, InterruptedException {
    outputs.write(REPLACE, new AvroKey<>(user), NullWritable.get(), REPLACE);
  }

  protected void writePrediction(ReviewPrediction p, Context ctx) throws IOException, InterruptedException {
    outputs.write(PREDICTIONS, new AvroKey<>(p), NullWritable.get(), "pred");
  }

  @Override
  protected void reduce(Text key, Iterable<AvroValue<Object>> values, Context ctx)
      throws IOException, InterruptedException {
    String user = UserKeyGrouping.user(key);
    UserEvidence e = null;
    boolean carried = false;
    boolean deferred = false;
    long reviewValues = 0;
    // Counted per user and added at the end: a user sent to the replace pass adds nothing here.
    long today = 0;
    long fromHistory = 0;
    long repeated = 0;
    long tokensOfDay = 0;
    long inVocabOfDay = 0;
    List<ReviewPrediction> predictions = new ArrayList<>();
    // Hadoop updates key as the values advance: it names the value's tag (state, or a review and its age).
    for (AvroValue<Object> v : values) {
      Object datum = v.datum();
      if (datum instanceof UserState s) {
        e = UserEvidence.fromState(model, s);
        long days = ChronoUnit.DAYS.between(LocalDate.parse(s.getAsOf()), asOf);
        e.decay(Math.pow(dayFactor, Math.max(0, days)));
        carried = true;
        continue;
      }
      reviewValues++;
      if (deferred) {
        continue;
      }
      if (e == null) {
        e = new UserEvidence(model, user);
      }
      TokenizedReview r = (TokenizedReview) datum;
      if (replace && carried && e.counted(r.getReviewId())) {
        // An exact merge cannot take back the earlier copy's evidence: rebuild this user from history.
        deferred = true;
        continue;
      }
      int age = UserKeyGrouping.age(key);
      long tokensBefore = e.tokens();
      long inVocabBefore = e.inVocabTokens();
      ReviewScore s = e.add(r.getReviewId(), r.getTokens(), r.getTs(), Math.pow(dayFactor, age));
      if (s == null) {
        repeated++;
        continue;
      }
      if (age > 0) {
        fromHistory++;
        continue;
      }
      today++;
      tokensOfDay += e.tokens() - tokensBefore;
      inVocabOfDay += e.inVocabTokens() - inVocabBefore;
      predictions.add(new ReviewPrediction(r.getReviewId(), r.getUserKey(), r.getSplit(), r.getLabel(),
          r.getCategory(), (float) s.positiveProb, s.predictedCategory));
    }
    if (deferred) {
      ctx.getCounter(UserStateCounters.STATES_DEFERRED).increment(1);
      ctx.getCounter(UserStateCounters.REVIEWS_DEFERRED).increment(reviewValues);
      writeReplace(user, ctx);
      return;
    }
    ctx.getCounter(carried ? UserStateCounters.STATES_CARRIED : UserStateCounters.USERS_NEW).increment(1);
    ctx.getCounter(UserStateCounters.REVIEWS_REPEATED).increment(repeated);
    ctx.getCounter(UserStateCounters.REVIEWS_FROM_HISTORY).increment(fromHistory);
    ctx.getCounter(UserStateCounters.REVIEWS_TODAY).increment(today);
    ctx.getCounter(UserStateCounters.TOKENS_OF_DAY).increment(tokensOfDay);
    ctx.getCounter(UserStateCounters.IN_VOCAB_TOKENS_OF_DAY).increment(inVocabOfDay);
    for (ReviewPrediction p : predictions) {
      writePrediction(p, ctx);
    }
    ctx.getCounter(UserStateCounters.PREDICTIONS_OUT).increment(predictions.size());
    writeState(e.toState(asOf.toString()), ctx);
    UserProfile p = e.finish();
    ctx.getCounter(UserStateCounters.USERS).increment(1);
    if ("low".equals(p.getConfidence())) {
      ctx.getCounter(UserStateCounters.USERS_LOW_CONFIDENCE).increment(1);
    }
    if (!p.getTopInterests().isEmpty()) {
      ctx.getCounter(UserStateCounters.USERS_WITH_INTEREST).increment(1);
    }
    if (p.getInVocabTokens() == 0) {
      ctx.getCounter(UserStateCounters.USERS_NO_EVIDENCE).increment(1);
    }
    writeProfile(p, ctx);
  }

  @Override
  protected void cleanup(Context ctx) throws IOException, InterruptedException {
    if (outputs != null) {
      outputs.close();
    }
  }
}
