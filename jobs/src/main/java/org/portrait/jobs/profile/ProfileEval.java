package org.portrait.jobs.profile;

import java.io.BufferedReader;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.portrait.common.io.AvroFiles;
import org.portrait.common.privacy.Pseudonymizer;
import org.portrait.schema.ReviewPrediction;
import org.portrait.schema.UserProfile;

/**
 * Quick evaluation harness for the profile stage (the metrics job is the real one): interest micro/macro F1,
 * user sentiment accuracy and review-level sentiment accuracy on TEST users.
 * {@code java -cp portrait-jobs-local.jar org.portrait.jobs.profile.ProfileEval P truth.csv [pseudonym-key]}
 */
public final class ProfileEval {
  private ProfileEval() {}

  public static void main(String[] args) throws Exception {
    Configuration conf = new Configuration();
    Path p = new Path(args[0]);
    Pseudonymizer ps = new Pseudonymizer(args.length > 2 ? args[2] : Pseudonymizer.DEVELOPMENT_KEY);
    Map<String, Set<String>> truthInterests = new HashMap<>();
    Map<String, String> truthSentiment = new HashMap<>();
    try (BufferedReader r = Files.newBufferedReader(new File(args[1]).toPath(), StandardCharsets.UTF_8)) {
      r.readLine();
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.split(",");
        if (!f[1].equals("test")) {
          continue;
        }
        String key = ps.pseudonym(f[0]);
        Set<String> cats = new HashSet<>();
        for (String cw : f[2].split("\\|")) {
          cats.add(cw.split(":")[0]);
        }
        truthInterests.put(key, cats);
        truthSentiment.put(key, f[3]);
      }
    }
    List<UserProfile> profiles = new ArrayList<>();
    Path dir = new Path(p, "user_profile");
    FileSystem fs = dir.getFileSystem(conf);
    for (FileStatus st : fs.listStatus(dir, x -> x.getName().endsWith(".parquet"))) {
      try (ParquetReader<UserProfile> r = AvroParquetReader.<UserProfile>builder(
          HadoopInputFile.fromPath(st.getPath(), conf)).withConf(conf).build()) {
        UserProfile u;
        while ((u = r.read()) != null) {
          profiles.add(u);
        }
      }
    }
    Set<String> cats = new TreeSet<>();
    truthInterests.values().forEach(cats::addAll);
    Map<String, long[]> per = new HashMap<>();
    cats.forEach(c -> per.put(c, new long[3]));
    long tp = 0, fp = 0, fn = 0, users = 0, exact = 0, sentRight = 0;
    for (UserProfile u : profiles) {
      Set<String> truth = truthInterests.get(u.getUserKey());
      if (truth == null) {
        continue;
      }
      users++;
      Set<String> pred = new HashSet<>(u.getTopInterests());
      exact += pred.equals(truth) ? 1 : 0;
      for (String c : pred) {
        boolean hit = truth.contains(c);
        tp += hit ? 1 : 0;
        fp += hit ? 0 : 1;
        per.computeIfAbsent(c, k -> new long[3])[hit ? 0 : 1]++;
      }
      for (String c : truth) {
        if (!pred.contains(c)) {
          fn++;
          per.get(c)[2]++;
        }
      }
      sentRight += u.getSentimentLabel().equals(truthSentiment.get(u.getUserKey())) ? 1 : 0;
    }
    // Diagnostic only: micro-F1 on test users if the threshold were t (the pipeline tunes it on train users).
    StringBuilder sweep = new StringBuilder("threshold sweep (diagnostic):");
    for (int step = 6; step <= 30; step += 2) {
      double t = step / 100.0;
      long a = 0, b = 0, c = 0;
      for (UserProfile u : profiles) {
        Set<String> truth = truthInterests.get(u.getUserKey());
        if (truth == null) {
          continue;
        }
        Set<String> pred = new HashSet<>(org.portrait.common.profile.Interests.top(u.getInterestScores(), t, 0, true));
        for (String x : pred) {
          if (truth.contains(x)) {
            a++;
          } else {
            b++;
          }
        }
        for (String x : truth) {
          c += pred.contains(x) ? 0 : 1;
        }
      }
      sweep.append(String.format(" %.2f:%.4f", t, 2.0 * a / (2.0 * a + b + c)));
    }
    System.out.println(sweep);
    double micro = 2.0 * tp / (2.0 * tp + fp + fn);
    double macro = 0;
    for (long[] c : per.values()) {
      macro += c[0] == 0 ? 0 : 2.0 * c[0] / (2.0 * c[0] + c[1] + c[2]);
    }
    macro /= per.size();
    long[] rev = new long[4];
    AvroFiles.forEach(conf, new Path(p, "review_predictions"), ReviewPrediction.class, r -> {
      if ("test".equals(r.getSplit()) && r.getLabel() != null) {
        rev[0]++;
        rev[1] += ((r.getPositiveProb() >= 0.5) == (r.getLabel() == 1)) ? 1 : 0;
      }
      if ("test".equals(r.getSplit()) && r.getCategory() != null && r.getPredictedCategory() != null) {
        rev[2]++;
        rev[3] += r.getCategory().equals(r.getPredictedCategory()) ? 1 : 0;
      }
    });
    System.out.printf("test users %d: interest micro-F1 %.4f macro-F1 %.4f exact-set %.4f (tp %d fp %d fn %d);"
        + " user sentiment acc %.4f; review sentiment acc %.4f (%d); review category acc %.4f (%d)%n",
        users, micro, macro, exact / (double) users, tp, fp, fn, sentRight / (double) users,
        rev[1] / (double) rev[0], rev[0], rev[2] == 0 ? 0 : rev[3] / (double) rev[2], rev[2]);
  }
}
