package org.portrait.jobs.userstate;

import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.portrait.common.io.AvroFiles;
import org.portrait.schema.TokenizedReview;
import org.portrait.schema.UserState;

/**
 * Keys yesterday's state rows and the reviews of the history days by user. The key is
 * {@code user \u0001 tag}: the state row sorts first ({@value #STATE_TAG}), then reviews newest day first, so
 * when the history holds a review id twice the reducer counts the newest copy (a re-delivered review replaces the
 * earlier one). The tag also carries the review's age in days (its decay weight). In a replace pass
 * ({@link UserStateDriver#REPLACE_USERS} set) only the listed users' reviews pass.
 */
public class UserStateMapper extends Mapper<AvroKey<Object>, NullWritable, Text, AvroValue<Object>> {
  static final char SEPARATOR = '\u0001';
  static final String STATE_TAG = "A";
  static final String REVIEW_TAG = "B";
  /** Ages are written with five digits, so newer reviews sort first; older ones count as this age. */
  static final int MAX_AGE = 99999;

  private final Text key = new Text();
  private final AvroValue<Object> out = new AvroValue<>();
  private LocalDate asOf;
  private Integer fileAge;
  private Path filePath;
  private Set<String> onlyUsers;

  @Override
  protected void setup(Context ctx) throws IOException {
    asOf = LocalDate.parse(ctx.getConfiguration().get(UserStateDriver.AS_OF));
    String replace = ctx.getConfiguration().get(UserStateDriver.REPLACE_USERS);
    if (replace != null) {
      onlyUsers = new HashSet<>();
      // Bounded by portrait.state.max-replaced-users: the driver rebuilds everyone instead beyond it.
      onlyUsers.addAll(AvroFiles.readStrings(ctx.getConfiguration(), new Path(replace)));
    }
  }

  @Override
  protected void map(AvroKey<Object> record, NullWritable value, Context ctx) throws IOException, InterruptedException {
    Object datum = record.datum();
    if (datum instanceof UserState s) {
      ctx.getCounter(UserStateCounters.STATES_IN).increment(1);
      key.set(s.getUserKey() + SEPARATOR + STATE_TAG);
      out.datum(s);
      ctx.write(key, out);
      return;
    }
    TokenizedReview r = (TokenizedReview) datum;
    ctx.getCounter(UserStateCounters.REVIEWS_IN).increment(1);
    int age = age(ctx);
    if (age == 0) {
      ctx.getCounter(UserStateCounters.REVIEWS_IN_OF_DAY).increment(1);
    }
    if (r.getUserKey() == null || r.getUserKey().isEmpty()) {
      ctx.getCounter(UserStateCounters.REVIEWS_NO_USER).increment(1);
      return;
    }
    if (onlyUsers != null && !onlyUsers.contains(r.getUserKey().toString())) {
      ctx.getCounter(UserStateCounters.REVIEWS_NOT_REPLACED).increment(1);
      return;
    }
    if (age < 0) {
      ctx.getCounter(UserStateCounters.REVIEWS_FUTURE).increment(1);
      return;
    }
    key.set(r.getUserKey() + SEPARATOR + REVIEW_TAG + String.format(Locale.ROOT, "%05d", Math.min(age, MAX_AGE)));
    out.datum(r);
    ctx.write(key, out);
  }

  /** Days between the review's history day (the dt= folder its file lies in) and the as-of day. */
  private int age(Context ctx) {
    Path p = ctx.getInputSplit() instanceof FileSplit fs ? fs.getPath() : null;
    if (fileAge == null || p == null || !p.equals(filePath)) {
      filePath = p;
      LocalDate day = dayOf(p);
      fileAge = day == null ? null : (int) ChronoUnit.DAYS.between(day, asOf);
    }
    if (fileAge == null) {
      ctx.getCounter(UserStateCounters.REVIEWS_UNDATED).increment(1);
      return 0;
    }
    return fileAge;
  }

  /** The date of the nearest {@code dt=yyyy-MM-dd} folder above {@code p}, or null. */
  static LocalDate dayOf(Path p) {
    for (Path q = p; q != null; q = q.getParent()) {
      String n = q.getName();
      if (n.startsWith("dt=")) {
        try {
          return LocalDate.parse(n.substring(3));
        } catch (java.time.format.DateTimeParseException e) {
          return null;
        }
      }
    }
    return null;
  }
}
