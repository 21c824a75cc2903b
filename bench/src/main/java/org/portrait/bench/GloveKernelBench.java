package org.portrait.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.portrait.common.glove.GloveKernel;
import org.portrait.common.glove.GloveModel;
import org.portrait.common.glove.GloveParams;

/**
 * Single-thread throughput of the GloVe AdaGrad update kernel (updates/s = ops/s x ENTRIES): random entries
 * over a 14k-word vocabulary, as in the benchmark corpus. Run: java -jar bench/target/benchmarks.jar GloveKernel
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GloveKernelBench {
  static final int ENTRIES = 1 << 16;

  @Param({"100"})
  int dim;

  GloveKernel kernel;
  int[] row;
  int[] col;
  float[] logx;
  float[] fx;

  @Setup
  public void setup() {
    int vocab = 14_000;
    GloveModel m = GloveModel.init(vocab, dim, 1);
    GloveParams p = new GloveParams(10, 0.75, 0.05, 100);
    kernel = new GloveKernel(m, p);
    SplittableRandom r = new SplittableRandom(2);
    row = new int[ENTRIES];
    col = new int[ENTRIES];
    logx = new float[ENTRIES];
    fx = new float[ENTRIES];
    for (int e = 0; e < ENTRIES; e++) {
      row[e] = (int) (vocab * Math.pow(r.nextDouble(), 2));
      col[e] = (int) (vocab * Math.pow(r.nextDouble(), 2));
      double x = 0.1 + r.nextDouble() * 20;
      logx[e] = (float) Math.log(x);
      fx[e] = p.weight(x);
    }
  }

  @Benchmark
  @OperationsPerInvocation(ENTRIES)
  public double updates() {
    return kernel.train(row, col, logx, fx, 0, ENTRIES);
  }
}
