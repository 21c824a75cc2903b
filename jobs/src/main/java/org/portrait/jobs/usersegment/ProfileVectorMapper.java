package org.portrait.jobs.usersegment;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.mahout.math.DenseVector;
import org.apache.mahout.math.NamedVector;
import org.apache.mahout.math.VectorWritable;
import org.portrait.schema.UserProfile;

/** Turns profiles into Mahout's k-means input (user key → named vector); users without a vector are skipped. */
public class ProfileVectorMapper extends Mapper<Void, UserProfile, Text, VectorWritable> {
  private final Text key = new Text();
  private final VectorWritable out = new VectorWritable();

  @Override
  protected void map(Void k, UserProfile p, Context ctx) throws IOException, InterruptedException {
    ctx.getCounter(UserSegmentCounters.PROFILES_IN).increment(1);
    List<Float> v = p.getVector();
    double[] x = new double[v == null ? 0 : v.size()];
    double norm = 0;
    for (int i = 0; i < x.length; i++) {
      x[i] = v.get(i);
      norm += x[i] * x[i];
    }
    if (norm == 0 || !Double.isFinite(norm)) {
      ctx.getCounter(UserSegmentCounters.PROFILES_NO_VECTOR).increment(1);
      return;
    }
    key.set(p.getUserKey());
    out.set(new NamedVector(new DenseVector(x, true), p.getUserKey()));
    ctx.write(key, out);
    ctx.getCounter(UserSegmentCounters.VECTORS_OUT).increment(1);
  }
}
