package org.portrait.common.glove;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One pass (round) of a task over its entries with {@code t} threads, stratified inside the task: the entries
 * are in t x t blocks by (row stripe, column stripe); in sub-step s thread k trains block (k, (k + s) mod t).
 * The blocks of one sub-step share no word row and no context row, so the threads need no locks and never
 * race; the result is the same on every run (unlike plain Hogwild), for the same thread count.
 */
public final class RoundTrainer implements AutoCloseable {
  private final GloveModel model;
  private final CooccurEntries entries;
  private final GloveKernel[] kernels;
  private final ExecutorService pool;

  public RoundTrainer(GloveModel model, CooccurEntries entries, GloveParams params) {
    this.model = model;
    this.entries = entries;
    int t = entries.stripes;
    kernels = new GloveKernel[t];
    for (int k = 0; k < t; k++) {
      kernels[k] = new GloveKernel(model, params);
    }
    pool = t > 1 ? Executors.newFixedThreadPool(t, r -> {
      Thread th = new Thread(r, "glove-train");
      th.setDaemon(true);
      return th;
    }) : null;
  }

  /** Result of one pass: summed cost (before each update), entries trained and entries skipped. */
  public static final class Pass {
    public final double cost;
    public final long updates;
    public final long skipped;

    Pass(double cost, long updates, long skipped) {
      this.cost = cost;
      this.updates = updates;
      this.skipped = skipped;
    }
  }

  /** Trains one pass; {@code round} rotates which sub-step comes first so block order varies by round. */
  public Pass pass(int round) throws InterruptedException {
    int t = entries.stripes;
    double[] cost = new double[t];
    long skippedBefore = 0;
    for (GloveKernel k : kernels) {
      skippedBefore += k.skipped;
    }
    for (int step = 0; step < t; step++) {
      int s = (step + round) % t;
      if (pool == null) {
        cost[0] += block(0, s);
        continue;
      }
      List<Future<Double>> fs = new ArrayList<>(t);
      for (int k = 0; k < t; k++) {
        final int thread = k;
        fs.add(pool.submit(() -> block(thread, s)));
      }
      for (int k = 0; k < t; k++) {
        try {
          cost[k] += fs.get(k).get();
        } catch (ExecutionException e) {
          throw new IllegalStateException("training thread failed", e.getCause());
        }
      }
    }
    double total = 0;
    for (double c : cost) {
      total += c;
    }
    long skipped = -skippedBefore;
    for (GloveKernel k : kernels) {
      skipped += k.skipped;
    }
    return new Pass(total, entries.size() - skipped, skipped);
  }

  private double block(int thread, int s) {
    int t = entries.stripes;
    int blk = thread * t + (thread + s) % t;
    return kernels[thread].train(entries.row, entries.col, entries.logx, entries.fx,
        entries.blockStart[blk], entries.blockStart[blk + 1]);
  }

  public GloveModel model() {
    return model;
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
