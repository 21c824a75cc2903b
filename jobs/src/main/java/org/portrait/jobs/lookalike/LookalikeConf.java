package org.portrait.jobs.lookalike;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.portrait.common.config.UserError;

/** What the lookalike tasks read from the job configuration: the seeds, the centroid, the filters. */
final class LookalikeConf {
  private LookalikeConf() {}

  /**
   * The seed keys of a seeds file: one user key per line, blank lines and {@code #} comments skipped. A line
   * that is not a user key (64 hex digits, the HMAC the tables use) is refused, naming its line number only
   * (it may be a raw id).
   */
  static Set<String> readSeeds(Configuration conf, Path file, int max) throws IOException {
    Set<String> seeds = new HashSet<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(file.getFileSystem(conf).open(file),
        StandardCharsets.UTF_8))) {
      int lineNo = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lineNo++;
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("#")) {
          continue;
        }
        if (!s.matches("[0-9a-f]{64}")) {
          throw new UserError(file + " line " + lineNo + ": not a user key (64 lower-case hex digits, the"
              + " pseudonymised id of user_profile.user_key); raw user ids are not accepted");
        }
        seeds.add(s);
        if (seeds.size() > max) {
          throw new UserError(file + ": more than " + max + " seeds (" + LookalikeDriver.MAX_SEEDS + ")");
        }
      }
    }
    return seeds;
  }

  /** The profile vector as floats, or null when it is missing, all zeros or not finite (no direction). */
  static double[] vector(List<Float> v) {
    if (v == null || v.isEmpty()) {
      return null;
    }
    double[] x = new double[v.size()];
    double norm = 0;
    for (int i = 0; i < x.length; i++) {
      Float f = v.get(i);
      x[i] = f == null ? Double.NaN : f;
      norm += x[i] * x[i];
    }
    return norm == 0 || !Double.isFinite(norm) ? null : x;
  }

  static String encode(double[] v) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < v.length; i++) {
      sb.append(i == 0 ? "" : ",").append(v[i]);
    }
    return sb.toString();
  }

  static double[] decode(String s) {
    String[] parts = s.split(",");
    double[] v = new double[parts.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = Double.parseDouble(parts[i]);
    }
    return v;
  }
}
