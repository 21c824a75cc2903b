package org.portrait.jobs.drift;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import org.apache.hadoop.io.Writable;

/**
 * What the join needs of one profile: its day, first top interest, sentiment label, segment id and vector.
 * Much smaller than the profile (no keywords, scores, summary) so the shuffle carries little.
 */
public class DriftRecord implements Writable {
  public static final byte TODAY = 0;
  public static final byte YESTERDAY = 1;
  /** Segment id of a profile that has none (not written by a segments run). */
  public static final int NO_SEGMENT = Integer.MIN_VALUE;

  byte day;
  String interest = "";
  String sentiment = "";
  int segment = NO_SEGMENT;
  /** Empty when the profile has no usable vector. */
  float[] vector = new float[0];

  public DriftRecord() {}

  DriftRecord(byte day, String interest, String sentiment, int segment, float[] vector) {
    this.day = day;
    this.interest = interest;
    this.sentiment = sentiment;
    this.segment = segment;
    this.vector = vector;
  }

  DriftRecord copy() {
    return new DriftRecord(day, interest, sentiment, segment, vector.clone());
  }

  @Override
  public void write(DataOutput out) throws IOException {
    out.writeByte(day);
    out.writeUTF(interest);
    out.writeUTF(sentiment);
    out.writeInt(segment);
    out.writeInt(vector.length);
    for (float x : vector) {
      out.writeFloat(x);
    }
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    day = in.readByte();
    interest = in.readUTF();
    sentiment = in.readUTF();
    segment = in.readInt();
    int n = in.readInt();
    vector = new float[n];
    for (int i = 0; i < n; i++) {
      vector[i] = in.readFloat();
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DriftRecord)) {
      return false;
    }
    DriftRecord r = (DriftRecord) o;
    return day == r.day && interest.equals(r.interest) && sentiment.equals(r.sentiment) && segment == r.segment
        && Arrays.equals(vector, r.vector);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(vector) * 31 + interest.hashCode() + segment + day;
  }

  @Override
  public String toString() {
    return day + "/" + interest + "/" + sentiment + "/" + segment + "/" + Arrays.toString(vector);
  }
}
