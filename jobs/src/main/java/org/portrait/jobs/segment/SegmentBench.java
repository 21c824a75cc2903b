package org.portrait.jobs.segment;

import org.portrait.common.config.UserError;
import com.hankcs.hanlp.seg.Segment;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.portrait.common.config.LocalMode;
import org.portrait.common.text.ReviewSegmenter;
import org.portrait.common.text.SegmentStats;
import org.portrait.common.text.Stopwords;
import org.portrait.schema.Review;

/**
 * Segmentation benchmark (run by scripts/bench-segment.sh, not a unit test). In one JVM:
 * <ol>
 *   <li>writes Review Avro inputs straight from the corpus CSV ({@code cat,label,review}), repeated 1× and N×
 *       (review_id = row-repeat, user_key = a hash of the row, split train) — no ingest job needed;</li>
 *   <li>measures plain HanLP ({@code HanLP.newSegment().seg}) on the review texts in one thread after a
 *       warm-up pass, and our full per-review pipeline (normalise, mask, segment, filter) in one thread;</li>
 *   <li>runs the segment job (local runner, 2 map tasks) on each input and reports chars/s and the ratio.</li>
 * </ol>
 * Usage: {@code SegmentBench --csv FILE --work DIR [--repeats 1,10] [--warmup 1] [--trials 3]}; figures are the
 * best of {@code trials} runs (the big input runs once), with CPU seconds beside wall seconds.
 */
public final class SegmentBench {
  private SegmentBench() {}

