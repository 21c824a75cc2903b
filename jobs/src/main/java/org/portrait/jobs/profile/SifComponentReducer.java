package org.portrait.jobs.profile;

import java.io.IOException;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;
import org.portrait.common.profile.ProfileModel;
import org.portrait.common.profile.UserEvidence;
import org.portrait.common.profile.VectorMath;
import org.portrait.schema.TokenizedReview;

/**
 * First pass for SIF: builds each user's SIF-weighted mean vector (streaming, as the profile reducer does) and
 * sums their outer products; emits that d×d matrix once per task (one text line) for the driver to take the
 * first principal component of.
 */
public class SifComponentReducer extends Reducer<Text, AvroValue<TokenizedReview>, NullWritable, Text> {
  private ProfileModel model;
  private double[] matrix;

  @Override
  protected void setup(Context ctx) throws IOException {
    model = ProfileConf.load(ctx.getConfiguration());
    model.weighting = ProfileModel.Weighting.SIF;
    model.commonComponent = null;
    int d = model.vectors.dim();
    matrix = new double[d * d];
  }

  @Override
  protected void reduce(Text user, Iterable<AvroValue<TokenizedReview>> reviews, Context ctx) {
    UserEvidence acc = new UserEvidence(model, user.toString());
    for (AvroValue<TokenizedReview> v : reviews) {
      acc.add(v.datum().getReviewId(), v.datum().getTokens(), null, 1.0);
    }
    double[] raw = acc.rawVector();
    if (VectorMath.norm(raw) > 0) {
      VectorMath.addOuter(matrix, raw);
      ctx.getCounter(ProfileCounters.SIF_USERS).increment(1);
    }
  }

  @Override
  protected void cleanup(Context ctx) throws IOException, InterruptedException {
    StringBuilder s = new StringBuilder(matrix.length * 12);
    for (int i = 0; i < matrix.length; i++) {
      s.append(i == 0 ? "" : " ").append(matrix[i]);
    }
    ctx.write(NullWritable.get(), new Text(s.toString()));
  }
}
