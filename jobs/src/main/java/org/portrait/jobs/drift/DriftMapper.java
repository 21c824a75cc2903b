package org.portrait.jobs.drift;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;
import org.portrait.schema.UserProfile;

/**
 * Tags each profile with its day and keeps what the drift figures need (a reduce-side join on the user key).
 * One subclass per input ({@link Today}, {@link Yesterday}, set by MultipleInputs). Never fails on a bad
 * profile: without a user key it is counted (BAD_PROFILES) and dropped; a missing or unusable vector is
 * counted (NO_VECTOR) and sent empty; a missing interest or label becomes {@value #NONE}. The input key
 * (Parquet's, always null) is typed Object so that MRUnit, which cannot copy a null key, can feed a placeholder.
 */
public abstract class DriftMapper extends Mapper<Object, UserProfile, Text, DriftRecord> {
  /** Bin of a profile without top interest, or without sentiment label. */
  public static final String NONE = "none";
  private final Text key = new Text();

  /** Which day this mapper reads. */
  protected abstract byte day();

  /** Mapper of --today. */
  public static class Today extends DriftMapper {
    @Override
    protected byte day() {
      return DriftRecord.TODAY;
    }
  }

  /** Mapper of --yesterday. */
  public static class Yesterday extends DriftMapper {
    @Override
    protected byte day() {
      return DriftRecord.YESTERDAY;
    }
  }

  @Override
  protected void map(Object k, UserProfile p, Context ctx) throws IOException, InterruptedException {
    ctx.getCounter(day() == DriftRecord.TODAY ? DriftCounters.PROFILES_TODAY : DriftCounters.PROFILES_YESTERDAY)
        .increment(1);
    if (p == null || p.getUserKey() == null || p.getUserKey().isEmpty()) {
      ctx.getCounter(DriftCounters.BAD_PROFILES).increment(1);
      return;
    }
    float[] v = vector(p.getVector());
    if (v.length == 0) {
      ctx.getCounter(DriftCounters.NO_VECTOR).increment(1);
    }
    List<String> top = p.getTopInterests();
    String interest = top == null || top.isEmpty() ? NONE : bin(top.get(0));
    Integer segment = p.getSegmentId();
    key.set(p.getUserKey());
    ctx.write(key, new DriftRecord(day(), interest, bin(p.getSentimentLabel()),
        segment == null ? DriftRecord.NO_SEGMENT : segment, v));
  }

  /** The vector, or empty when it is missing, all zeros or not finite (no direction to compare). */
  static float[] vector(List<Float> v) {
    if (v == null) {
      return new float[0];
    }
    float[] x = new float[v.size()];
    double norm = 0;
    for (int i = 0; i < x.length; i++) {
      Float f = v.get(i);
      x[i] = f == null ? Float.NaN : f;
      norm += (double) x[i] * x[i];
    }
    return norm == 0 || !Double.isFinite(norm) ? new float[0] : x;
  }

  /** A category as a bin name: {@value #NONE} when missing; no tab or line break (the partial sums are text). */
  static String bin(CharSequence s) {
    String t = s == null ? "" : s.toString().replaceAll("[\\t\\r\\n]", " ").trim();
    return t.isEmpty() ? NONE : t;
  }
}
