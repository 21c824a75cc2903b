package org.portrait.common.glove;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

/**
 * GloVe parameters in flat {@code float[]} arrays: word vectors W and context vectors C (row-major,
 * {@code vocab x dim}), their biases, and the AdaGrad squared-gradient sums of every parameter (starting at 1,
 * as the reference does, so the first step equals the learning rate). Everything a resume needs is in here.
 */
public final class GloveModel {
  private static final int MAGIC = 0x474c5631; // "GLV1"
  public final int vocab;
  public final int dim;
  public final float[] w;
  public final float[] c;
  public final float[] bw;
  public final float[] bc;
  public final float[] gw;
  public final float[] gc;
  public final float[] gbw;
  public final float[] gbc;

  public GloveModel(int vocab, int dim) {
    if (vocab <= 0 || dim <= 0) {
      throw new IllegalArgumentException("vocab and dim must be positive: " + vocab + ", " + dim);
    }
    long cells = (long) vocab * dim;
    if (cells > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("vocab x dim = " + cells + " does not fit into one float[]");
    }
    this.vocab = vocab;
    this.dim = dim;
    w = new float[(int) cells];
    c = new float[(int) cells];
    gw = new float[(int) cells];
    gc = new float[(int) cells];
    bw = new float[vocab];
    bc = new float[vocab];
    gbw = new float[vocab];
    gbc = new float[vocab];
  }

  /** Bytes the model's arrays take: 2 vector tables, 2 bias arrays, and the same again for AdaGrad. */
  public static long bytesFor(long vocab, long dim) {
    return vocab * (dim + 1) * 2L * 2L * Float.BYTES;
  }

  /** Seeded start: values uniform in [-0.5, 0.5) / dim (as the reference), AdaGrad sums 1. */
  public static GloveModel init(int vocab, int dim, long seed) {
    GloveModel m = new GloveModel(vocab, dim);
    SplittableRandom r = new SplittableRandom(seed);
    fillUniform(m.w, r, dim);
    fillUniform(m.c, r, dim);
    fillUniform(m.bw, r, dim);
    fillUniform(m.bc, r, dim);
    java.util.Arrays.fill(m.gw, 1f);
    java.util.Arrays.fill(m.gc, 1f);
    java.util.Arrays.fill(m.gbw, 1f);
    java.util.Arrays.fill(m.gbc, 1f);
    return m;
  }

  private static void fillUniform(float[] a, SplittableRandom r, int dim) {
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) ((r.nextDouble() - 0.5) / dim);
    }
  }

  public float[][] arrays() {
    return new float[][] {w, c, bw, bc, gw, gc, gbw, gbc};
  }

  public GloveModel copy() {
    GloveModel m = new GloveModel(vocab, dim);
    float[][] from = arrays();
    float[][] to = m.arrays();
    for (int a = 0; a < from.length; a++) {
      System.arraycopy(from[a], 0, to[a], 0, from[a].length);
    }
    return m;
  }

  /** Index of the first parameter that is NaN or infinite as "array:index", or null when all are finite. */
  public String firstNonFinite() {
    String[] names = {"W", "C", "bW", "bC", "gW", "gC", "gbW", "gbC"};
    float[][] all = arrays();
    for (int a = 0; a < all.length; a++) {
      float[] x = all[a];
      for (int i = 0; i < x.length; i++) {
        if (!Float.isFinite(x[i])) {
          return names[a] + ":" + i;
        }
      }
    }
    return null;
  }

  /** Output vector of word {@code id}: W + C, as the reference's default model. */
  public float[] outputVector(int id) {
    float[] v = new float[dim];
    int o = id * dim;
    for (int k = 0; k < dim; k++) {
      v[k] = w[o + k] + c[o + k];
    }
    return v;
  }

  /**
   * Merges the models trained by several tasks from the same start {@code base}. {@code average=false}: each
   * parameter moves by the sum of the tasks' deltas (as if applied one after another; overshoots when many
   * tasks update the same context row). {@code average=true}: each parameter moves by the mean delta of the
   * tasks that changed it, so a word row changed only by its owning task takes that task's result exactly,
   * and a context row shared by tasks takes their mean. AdaGrad sums always add the tasks' increments.
   */
  public static GloveModel merge(GloveModel base, GloveModel[] tasks, boolean average) {
    if (tasks.length == 1) {
      return tasks[0];
    }
    GloveModel out = base.copy();
    float[][] o = out.arrays();
    float[][] b = base.arrays();
    float[][][] ta = new float[tasks.length][][];
    for (int k = 0; k < tasks.length; k++) {
      if (tasks[k].vocab != base.vocab || tasks[k].dim != base.dim) {
        throw new IllegalArgumentException("task model shape differs from the base model");
      }
      ta[k] = tasks[k].arrays();
    }
    for (int a = 0; a < o.length; a++) {
      float[] oa = o[a];
      float[] ba = b[a];
      boolean params = a < 4;
      for (int i = 0; i < oa.length; i++) {
        float base0 = ba[i];
        float sum = 0f;
        int changed = 0;
        for (float[][] t : ta) {
          float d = t[a][i] - base0;
          if (d != 0f) {
            sum += d;
            changed++;
          }
        }
        if (changed > 0) {
          oa[i] = base0 + (params && average ? sum / changed : sum);
        }
      }
    }
    return out;
  }

  public void write(OutputStream out) throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    d.writeInt(MAGIC);
    d.writeInt(vocab);
    d.writeInt(dim);
    byte[] buf = new byte[1 << 16];
    ByteBuffer bb = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
    for (float[] a : arrays()) {
      int i = 0;
      while (i < a.length) {
        int n = Math.min(a.length - i, buf.length / 4);
        bb.clear();
        bb.asFloatBuffer().put(a, i, n);
        d.write(buf, 0, n * 4);
        i += n;
      }
    }
    d.flush();
  }

  public static GloveModel read(InputStream in) throws IOException {
    DataInputStream d = new DataInputStream(in);
    if (d.readInt() != MAGIC) {
      throw new IOException("not a GloVe model file (bad magic)");
    }
    GloveModel m = new GloveModel(d.readInt(), d.readInt());
    byte[] buf = new byte[1 << 16];
    ByteBuffer bb = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
    for (float[] a : m.arrays()) {
      int i = 0;
      while (i < a.length) {
        int n = Math.min(a.length - i, buf.length / 4);
        d.readFully(buf, 0, n * 4);
        bb.clear();
        bb.asFloatBuffer().get(a, i, n);
        i += n;
      }
    }
    return m;
  }
}
