package org.portrait.jobs.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.portrait.common.UserSplit;
import org.portrait.common.config.UserError;
import org.portrait.common.csv.Csv;
import org.portrait.common.ingest.RejectReason;
import org.portrait.common.privacy.Pseudonymizer;
import org.portrait.common.text.PiiKind;
import org.portrait.common.text.PiiMasker;
import org.portrait.schema.Review;

/**
 * Turns one decoded input record into a {@link Review} or a reject reason; no Hadoop here. The user id is
 * pseudonymised at once and its split computed from the raw id, so the raw id leaves this class nowhere. The
 * text is cleaned ({@link TextCleaner}) and PII-masked ({@link PiiMasker#maskRaw}) before anything else sees it,
 * so neither the review nor a reject row holds it unmasked. A record without a review id gets {@code h-} + the
 * first 20 hex digits of SHA-256(user key, LF, masked text): stable across reruns, and the same text posted
 * twice by one user becomes a duplicate.
 */
public final class ReviewParser {

  /** Input column (CSV/TSV header name or JSON/Avro field name) of each Review field. */
  public static final class Columns {
    public String userId = "user_id";
    public String reviewId = "review_id";
    public String text = "text";
    public String ts = "ts";
    public String category = "category";
    public String label = "label";
  }

  /**
   * A parsed record: {@link #review} when accepted, else {@link #reason} and {@link #detail}, with the
   * {@link #userKey} (pseudonym) and masked {@link #text} as far as they could be read (else null).
   */
  public static final class Outcome {
    public final Review review;
    public final RejectReason reason;
    public final String detail;
    public final String userKey;
    public final String text;

    private Outcome(Review review, RejectReason reason, String detail, String userKey, String text) {
      this.review = review;
      this.reason = reason;
      this.detail = detail;
      this.userKey = userKey;
      this.text = text;
    }

    static Outcome reject(RejectReason reason, String detail) {
      return new Outcome(null, reason, detail, null, null);
    }

    static Outcome reject(RejectReason reason, String detail, String userKey, String text) {
      return new Outcome(null, reason, detail, userKey, text);
    }

