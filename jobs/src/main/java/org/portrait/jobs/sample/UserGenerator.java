package org.portrait.jobs.sample;

import org.portrait.common.config.UserError;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.portrait.common.UserSplit;
import org.portrait.common.csv.Csv;
import org.portrait.common.csv.CsvReader;

/**
 * Synthetic users from a labelled review corpus ({@code cat,label,review}), following the synthetic-user protocol of
 * the README: de-duplicated texts; 1-3 interest categories per user drawn in proportion to the categories'
 * remaining supply, with Dirichlet(1) weights; min..max reviews per user, 80% from the interests by weight and 20%
 * from the whole remaining pool; no review used twice; truth = interests with weights and majority sentiment.
 * Everything comes from one seeded {@link Random} and sorted maps, so the same seed gives byte-identical output.
 */
public final class UserGenerator {
  static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  /** Share of a user's reviews drawn from its interest categories. */
  static final double INTEREST_SHARE = 0.8;

  /** Generator settings. */
  public static final class Options {
    public long seed = 1;
    public int users = 300;
    public int minReviews = 20;
    public int maxReviews = 60;
    public double testShare = UserSplit.DEFAULT_TEST_SHARE;
    /** Timestamps are uniform in [from, to). */
    public Instant from = Instant.parse("2024-01-01T00:00:00Z");
    public Instant to = Instant.parse("2025-01-01T00:00:00Z");

    void validate() {
      if (users < 0 || minReviews < 1 || maxReviews < minReviews) {
        throw new UserError("need users >= 0 and 1 <= min-reviews <= max-reviews");
      }
      if (testShare < 0 || testShare > 1) {
        throw new UserError("test-share must be in [0,1]");
      }
      if (!to.isAfter(from)) {
        throw new UserError("date range is empty: " + from + " .. " + to);
      }
    }
  }

  /** One corpus review after de-duplication; {@code id} is its index in the de-duplicated corpus. */
  record Item(int id, String category, int label, String text) {}

