package org.portrait.jobs.lookalike;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.portrait.common.apps.AudienceEval;
import org.portrait.common.config.UserError;
import org.portrait.common.metrics.TruthRow;
import org.portrait.jobs.CliArgs;
import org.portrait.jobs.PortraitTool;
import org.portrait.jobs.metrics.UserKeyFunction;
import org.portrait.jobs.pipeline.PipelineLayout;
import org.portrait.schema.Lookalike;
import org.portrait.schema.UserProfile;
import org.portrait.schema.WeightedTerm;

/**
 * {@code lookalike-eval --work ROOT --dt D --truth truth.csv --k N [--seeds S]}: for each main interest of the
 * truth with more than S + N users, the first S of its users (by key) are a seed audience; the lookalike job
 * retrieves N users and precision@N is the share whose main interest is the seeds' one, next to a random
 * audience (its exact expectation) and the keyword baseline (common AudienceEval). The baselines read the
 * profiles in this process: an evaluation on a sample, not a production path.
 */
public class LookalikeEvalCommand extends PortraitTool {
  /** Figures of one evaluation: per category and their mean, for ours and each baseline. */
  public record Figures(Map<String, double[]> byCategory, double[] mean) {}

  public static Figures run(Configuration base, Path work, String dt, Path truth, int k, int seedsPer)
      throws IOException {
    Configuration conf = new Configuration(base);
    conf.setInt(LookalikeDriver.MIN_AUDIENCE, 1);
    UserKeyFunction keys = UserKeyFunction.fromConf(conf);
    Map<String, String> main = new HashMap<>();
    FileSystem tfs = truth.getFileSystem(conf);
    if (!tfs.isFile(truth)) {
      throw new UserError("--truth " + truth + ": no such file");
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(tfs.open(truth), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("user_id,")) {
          continue;
        }
        TruthRow row = TruthRow.parse(line);
        if (row.topInterest() != null) {
          main.put(keys.userKey(row.userId()), row.topInterest());
        }
      }
    }
    Path profiles = new Path(new PipelineLayout(work, null, null, null, null, dt).state(), "user_profile");
    Map<String, List<String>> keywords = new HashMap<>();
    FileSystem fs = profiles.getFileSystem(conf);
    for (FileStatus st : fs.listStatus(profiles, p -> p.getName().endsWith(".parquet"))) {
      try (ParquetReader<UserProfile> r = AvroParquetReader.<UserProfile>builder(
          HadoopInputFile.fromPath(st.getPath(), conf)).withConf(conf).build()) {
        for (UserProfile p = r.read(); p != null; p = r.read()) {
          keywords.put(p.getUserKey(), p.getKeywords().stream().map(WeightedTerm::getTerm).toList());
        }
      }
    }
    main.keySet().retainAll(keywords.keySet());
    AudienceEval eval = new AudienceEval(main, keywords);
    Map<String, double[]> by = new LinkedHashMap<>();
    double[] sum = new double[3];
    Path seedDir = new Path(new PipelineLayout(work, null, null, null, null, dt).stage("lookalike-eval"), "seeds");
    for (String cat : new TreeSet<>(main.values())) {
      List<String> users = eval.usersOf(cat);
      if (users.size() <= seedsPer + k) {
        continue;
      }
      List<String> seeds = users.subList(0, seedsPer);
      Path seedFile = new Path(seedDir, "seeds-" + by.size() + ".txt");
      try (OutputStream os = fs.create(seedFile, true)) {
        os.write((String.join("\n", seeds) + "\n").getBytes(StandardCharsets.UTF_8));
      }
      LookalikeDriver.Result res = LookalikeDriver.run(conf, new LookalikeDriver.Request(seedFile, work, dt, k,
          null, null, "eval-" + by.size()));
      List<String> ours = new ArrayList<>();
      try (ParquetReader<Lookalike> r = AvroParquetReader.<Lookalike>builder(
          HadoopInputFile.fromPath(res.table(), conf)).withConf(conf).build()) {
        for (Lookalike l = r.read(); l != null; l = r.read()) {
          ours.add(l.getUserKey());
        }
      }
      fs.delete(res.table(), false);
      Set<String> seedSet = Set.copyOf(seeds);
      double[] f = {eval.precision(ours, cat), eval.randomPrecision(seedSet, cat),
          eval.precision(padded(eval.keywordAudience(seedSet, k), k), cat)};
      by.put(cat, f);
      for (int i = 0; i < 3; i++) {
        sum[i] += f[i];
      }
    }
    fs.delete(seedDir, true);
    if (by.isEmpty()) {
      throw new UserError("no main interest has more than --seeds + --k = " + (seedsPer + k) + " users");
    }
    for (int i = 0; i < 3; i++) {
      sum[i] /= by.size();
    }
    return new Figures(by, sum);
  }

  /** The keyword audience counted over N slots: fewer matches than N are misses, as the job always returns N. */
  private static List<String> padded(List<String> audience, int k) {
    List<String> out = new ArrayList<>(audience);
    while (out.size() < k) {
      out.add("");
    }
    return out;
  }

  @Override
  public String command() {
    return "lookalike-eval";
  }

  @Override
  public String usage() {
    return "lookalike-eval --work ROOT --dt D --truth truth.csv --k N [--seeds S]\n"
        + "  Per main interest of the truth (more than S + N users): its first S users (default 10) are seeds,\n"
        + "  the lookalike job returns N; prints precision@N (share with the seeds' main interest) next to a\n"
        + "  random audience and the keyword baseline (users whose keywords contain the seeds' top 10).";
  }

  @Override
  protected List<String> options() {
    return List.of("work", "dt", "truth", "k", "seeds");
  }

  @Override
  protected int run(CliArgs a) throws Exception {
    int k = a.getInt("k", 20);
    int seeds = a.getInt("seeds", 10);
    if (k < 1 || seeds < 1) {
      throw new UserError("--k and --seeds must be at least 1");
    }
    Figures f = run(getConf(), new Path(a.require("work")), a.require("dt"), new Path(a.require("truth")), k, seeds);
    for (Map.Entry<String, double[]> e : f.byCategory().entrySet()) {
      System.out.printf("lookalike-eval: %s precision@%d %.3f (random %.3f, keyword %.3f)%n", e.getKey(), k,
          e.getValue()[0], e.getValue()[1], e.getValue()[2]);
    }
    System.out.printf("lookalike-eval: mean over %d interests: precision@%d %.3f, random %.3f, keyword %.3f"
        + " (exact top-N: recall 1.0)%n", f.byCategory().size(), k, f.mean()[0], f.mean()[1], f.mean()[2]);
    return 0;
  }
}
