package org.portrait.jobs.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.portrait.common.config.UserError;
import org.portrait.common.csv.CsvReader;
import org.portrait.common.io.AtomicOutput;
import org.portrait.common.profile.ReviewIds;
import org.portrait.jobs.CliArgs;
import org.portrait.jobs.PortraitTool;

/**
 * {@code spread-days --input reviews.csv --output RAW --days N --from D}: deals the reviews of a CSV (such as
 * make-users' reviews.csv) out over N days, as {@code RAW/dt=<day>/reviews.csv} with the same header, each review
 * to the day chosen by the hash of its first field (the review id), so every user writes on many days. For
 * simulating daily runs; not a MapReduce job (a sample-sized file, read once). Every record lands in exactly one
 * day.
 */
public class SpreadDaysCommand extends PortraitTool {

  @Override
  public String command() {
    return "spread-days";
  }

  @Override
  public String usage() {
    return String.join("\n",
        "usage: spread-days --input reviews.csv --output RAW --days N [--from yyyy-MM-dd]",
        "  Writes RAW/dt=<day>/reviews.csv for N days from --from (default 2026-01-01): each record of the CSV",
        "  (header kept in every file) goes to the day picked by the hash of its first field.");
  }

  @Override
  protected List<String> options() {
    return List.of("input", "output", "days", "from");
  }

  @Override
  protected int run(CliArgs a) throws Exception {
    int days = a.getInt("days", 30);
    LocalDate from;
    try {
      from = LocalDate.parse(a.get("from", "2026-01-01"));
    } catch (java.time.format.DateTimeParseException e) {
      throw new UserError("--from " + a.get("from", "") + " is not a date (yyyy-MM-dd)");
    }
    long[] counts = run(getConf(), new Path(a.require("input")), new Path(a.require("output")), days, from);
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    System.out.println("spread-days: " + total + " records over " + days + " days from " + from + " -> "
        + a.require("output"));
    return 0;
  }

  /** Typed entry point; returns the records written per day. The output is committed as a whole. */
  public static long[] run(Configuration conf, Path input, Path output, int days, LocalDate from) throws IOException {
    if (days < 1 || days > 3650) {
      throw new UserError("--days must be 1..3650, not " + days);
    }
    FileSystem inFs = input.getFileSystem(conf);
    if (!inFs.isFile(input)) {
      throw new UserError("--input " + input + ": not a file");
    }
    AtomicOutput out = AtomicOutput.begin(conf, output);
    long[] counts = new long[days];
    FileSystem fs = out.tempPath().getFileSystem(conf);
    List<Writer> writers = new ArrayList<>();
    try (CsvReader in = new CsvReader(new InputStreamReader(inFs.open(input), StandardCharsets.UTF_8), ',')) {
      String header = in.nextRaw();
      if (header == null) {
        throw new UserError("--input " + input + " is empty");
      }
      for (int d = 0; d < days; d++) {
        Writer w = new BufferedWriter(new OutputStreamWriter(fs.create(new Path(out.tempPath(),
            "dt=" + from.plusDays(d) + "/reviews.csv")), StandardCharsets.UTF_8));
        w.write(header + "\n");
        writers.add(w);
      }
      String record;
      while ((record = in.nextRaw()) != null) {
        if (record.isEmpty()) {
          continue;
        }
        int comma = record.indexOf(',');
        String id = comma < 0 ? record : record.substring(0, comma);
        int d = (int) Math.floorMod(ReviewIds.hash(id), (long) days);
        writers.get(d).write(record + "\n");
        counts[d]++;
      }
      for (Writer w : writers) {
        w.close();
      }
      out.commit();
    } catch (IOException | RuntimeException e) {
      for (Writer w : writers) {
        try {
          w.close();
        } catch (IOException ignored) {
          // the output is dropped anyway
        }
      }
      out.abort();
      throw e;
    }
    return counts;
  }
}