    public boolean accepted() {
      return review != null;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern QUOTED_TOKEN = Pattern.compile("'[^']{3,}'");
  private final Columns columns;
  private final Pseudonymizer pseudonymizer;
  private final double testShare;
  private final int maxTextChars;
  private final TimestampParser timestamps;
  private final MessageDigest sha256;
  private final PiiMasker masker = new PiiMasker();
  private final long[] piiCounts = new long[PiiKind.values().length];
  private Map<String, Integer> headerIndex;
  private int headerSize;

  public ReviewParser(Columns columns, Pseudonymizer pseudonymizer, double testShare, int maxTextChars,
      TimestampParser timestamps) {
    this.columns = columns;
    this.pseudonymizer = pseudonymizer;
    this.testShare = testShare;
    this.maxTextChars = maxTextChars;
    this.timestamps = timestamps;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sets the header of a delimited file; a UserError when the user id or text column is
   * missing (a configuration error that would reject every row).
   */
  public void setHeader(List<String> header) {
    Map<String, Integer> idx = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      idx.putIfAbsent(TextCleaner.clean(header.get(i)), i);
    }
    for (String required : new String[] {columns.userId, columns.text}) {
      if (!idx.containsKey(required)) {
        throw new UserError("header " + header + " has no column '" + required
            + "' (map columns with " + IngestDriver.COLUMN_PREFIX + "<field>)");
      }
    }
    headerIndex = idx;
    headerSize = header.size();
  }

  public boolean hasHeader() {
    return headerIndex != null;
  }

  /** PII masked so far, per {@link PiiKind#ordinal()} (texts and reject details of every record parsed). */
  public long[] piiCounts() {
    return piiCounts;
  }

  /** {@code s} PII-masked (counted); for reject details, which may quote input values. */
  public String mask(String s) {
    return masker.maskRaw(s, piiCounts);
  }

  /** One CSV/TSV record (after the header). */
  public Outcome parseDelimited(String record, char delimiter) {
    List<String> fields;
    try {
      fields = Csv.parse(record, delimiter);
    } catch (Csv.MalformedRecordException e) {
      return Outcome.reject(RejectReason.MALFORMED, e.getMessage());
    }
    if (fields.size() != headerSize) {
      return Outcome.reject(RejectReason.WRONG_COLUMN_COUNT,
          "expected " + headerSize + " fields, found " + fields.size());
    }
    return fromFields(name -> {
      Integer i = headerIndex.get(name);
      return i == null ? null : fields.get(i);
    });
  }

  /** One JSON object (a JSON Lines line, or an Avro record rendered as JSON). */
  public Outcome parseJson(String record) {
    JsonNode node;
    try {
      node = JSON.readTree(record);
    } catch (JsonProcessingException e) {
      // Jackson quotes the offending token, which may be any input value (a raw user id): keep short ones only.
      return Outcome.reject(RejectReason.MALFORMED,
          mask("bad JSON: " + QUOTED_TOKEN.matcher(e.getOriginalMessage()).replaceAll("'...'")));
    }
    if (node == null || !node.isObject()) {
      return Outcome.reject(RejectReason.MALFORMED, "not a JSON object");
    }
    return fromFields(name -> {
      JsonNode v = node.get(name);
      if (v == null || v.isNull()) {
        return null;
      }
      return v.isValueNode() ? v.asText() : v.toString();
    });
  }

  /** Validates and builds the review from a field lookup (input column name to raw value, null if absent). */
  public Outcome fromFields(Function<String, String> field) {
    String rawUser = trimToNull(field.apply(columns.userId));
    String userKey = rawUser == null ? null : pseudonymizer.pseudonym(rawUser);
    String cleaned = TextCleaner.clean(field.apply(columns.text));
    String text = masker.maskRaw(cleaned, piiCounts);
    if (rawUser == null) {
      return Outcome.reject(RejectReason.MISSING_USER_ID, "no value in column '" + columns.userId + "'", null,
          text);
    }
    if (text == null || text.isEmpty()) {
      return Outcome.reject(RejectReason.EMPTY_TEXT, "no text in column '" + columns.text + "'", userKey, null);
    }
    // The limit applies to the text as written, not to its masked form.
    int chars = cleaned.codePointCount(0, cleaned.length());
    if (chars > maxTextChars) {
      return Outcome.reject(RejectReason.TEXT_TOO_LONG,
          chars + " characters, limit " + maxTextChars + " (" + IngestDriver.MAX_TEXT_CHARS + ")", userKey, text);
    }
    Long ts;
    try {
      ts = timestamps.parse(field.apply(columns.ts));
    } catch (DateTimeException e) {
      return Outcome.reject(RejectReason.BAD_TIMESTAMP, mask(e.getMessage()), userKey, text);
    }
    Integer label;
    try {
      label = label(field.apply(columns.label));
    } catch (IllegalArgumentException e) {
      return Outcome.reject(RejectReason.MALFORMED, mask(e.getMessage()), userKey, text);
    }
    String category = trimToNull(TextCleaner.clean(field.apply(columns.category)));
    String reviewId = trimToNull(TextCleaner.clean(field.apply(columns.reviewId)));
    if (reviewId == null) {
      reviewId = derivedId(userKey, text);
    }
    Review r = Review.newBuilder()
        .setReviewId(reviewId)
        .setUserKey(userKey)
        .setTs(ts)
        .setCategory(category)
        .setLabel(label)
        .setSplit(UserSplit.of(rawUser, testShare))
        .setText(text)
        .build();
    return new Outcome(r, null, null, userKey, text);
  }

  /** The id of a record that has none: see the class comment. */
  String derivedId(String userKey, String text) {
    sha256.reset();
    byte[] d = sha256.digest((userKey + "\n" + text).getBytes(StandardCharsets.UTF_8));
    StringBuilder sb = new StringBuilder("h-");
    for (int i = 0; i < 10; i++) {
      sb.append(String.format(Locale.ROOT, "%02x", d[i] & 0xff));
    }
    return sb.toString();
  }

  /** 1/0, true/false, positive/negative, pos/neg; blank is null; anything else an IllegalArgumentException. */
  static Integer label(String v) {
    String s = trimToNull(v);
    if (s == null) {
      return null;
    }
    switch (s.toLowerCase(Locale.ROOT)) {
      case "1": case "1.0": case "true": case "positive": case "pos":
        return 1;
      case "0": case "0.0": case "false": case "negative": case "neg":
        return 0;
      default:
        throw new IllegalArgumentException("bad label '" + (s.length() > 20 ? s.substring(0, 20) + "..." : s)
            + "' (expected 1/0, true/false, positive/negative)");
    }
  }

  private static String trimToNull(String s) {
    if (s == null) {
      return null;
    }
    String t = s.trim();
    return t.isEmpty() ? null : t;
  }
}
