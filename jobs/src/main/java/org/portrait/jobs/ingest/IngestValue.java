package org.portrait.jobs.ingest;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Objects;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableUtils;
import org.portrait.common.ingest.RejectReason;
import org.portrait.schema.Review;
import org.portrait.schema.ReviewReject;

/**
 * Map output of ingest: an accepted review or a reject, with where it came from. A reject carries the user key
 * (pseudonym) and masked text as far as they could be read. The (truncated) raw record travels only when the
 * run keeps a quarantine (else it is empty), on accepted reviews too, because the reducer may still reject them
 * as duplicates.
 */
public final class IngestValue implements Writable {
  private String source = "";
  private long position;
  private String raw = "";
  /** Null for an accepted review. */
  private RejectReason reason;
  private String detail;
  /** Of a reject (an accepted review has them in {@link #review}); null when unknown. */
  private String userKey;
  private String text;
  private Review review;

  public IngestValue() {}

  public static IngestValue accepted(String source, long position, String raw, Review review) {
    IngestValue v = new IngestValue();
    v.source = source;
    v.position = position;
    v.raw = raw == null ? "" : raw;
    v.review = review;
    return v;
  }

  /** A reject; {@code userKey} and {@code text} (already masked) may be null, {@code raw} empty or null. */
  public static IngestValue rejected(String source, long position, String raw, RejectReason reason, String detail,
      String userKey, String text) {
    IngestValue v = new IngestValue();
    v.source = source;
    v.position = position;
    v.raw = raw == null ? "" : raw;
    v.reason = reason;
    v.detail = detail;
    v.userKey = userKey;
    v.text = text;
    return v;
  }

  public boolean isAccepted() {
    return reason == null;
  }

  public Review review() {
    return review;
  }

  public RejectReason reason() {
    return reason;
  }

  public String source() {
    return source;
  }

  public long position() {
    return position;
  }

  /** The raw record (truncated), for the quarantine; empty when the run keeps none. */
  public String raw() {
    return raw;
  }

  /**
   * The reject row for this record (with {@code reason} overriding its own, e.g. for a duplicate): the user key
   * and masked text, never the raw record.
   */
  public ReviewReject toReject(RejectReason why, String why2) {
    return ReviewReject.newBuilder().setReason(why.name()).setDetail(why2).setSource(source)
        .setPosition(position)
        .setUserKey(review != null ? review.getUserKey() : userKey)
        .setText(review != null ? review.getText() : text).build();
  }

  public ReviewReject toReject() {
    return toReject(reason, detail);
  }

  /** {@code s} cut to {@code max} characters, marked; null stays null. */
  static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max) + "...[truncated]";
  }

  /** Deterministic precedence among records with the same review id: by source path, then position. */
  public boolean before(IngestValue o) {
    int c = source.compareTo(o.source);
    return c != 0 ? c < 0 : position < o.position;
  }

  public IngestValue copy() {
    IngestValue v = new IngestValue();
    v.source = source;
    v.position = position;
    v.raw = raw;
    v.reason = reason;
    v.detail = detail;
    v.userKey = userKey;
    v.text = text;
    v.review = review == null ? null : Review.newBuilder(review).build();
    return v;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    Text.writeString(out, source);
    WritableUtils.writeVLong(out, position);
    Text.writeString(out, raw);
    if (reason != null) {
      out.writeByte(1 + reason.ordinal());
      writeNullable(out, detail);
      writeNullable(out, userKey);
      writeNullable(out, text);
      return;
    }
    out.writeByte(0);
    Text.writeString(out, review.getReviewId());
    Text.writeString(out, review.getUserKey());
    out.writeBoolean(review.getTs() != null);
    if (review.getTs() != null) {
      out.writeLong(review.getTs());
    }
    writeNullable(out, review.getCategory());
    out.writeByte(review.getLabel() == null ? -1 : review.getLabel());
    Text.writeString(out, review.getSplit());
    Text.writeString(out, review.getText());
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    source = Text.readString(in);
    position = WritableUtils.readVLong(in);
    raw = Text.readString(in);
    int kind = in.readByte();
    if (kind > 0) {
      reason = RejectReason.values()[kind - 1];
      detail = readNullable(in);
      userKey = readNullable(in);
      text = readNullable(in);
      review = null;
      return;
    }
    reason = null;
    detail = null;
    userKey = null;
    text = null;
    String id = Text.readString(in);
    String user = Text.readString(in);
    Long ts = in.readBoolean() ? in.readLong() : null;
    String category = readNullable(in);
    int label = in.readByte();
    String split = Text.readString(in);
    String text = Text.readString(in);
    review = Review.newBuilder().setReviewId(id).setUserKey(user).setTs(ts).setCategory(category)
        .setLabel(label < 0 ? null : label).setSplit(split).setText(text).build();
  }

  private static void writeNullable(DataOutput out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      Text.writeString(out, s);
    }
  }

  private static String readNullable(DataInput in) throws IOException {
    return in.readBoolean() ? Text.readString(in) : null;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof IngestValue)) {
      return false;
    }
    IngestValue v = (IngestValue) o;
    return position == v.position && source.equals(v.source) && raw.equals(v.raw) && reason == v.reason
        && Objects.equals(detail, v.detail) && Objects.equals(userKey, v.userKey) && Objects.equals(text, v.text)
        && Objects.equals(review, v.review);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, position, reason, review);
  }

  @Override
  public String toString() {
    return (reason == null ? "ACCEPTED " + review : reason + " (" + detail + ")") + " @" + source + ":" + position;
  }
}