  /** What a run did. */
  public static final class Stats {
    public long rowsRead;
    public long emptyDropped;
    public long duplicatesDropped;
    public long badRows;
    public int corpusSize;
    public int usersRequested;
    public int usersMade;
    public long reviewsUsed;
    /** Interest draws that found their category empty and fell back to the remaining pool. */
    public long fallbackDraws;
    public boolean supplyExhausted;

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "rows read %d, empty dropped %d, duplicate texts dropped %d, bad rows %d,"
          + " corpus %d; users %d of %d requested, reviews used %d, fallback draws %d%s", rowsRead, emptyDropped,
          duplicatesDropped, badRows, corpusSize, usersMade, usersRequested, reviewsUsed, fallbackDraws,
          supplyExhausted ? " (SUPPLY EXHAUSTED: stopped early)" : "");
    }
  }

  private UserGenerator() {}

  /** Reads the corpus, de-duplicates it, and keeps the first occurrence of every non-empty text. */
  static List<Item> readCorpus(Reader in, Stats stats) throws IOException {
    List<Item> items = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try (CsvReader csv = new CsvReader(in, ',')) {
      String raw = csv.nextRaw();
      if (raw == null) {
        throw new UserError("input is empty (expected header cat,label,review)");
      }
      List<String> header = parseOrFail(raw);
      int cat = header.indexOf("cat");
      int label = header.indexOf("label");
      int review = header.indexOf("review");
      if (cat < 0 || label < 0 || review < 0) {
        throw new UserError("input header must have cat,label,review; got " + header);
      }
      while ((raw = csv.nextRaw()) != null) {
        stats.rowsRead++;
        List<String> f;
        try {
          f = Csv.parse(raw, ',');
        } catch (Csv.MalformedRecordException e) {
          stats.badRows++;
          continue;
        }
        if (f.size() != header.size() || !(f.get(label).trim().equals("0") || f.get(label).trim().equals("1"))
            || f.get(cat).trim().isEmpty()) {
          stats.badRows++;
          continue;
        }
        String text = f.get(review).replace(String.valueOf(Csv.BOM), "").trim();
        if (text.isEmpty()) {
          stats.emptyDropped++;
        } else if (!seen.add(text)) {
          stats.duplicatesDropped++;
        } else {
          items.add(new Item(items.size(), f.get(cat).trim(), Integer.parseInt(f.get(label).trim()), text));
        }
      }
    }
    stats.corpusSize = items.size();
    return items;
  }

  private static List<String> parseOrFail(String raw) {
    try {
      return Csv.parse(raw, ',');
    } catch (Csv.MalformedRecordException e) {
      throw new UserError("bad header: " + e.getMessage());
    }
  }

  /** Runs the protocol: reads {@code corpus}, writes reviews.csv and truth.csv content; returns what it did. */
  public static Stats generate(Reader corpus, Writer reviews, Writer truth, Options o) throws IOException {
    o.validate();
    Stats stats = new Stats();
    stats.usersRequested = o.users;
    List<Item> items = readCorpus(corpus, stats);
    Random rnd = new Random(o.seed);
    // Per category, the unused reviews in random order; drawing = taking from the end.
    TreeMap<String, List<Item>> pool = new TreeMap<>();
    for (Item it : items) {
      pool.computeIfAbsent(it.category(), k -> new ArrayList<>()).add(it);
    }
    for (List<Item> l : pool.values()) {
      Collections.shuffle(l, rnd);
    }
    int remaining = items.size();
    reviews.write("review_id,user_id,ts,category,label,text\n");
    truth.write("user_id,split,interests,sentiment\n");
    long span = o.to.getEpochSecond() - o.from.getEpochSecond();
    for (int u = 0; u < o.users; u++) {
      int n = o.minReviews + rnd.nextInt(o.maxReviews - o.minReviews + 1);
      if (n > remaining) {
        stats.supplyExhausted = true;
        break;
      }
      String userId = String.format(Locale.ROOT, "u%05d", u + 1);
      int k = Math.min(1 + rnd.nextInt(3), nonEmpty(pool));
      List<String> interests = new ArrayList<>();
      for (int i = 0; i < k; i++) {
        interests.add(drawCategory(pool, interests, rnd));
      }
      double[] w = dirichlet1(k, rnd);
      List<Item> mine = new ArrayList<>(n);
      for (int r = 0; r < n; r++) {
        String c = null;
        if (rnd.nextDouble() < INTEREST_SHARE) {
          c = interests.get(pick(w, rnd));
          if (pool.get(c).isEmpty()) {
            stats.fallbackDraws++;
            c = null;
          }
        }
        if (c == null) {
          c = drawCategory(pool, List.of(), rnd);
        }
        List<Item> l = pool.get(c);
        mine.add(l.remove(l.size() - 1));
        remaining--;
      }
      long[] ts = new long[n];
      for (int r = 0; r < n; r++) {
        ts[r] = o.from.getEpochSecond() + (long) (rnd.nextDouble() * span);
      }
      java.util.Arrays.sort(ts);
      int positive = 0;
      for (int r = 0; r < n; r++) {
        Item it = mine.get(r);
        positive += it.label();
        reviews.write("r" + it.id() + "," + userId + "," + TS.format(Instant.ofEpochSecond(ts[r])) + ","
            + Csv.quote(it.category(), ',') + "," + it.label() + "," + Csv.quote(it.text(), ',') + "\n");
      }
      // Ties (equal counts) count as positive: a fixed, documented rule.
      String sentiment = 2 * positive >= n ? "positive" : "negative";
      truth.write(userId + "," + UserSplit.of(userId, o.testShare) + "," + Csv.quote(interestString(interests, w), ',')
          + "," + sentiment + "\n");
      stats.usersMade++;
      stats.reviewsUsed += n;
    }
    return stats;
  }

  /** {@code cat:weight|cat:weight}, heaviest first, 4 decimals, the last weight adjusted so they sum to 1. */
  static String interestString(List<String> cats, double[] w) {
    Integer[] order = new Integer[cats.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> w[a] != w[b] ? Double.compare(w[b], w[a]) : cats.get(a).compareTo(cats.get(b)));
    StringBuilder sb = new StringBuilder();
    long sum = 0;
    for (int i = 0; i < order.length; i++) {
      long v = i == order.length - 1 ? 10000 - sum : Math.round(w[order[i]] * 10000);
      sum += v;
      if (i > 0) {
        sb.append('|');
      }
      sb.append(cats.get(order[i])).append(':').append(String.format(Locale.ROOT, "%d.%04d", v / 10000, v % 10000));
    }
    return sb.toString();
  }

  private static int nonEmpty(Map<String, List<Item>> pool) {
    int c = 0;
    for (List<Item> l : pool.values()) {
      c += l.isEmpty() ? 0 : 1;
    }
    return c;
  }

  /** A category not in {@code exclude}, with probability proportional to its remaining supply. */
  private static String drawCategory(TreeMap<String, List<Item>> pool, List<String> exclude, Random rnd) {
    long total = 0;
    for (Map.Entry<String, List<Item>> e : pool.entrySet()) {
      if (!exclude.contains(e.getKey())) {
        total += e.getValue().size();
      }
    }
    long x = (long) (rnd.nextDouble() * total);
    String last = null;
    for (Map.Entry<String, List<Item>> e : pool.entrySet()) {
      if (exclude.contains(e.getKey()) || e.getValue().isEmpty()) {
        continue;
      }
      last = e.getKey();
      x -= e.getValue().size();
      if (x < 0) {
        return last;
      }
    }
    if (last == null) {
      throw new IllegalStateException("no category has supply left");
    }
    return last;
  }

  /** Dirichlet(1,...,1): normalised Exp(1) draws. */
  static double[] dirichlet1(int k, Random rnd) {
    double[] w = new double[k];
    double s = 0;
    for (int i = 0; i < k; i++) {
      w[i] = -Math.log(1 - rnd.nextDouble());
      s += w[i];
    }
    for (int i = 0; i < k; i++) {
      w[i] /= s;
    }
    return w;
  }

  private static int pick(double[] w, Random rnd) {
    double x = rnd.nextDouble();
    for (int i = 0; i < w.length - 1; i++) {
      x -= w[i];
      if (x < 0) {
        return i;
      }
    }
    return w.length - 1;
  }
}
