package org.portrait.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;
import org.portrait.common.glove.GloveKernel;
import org.portrait.common.glove.GloveModel;
import org.portrait.common.glove.GloveParams;

/**
 * GloVe kernel updates per thread-CPU second (and per wall second), single thread, same entries as
 * {@link GloveKernelBench}. On a shared, loaded machine wall-clock JMH scores swing 2-5x; thread CPU time does
 * not count the time the thread waits for a core. Run:
 * java -cp bench/target/benchmarks.jar org.portrait.bench.GloveKernelCpuTime [passes=8]
 */
public final class GloveKernelCpuTime {
  private GloveKernelCpuTime() {}

  public static void main(String[] args) {
    int passes = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int vocab = 14_000;
    int dim = 100;
    int n = 1 << 20;
    GloveModel m = GloveModel.init(vocab, dim, 1);
    GloveParams p = new GloveParams(10, 0.75, 0.05, 100);
    GloveKernel k = new GloveKernel(m, p);
    SplittableRandom r = new SplittableRandom(2);
    int[] row = new int[n];
    int[] col = new int[n];
    float[] logx = new float[n];
    float[] fx = new float[n];
    for (int e = 0; e < n; e++) {
      row[e] = (int) (vocab * Math.pow(r.nextDouble(), 2));
      col[e] = (int) (vocab * Math.pow(r.nextDouble(), 2));
      double x = 0.1 + r.nextDouble() * 20;
      logx[e] = (float) Math.log(x);
      fx[e] = p.weight(x);
    }
    ThreadMXBean t = ManagementFactory.getThreadMXBean();
    double cost = 0;
    for (int it = 0; it < passes; it++) {
      long c0 = t.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      cost += k.train(row, col, logx, fx, 0, n);
      long c1 = t.getCurrentThreadCpuTime();
      long w1 = System.nanoTime();
      if (it >= 2) { // the first passes are JIT warm-up
        System.out.printf("pass %d: %.3f M updates/CPU-s, %.3f M updates/s wall%n", it, n / ((c1 - c0) / 1e3),
            n / ((w1 - w0) / 1e3));
      }
    }
    System.out.println("cost " + cost);
  }
}
