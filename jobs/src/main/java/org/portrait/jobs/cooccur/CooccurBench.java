package org.portrait.jobs.cooccur;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.portrait.common.config.LocalMode;
import org.portrait.jobs.StageResult;

/**
 * cooccur throughput benchmark (run by scripts/bench-glove.sh, not a unit test): runs the job {@code --runs}
 * times in one JVM on the same input and prints, per run, job wall seconds, tokens/s and the process CPU
 * seconds it used. Run 1 pays class loading and JIT compilation (a fresh {@code cooccur} command); later runs
 * show the job as a stage of a pipeline JVM, where Hadoop and the hot loops are already compiled.
 * Usage: {@code CooccurBench --input S --vocab V --work DIR [--runs 3] [key value ...]} (extra pairs are
 * configuration keys, e.g. {@code portrait.cooccur.min-splits 1}).
 */
public final class CooccurBench {
  private CooccurBench() {}

  public static void main(String[] args) throws Exception {
    String input = null;
    String vocab = null;
    String work = null;
    int runs = 3;
    Configuration conf = new Configuration();
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--input": input = args[i + 1]; break;
        case "--vocab": vocab = args[i + 1]; break;
        case "--work": work = args[i + 1]; break;
        case "--runs": runs = Integer.parseInt(args[i + 1]); break;
        default: conf.set(args[i], args[i + 1]);
      }
    }
    if (input == null || vocab == null || work == null) {
      System.err.println("usage: CooccurBench --input S --vocab V --work DIR [--runs 3] [key value ...]");
      System.exit(2);
    }
    LocalMode.configure(conf, new File(work));
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int run = 1; run <= runs; run++) {
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      StageResult r = CooccurDriver.run(conf, new Path(input), new Path(vocab), new Path(work, "C-run" + run));
      double secs = (System.nanoTime() - t0) / 1e9;
      double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
      long tokens = r.counters.getOrDefault(CooccurCounters.TOKENS.name(), 0L);
      System.out.printf(Locale.ROOT, "cooccur run %d: %,d tokens, %,d entries, %.2f s wall (%,.0f tokens/s), "
          + "%.1f CPU-s (%,.0f tokens/CPU-s)%n", run, tokens,
          r.counters.getOrDefault(CooccurCounters.ENTRIES_OUT.name(), 0L), secs, tokens / secs, cpu, tokens / cpu);
    }
  }
}
