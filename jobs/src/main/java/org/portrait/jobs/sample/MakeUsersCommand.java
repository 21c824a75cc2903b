package org.portrait.jobs.sample;

import org.portrait.common.config.UserError;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.portrait.common.UserSplit;
import org.portrait.common.io.AtomicOutput;
import org.portrait.jobs.CliArgs;
import org.portrait.jobs.PortraitTool;

/**
 * {@code make-users}: synthetic users from a labelled review corpus (see {@link UserGenerator}). Not a MapReduce
 * job: the corpus is small and the draw is sequential. Writes DIR/reviews.csv and DIR/truth.csv atomically.
 */
public class MakeUsersCommand extends PortraitTool {

  @Override
  public String command() {
    return "make-users";
  }

  @Override
  public String usage() {
    return String.join("\n",
        "usage: make-users --input CORPUS.csv --output DIR [options]",
        "  Forms synthetic users from a labelled review CSV (header cat,label,review) by the synthetic-user protocol (README, Evaluation)",
        "  and writes DIR/reviews.csv (review_id,user_id,ts,category,label,text) and DIR/truth.csv",
        "  (user_id,split,interests,sentiment). Same seed and options give byte-identical files.",
        "  --seed N           random seed (default 1)",
        "  --users N          users to make (default 300); stops early, with a message, when reviews run out",
        "  --min-reviews N    fewest reviews per user (default 20)",
        "  --max-reviews N    most reviews per user (default 60)",
        "  --test-share X     share of users in the test split (default " + UserSplit.DEFAULT_TEST_SHARE + ")",
        "  --from YYYY-MM-DD  first day of the timestamp range (default 2024-01-01)",
        "  --to YYYY-MM-DD    day after the last day of the range, exclusive (default 2025-01-01)",
        "  --require-all      fail (exit 1) instead of writing fewer users when supply runs out");
  }

  @Override
  protected List<String> options() {
    return List.of("input", "output", "seed", "users", "min-reviews", "max-reviews", "test-share", "from", "to");
  }

  @Override
  protected List<String> flags() {
    return List.of("require-all");
  }

  @Override
  protected int run(CliArgs args) throws Exception {
    UserGenerator.Options o = new UserGenerator.Options();
    o.seed = args.getLong("seed", o.seed);
    o.users = args.getInt("users", o.users);
    o.minReviews = args.getInt("min-reviews", o.minReviews);
    o.maxReviews = args.getInt("max-reviews", o.maxReviews);
    o.testShare = args.getDouble("test-share", o.testShare);
    o.from = day(args.get("from", null), o.from);
    o.to = day(args.get("to", null), o.to);
    UserGenerator.Stats s;
    try {
      s = run(getConf(), new Path(args.require("input")), new Path(args.require("output")), o,
          args.has("require-all"));
    } catch (IllegalStateException e) {
      System.err.println(e.getMessage());
      return 1;
    }
    System.out.println("make-users: " + s);
    return 0;
  }

  private static Instant day(String v, Instant fallback) {
    if (v == null) {
      return fallback;
    }
    try {
      return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      throw new UserError("bad date " + v + " (expected YYYY-MM-DD)");
    }
  }

  /**
   * Typed entry point. With {@code requireAll}, running out of supply fails without writing anything;
   * otherwise the users made so far are written and the shortfall is reported on stderr.
   */
  public static UserGenerator.Stats run(Configuration conf, Path input, Path output, UserGenerator.Options o,
      boolean requireAll) throws Exception {
    FileSystem inFs = input.getFileSystem(conf);
    if (!inFs.exists(input)) {
      throw new UserError("input not found: " + input);
    }
    AtomicOutput out = AtomicOutput.begin(conf, output);
    FileSystem fs = out.tempPath().getFileSystem(conf);
    // Plain files for people to open and edit: no hidden .crc beside them on the local file system (an edited
    // CSV would then fail Hadoop's checksum check when read back).
    FileSystem files = fs instanceof ChecksumFileSystem ? ((ChecksumFileSystem) fs).getRawFileSystem() : fs;
    UserGenerator.Stats s;
    try {
      fs.mkdirs(out.tempPath());
      try (BufferedReader in = new BufferedReader(new InputStreamReader(inFs.open(input), StandardCharsets.UTF_8));
           Writer reviews = new BufferedWriter(new OutputStreamWriter(
               files.create(new Path(out.tempPath(), "reviews.csv")), StandardCharsets.UTF_8), 1 << 16);
           Writer truth = new BufferedWriter(new OutputStreamWriter(
               files.create(new Path(out.tempPath(), "truth.csv")), StandardCharsets.UTF_8))) {
        s = UserGenerator.generate(in, reviews, truth, o);
      }
      if (s.supplyExhausted) {
        String msg = "make-users: review supply exhausted: made " + s.usersMade + " of " + s.usersRequested
            + " users (" + s.corpusSize + " usable reviews)";
        if (requireAll) {
          out.abort();
          throw new IllegalStateException(msg);
        }
        System.err.println(msg);
      }
      out.commit();
    } catch (Exception e) {
      out.abort();
      throw e;
    }
    return s;
  }
}
