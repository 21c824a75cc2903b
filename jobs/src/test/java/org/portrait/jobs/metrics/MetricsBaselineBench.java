package org.portrait.jobs.metrics;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.common.Term;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.portrait.common.UserSplit;
import org.portrait.common.config.LocalMode;
import org.portrait.common.io.AvroFiles;
import org.portrait.common.metrics.MetricRow;
import org.portrait.schema.TokenizedReview;

/**
 * Benchmark, not a test: the two baselines on synthetic users made from the real primary corpus, so the
 * profile stage has reference figures to beat. A simplified generator after DESIGN.md (seeded; 1-3 interest
 * categories by supply, Dirichlet(1) weights, 20-60 reviews, 80% from the interests), HanLP standard
 * segmentation without stopword removal. Prints figures; writes under the given work folder.
 * Usage: java -cp ... MetricsBaselineBench ../shared/data/reviews/online_shopping_10_cats.csv WORKDIR [min-relative]
 */
public final class MetricsBaselineBench {
  private MetricsBaselineBench() {}

  public static void main(String[] args) throws Exception {
    File csv = new File(args[0]);
    File work = new File(args[1]);
    work.mkdirs();
    Map<String, List<String[]>> pools = new TreeMap<>();
    Set<String> seen = new HashSet<>();
    List<String> lines = Files.readAllLines(csv.toPath(), StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      int a = line.indexOf(','), b = line.indexOf(',', a + 1);
      if (a < 0 || b < 0) {
        continue;
      }
      String text = line.substring(b + 1).replace("\uFEFF", "").strip();
      if (text.startsWith("\"") && text.endsWith("\"") && text.length() > 1) {
        text = text.substring(1, text.length() - 1).replace("\"\"", "\"");
      }
      if (text.isEmpty() || !seen.add(text)) {
        continue;
      }
      pools.computeIfAbsent(line.substring(0, a), k -> new ArrayList<>()).add(new String[] {line.substring(a + 1, b), text});
    }
    Random rnd = new Random(42);
    pools.values().forEach(p -> Collections.shuffle(p, rnd));
    List<String> cats = new ArrayList<>(pools.keySet());
    UserKeyFunction keys = UserKeyFunction.fromConf(new Configuration(false));
    StringBuilder truth = new StringBuilder("user_id,split,interests,sentiment\n");
    List<TokenizedReview> out = new ArrayList<>();
    long t0 = System.nanoTime();
    int users = 0;
    long chars = 0;
    while (true) {
      int left = pools.values().stream().mapToInt(List::size).sum();
      if (left < 20) {
        break;
      }
      int k = 1 + rnd.nextInt(3);
      Map<String, Double> w = new LinkedHashMap<>();
      double sum = 0;
      for (int i = 0; i < k; i++) {
        String c = bySupply(pools, cats, rnd);
        if (c != null && !w.containsKey(c)) {
          double e = -Math.log(1 - rnd.nextDouble());
          w.put(c, e);
          sum += e;
        }
      }
      if (w.isEmpty()) {
        break;
      }
      final double s = sum;
      w.replaceAll((c, e) -> e / s);
      String raw = "bench-user-" + users++;
      String split = UserSplit.of(raw, UserSplit.DEFAULT_TEST_SHARE);
      String key = keys.userKey(raw);
      int n = 20 + rnd.nextInt(41), pos = 0, got = 0;
      for (int r = 0; r < n; r++) {
        String c;
        if (rnd.nextDouble() < 0.8) {
          double u = rnd.nextDouble();
          c = null;
          for (Map.Entry<String, Double> e : w.entrySet()) {
            c = e.getKey();
            u -= e.getValue();
            if (u <= 0) {
              break;
            }
          }
        } else {
          c = bySupply(pools, cats, rnd);
        }
        List<String[]> pool = c == null ? null : pools.get(c);
        if (pool == null || pool.isEmpty()) {
          continue;
        }
        String[] rev = pool.remove(pool.size() - 1);
        int label = Integer.parseInt(rev[0].strip());
        pos += label;
        got++;
        chars += rev[1].length();
        List<String> tokens = new ArrayList<>();
        for (Term t : HanLP.segment(rev[1])) {
          if (t.nature != null && !t.nature.toString().startsWith("w") && !t.word.isBlank()) {
            tokens.add(t.word);
          }
        }
        out.add(TokenizedReview.newBuilder().setReviewId(raw + "-" + r).setUserKey(key).setSplit(split)
            .setCategory(c).setLabel(label).setCharCount(rev[1].length()).setTokens(tokens).build());
      }
      StringBuilder in = new StringBuilder();
      w.forEach((c, x) -> in.append(in.length() == 0 ? "" : "|").append(c).append(':')
          .append(String.format(java.util.Locale.ROOT, "%.4f", x)));
      truth.append(raw).append(',').append(split).append(',').append(in).append(',')
          .append(2 * pos >= got ? "positive" : "negative").append('\n');
    }
    double genSec = (System.nanoTime() - t0) / 1e9;
    Files.writeString(new File(work, "truth.csv").toPath(), truth.toString(), StandardCharsets.UTF_8);
    new File(work, "tokens").mkdirs();
    Configuration conf = LocalMode.configure(new Configuration(), new File(work, "scratch"));
    if (args.length > 2) {
      conf.set(MetricsDriver.BASELINE_MIN_RELATIVE, args[2]);
    }
    AvroFiles.write(conf, new Path(new File(work, "tokens/part-m-00000.avro").toURI()),
        TokenizedReview.getClassSchema(), out);
    System.out.printf("generated %d users, %d reviews, %d chars, segmented in %.1f s%n", users, out.size(), chars, genSec);
    long t1 = System.nanoTime();
    MetricsDriver.Result r = MetricsDriver.run(conf, new Path(new File(work, "metrics").toURI()),
        new MetricsDriver.Options(null, null, new Path(new File(work, "tokens").toURI()),
            new Path(new File(work, "truth.csv").toURI()), null, null, null, Map.of(), null, "bench"));
    System.out.printf("metrics job %.1f s; counters %s%n", (System.nanoTime() - t1) / 1e9, r.counters());
    for (MetricRow m : r.rows()) {
      if (m.slice().equals(MetricRow.ALL) && m.metric().startsWith("baseline.")) {
        System.out.printf("%-52s %.4f%n", m.metric(), m.value());
      }
    }
  }

  private static String bySupply(Map<String, List<String[]>> pools, List<String> cats, Random rnd) {
    int total = pools.values().stream().mapToInt(List::size).sum();
    if (total == 0) {
      return null;
    }
    int x = rnd.nextInt(total);
    for (String c : cats) {
      x -= pools.get(c).size();
      if (x < 0) {
        return c;
      }
    }
    return null;
  }
}