  public static void main(String[] args) throws Exception {
    String csv = null;
    String work = null;
    String repeats = "1,10";
    int warmup = 1;
    int trials = 3;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--csv": csv = args[i + 1]; break;
        case "--work": work = args[i + 1]; break;
        case "--repeats": repeats = args[i + 1]; break;
        case "--warmup": warmup = Integer.parseInt(args[i + 1]); break;
        case "--trials": trials = Integer.parseInt(args[i + 1]); break;
        default: throw new UserError("unknown option " + args[i]);
      }
    }
    if (csv == null || work == null) {
      System.err.println("usage: SegmentBench --csv FILE --work DIR [--repeats 1,10] [--warmup 1] [--trials 3]");
      System.exit(2);
    }
    List<String[]> rows = readCsv(new File(csv));
    List<String> texts = new ArrayList<>(rows.size());
    long chars = 0;
    for (String[] r : rows) {
      texts.add(r[2]);
      chars += r[2].length();
    }
    System.out.printf(Locale.ROOT, "corpus: %d reviews, %d chars%n", texts.size(), chars);

    Segment hanlp = ReviewSegmenter.newSegment();
    ReviewSegmenter ours = new ReviewSegmenter(Stopwords.effective(true, null, true), null);
    for (int w = 0; w < warmup; w++) {
      singleThread(texts, hanlp, null);
      singleThread(texts, null, ours);
    }
    // Best of `trials`: the machine is shared, the minimum is the least disturbed measurement.
    double hanlpSec = Double.MAX_VALUE;
    double hanlpCpu = 0;
    double oursSec = Double.MAX_VALUE;
    double oursCpu = 0;
    for (int t = 0; t < trials; t++) {
      double[] h = singleThread(texts, hanlp, null);
      if (h[0] < hanlpSec) {
        hanlpSec = h[0];
        hanlpCpu = h[1];
      }
      double[] o = singleThread(texts, null, ours);
      if (o[0] < oursSec) {
        oursSec = o[0];
        oursCpu = o[1];
      }
    }
    double hanlpRate = chars / hanlpSec;
    System.out.printf(Locale.ROOT, "hanlp single thread (best of %d):    %.2f s wall, %.2f s cpu, %.2f M chars/s%n",
        trials, hanlpSec, hanlpCpu, hanlpRate / 1e6);
    System.out.printf(Locale.ROOT, "pipeline single thread (best of %d): %.2f s wall, %.2f s cpu, %.2f M chars/s"
        + " (normalise+mask+segment+filter)%n", trials, oursSec, oursCpu, chars / oursSec / 1e6);

    File workDir = new File(work).getAbsoluteFile();
    workDir.mkdirs();
    Configuration conf = LocalMode.configure(new Configuration(), workDir);
    // Job.waitForCompletion polls every 5 s by default: up to 5 s of idle wall time per job in a benchmark.
    conf.setInt("mapreduce.client.completion.pollinterval", 50);
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    double firstSec = 0;
    long firstChars = 0;
    String[] reps = repeats.split(",");
    for (int ri = 0; ri < reps.length; ri++) {
      int n = Integer.parseInt(reps[ri].trim());
      File in = new File(workDir, "reviews-x" + n);
      long inChars = writeReviews(rows, n, in);
      double best = Double.MAX_VALUE;
      double bestCpu = 0;
      org.portrait.jobs.StageResult r = null;
      int jobTrials = ri == 0 ? trials : 1; // the big input runs once
      for (int t = 0; t < jobTrials; t++) {
        long c0 = os.getProcessCpuTime();
        long j0 = System.nanoTime();
        r = SegmentDriver.run(new Configuration(conf), new Path(in.getAbsolutePath()),
            new Path(new File(workDir, "segment-x" + n).getAbsolutePath()));
        double sec = (System.nanoTime() - j0) / 1e9;
        if (sec < best) {
          best = sec;
          bestCpu = (os.getProcessCpuTime() - c0) / 1e9;
        }
      }
      double rate = r.counters.get("CHARS") / best;
      System.out.printf(Locale.ROOT, "segment job x%-3d (best of %d): %d chars, %d reviews, %d map tasks, %.2f s wall,"
          + " %.2f s cpu (%.2f cores busy), %.2f M chars/s = %.2fx single-thread hanlp%n", n, jobTrials, inChars,
          r.counters.get("REVIEWS_OUT"), r.counters.get(SegmentDriver.MAP_TASKS), best, bestCpu, bestCpu / best,
          rate / 1e6, rate / hanlpRate);
      // On a shared machine (Linux autogroup: one CPU share per session, whatever its thread count) the wall
      // ratio cannot show parallelism; chars per CPU second can. Projection for an idle box with `slots` cores.
      int slots = conf.getInt("mapreduce.local.map.tasks.maximum", 2);
      double jobPerCpu = r.counters.get("CHARS") / bestCpu;
      double hanlpPerCpu = chars / hanlpCpu;
      System.out.printf(Locale.ROOT, "-> cpu efficiency: job %.2f M chars/cpu-s, hanlp %.2f M chars/cpu-s; projected with %d"
          + " idle cores: %.2f M chars/s = %.2fx single-thread hanlp%n", jobPerCpu / 1e6, hanlpPerCpu / 1e6, slots,
          slots * jobPerCpu / 1e6, slots * jobPerCpu / hanlpPerCpu);
      if (ri == 0) {
        firstSec = best;
        firstChars = inChars;
      } else {
        System.out.printf(Locale.ROOT, "-> time x%d / time x%s = %.2f for %.1fx the input%n", n, reps[0].trim(),
            best / firstSec, inChars / (double) firstChars);
      }
    }
  }

  /** One pass over {@code texts} in this thread: {wall seconds, thread cpu seconds}. */
  private static double[] singleThread(List<String> texts, Segment hanlp, ReviewSegmenter ours) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long c0 = mx.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    long n = 0;
    SegmentStats st = new SegmentStats();
    for (String t : texts) {
      if (hanlp != null) {
        n += hanlp.seg(t).size();
      } else {
        n += ours.tokens(t, st).size();
      }
    }
    if (n < 0) {
      throw new AssertionError(); // keeps the loop from being optimised away
    }
    return new double[] {(System.nanoTime() - t0) / 1e9, (mx.getCurrentThreadCpuTime() - c0) / 1e9};
  }

  /** Writes {@code rows} {@code repeat} times as one Review Avro file in {@code dir}; returns the chars written. */
  static long writeReviews(List<String[]> rows, int repeat, File dir) throws IOException {
    dir.mkdirs();
    long chars = 0;
    File f = new File(dir, "part-00000.avro");
    try (OutputStream out = Files.newOutputStream(f.toPath());
         DataFileWriter<Review> w = new DataFileWriter<>(new SpecificDatumWriter<>(Review.class))) {
      w.create(Review.getClassSchema(), out);
      Review r = new Review();
      for (int k = 0; k < repeat; k++) {
        for (int i = 0; i < rows.size(); i++) {
          String[] row = rows.get(i);
          r.setReviewId("r" + i + "-" + k);
          r.setUserKey(Integer.toHexString(("user" + (i % 2000)).hashCode()));
          r.setTs(null);
          r.setCategory(row[0]);
          r.setLabel(row[1].equals("1") ? 1 : 0);
          r.setSplit("train");
          r.setText(row[2]);
          w.append(r);
          chars += row[2].length();
        }
      }
    }
    return chars;
  }

  /** Rows of a {@code cat,label,review} CSV (RFC 4180 quoting; header and a leading BOM skipped). */
  public static List<String[]> readCsv(File file) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (Reader r = new BufferedReader(Files.newBufferedReader(file.toPath(), StandardCharsets.UTF_8), 1 << 16)) {
      List<String> fields = new ArrayList<>();
      StringBuilder cur = new StringBuilder();
      boolean quoted = false;
      boolean header = true;
      int c;
      while ((c = r.read()) != -1) {
        char ch = (char) c;
        if (quoted) {
          if (ch == '"') {
            r.mark(1);
            int next = r.read();
            if (next == '"') {
              cur.append('"');
            } else {
              quoted = false;
              if (next != -1) {
                r.reset();
              }
            }
          } else {
            cur.append(ch);
          }
        } else if (ch == '"' && cur.length() == 0) {
          quoted = true;
        } else if (ch == ',') {
          fields.add(cur.toString());
          cur.setLength(0);
        } else if (ch == '\n') {
          fields.add(stripCr(cur));
          cur.setLength(0);
          if (!header && fields.size() >= 3) {
            rows.add(new String[] {fields.get(0), fields.get(1), String.join(",", fields.subList(2, fields.size()))});
          }
          header = false;
          fields.clear();
        } else if (ch != '\uFEFF' || cur.length() > 0 || !fields.isEmpty() || !header) {
          cur.append(ch);
        }
      }
      if (cur.length() > 0 || !fields.isEmpty()) {
        fields.add(stripCr(cur));
        if (!header && fields.size() >= 3) {
          rows.add(new String[] {fields.get(0), fields.get(1), String.join(",", fields.subList(2, fields.size()))});
        }
      }
    }
    return rows;
  }

  private static String stripCr(StringBuilder sb) {
    int n = sb.length();
    return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
  }
}
