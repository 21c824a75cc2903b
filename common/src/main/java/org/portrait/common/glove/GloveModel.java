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
 * GloVe parameters in two interleaved row tables: {@link #wt} for words, {@link #ct} for contexts. Row r starts
 * at {@code r * stride}: the vector ({@code dim} floats), the bias, then at {@code + half} the AdaGrad
 * squared-gradient sums of the vector and of the bias (starting at 1, as the reference, so the first step
 * equals the learning rate). Interleaving makes an update touch two contiguous runs of memory instead of eight
 * scattered ones (vector, bias and their sums for both rows): the update is memory bound. Everything a resume
 * needs is in here. The file format ({@link #write}) keeps the flat layout W, C, bW, bC, gW, gC, gbW, gbC.
 */
public final class GloveModel {
  private static final int MAGIC = 0x474c5631; // "GLV1"
  public final int vocab;
  public final int dim;
  /** Floats from a row's parameters to its AdaGrad sums: dim + 1 (vector and bias). */
  public final int half;
  /** Floats per row: parameters and their sums. */
  public final int stride;
  /** Word rows: W vector, bW, sums of W, sum of bW. */
  public final float[] wt;
  /** Context rows: C vector, bC, sums of C, sum of bC. */
  public final float[] ct;

  public GloveModel(int vocab, int dim) {
    if (vocab <= 0 || dim <= 0) {
      throw new IllegalArgumentException("vocab and dim must be positive: " + vocab + ", " + dim);
    }
    long cells = (long) vocab * (dim + 1) * 2;
    if (cells > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("vocab x (dim + 1) x 2 = " + cells + " does not fit into one float[]");
    }
    this.vocab = vocab;
    this.dim = dim;
    this.half = dim + 1;
    this.stride = 2 * half;
    wt = new float[(int) cells];
    ct = new float[(int) cells];
  }

  /** Bytes the model's arrays take: 2 vector tables, 2 bias arrays, and the same again for AdaGrad. */
  public static long bytesFor(long vocab, long dim) {
    return vocab * (dim + 1) * 2L * 2L * Float.BYTES;
  }

  /** Offset of row {@code r}'s vector in {@link #wt} or {@link #ct}. */
  public int row(int r) {
    return r * stride;
  }

  /** Seeded start: values uniform in [-0.5, 0.5) / dim (as the reference, same draw order), AdaGrad sums 1. */
  public static GloveModel init(int vocab, int dim, long seed) {
    GloveModel m = new GloveModel(vocab, dim);
    SplittableRandom r = new SplittableRandom(seed);
    for (float[] t : new float[][] {m.wt, m.ct}) {
      for (int i = 0; i < vocab; i++) {
        for (int k = 0; k < dim; k++) {
          t[i * m.stride + k] = uniform(r, dim);
        }
      }
    }
    for (float[] t : new float[][] {m.wt, m.ct}) {
      for (int i = 0; i < vocab; i++) {
        t[i * m.stride + dim] = uniform(r, dim);
      }
    }
    for (float[] t : new float[][] {m.wt, m.ct}) {
      for (int i = 0; i < vocab; i++) {
        java.util.Arrays.fill(t, i * m.stride + m.half, (i + 1) * m.stride, 1f);
      }
    }
    return m;
  }

  private static float uniform(SplittableRandom r, int dim) {
    return (float) ((r.nextDouble() - 0.5) / dim);
  }

  public GloveModel copy() {
    GloveModel m = new GloveModel(vocab, dim);
    System.arraycopy(wt, 0, m.wt, 0, wt.length);
    System.arraycopy(ct, 0, m.ct, 0, ct.length);
    return m;
  }

  /** The 8 logical arrays in file order: W, C, bW, bC, gW, gC, gbW, gbC (table, offset in row, length). */
  private static final String[] NAMES = {"W", "C", "bW", "bC", "gW", "gC", "gbW", "gbC"};

  private float[] table(int a) {
    return a % 2 == 0 ? wt : ct;
  }

  private int offset(int a) {
    return (a >= 4 ? half : 0) + ((a / 2) % 2 == 1 ? dim : 0);
  }

  private int width(int a) {
    return (a / 2) % 2 == 1 ? 1 : dim;
  }

  /** First parameter that is NaN or infinite as "array:index" (flat index as in the file), or null. */
  public String firstNonFinite() {
    for (int a = 0; a < NAMES.length; a++) {
      float[] t = table(a);
      int off = offset(a);
      int n = width(a);
      for (int i = 0; i < vocab; i++) {
        for (int k = 0; k < n; k++) {
          if (!Float.isFinite(t[i * stride + off + k])) {
            return NAMES[a] + ":" + (i * n + k);
          }
        }
      }
    }
    return null;
  }

  /** Output vector of word {@code id}: W + C, as the reference's default model. */
  public float[] outputVector(int id) {
    float[] v = new float[dim];
    int o = id * stride;
    for (int k = 0; k < dim; k++) {
      v[k] = wt[o + k] + ct[o + k];
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
    for (GloveModel t : tasks) {
      if (t.vocab != base.vocab || t.dim != base.dim) {
        throw new IllegalArgumentException("task model shape differs from the base model");
      }
    }
    GloveModel out = base.copy();
    for (int side = 0; side < 2; side++) {
      float[] oa = side == 0 ? out.wt : out.ct;
      float[] ba = side == 0 ? base.wt : base.ct;
      for (int i = 0; i < oa.length; i++) {
        float base0 = ba[i];
        float sum = 0f;
        int changed = 0;
        for (GloveModel t : tasks) {
          float d = (side == 0 ? t.wt : t.ct)[i] - base0;
          if (d != 0f) {
            sum += d;
            changed++;
          }
        }
        if (changed > 0) {
          boolean param = i % base.stride < base.half;
          oa[i] = base0 + (param && average ? sum / changed : sum);
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
    byte[] buf = new byte[Float.BYTES * dim];
    ByteBuffer bb = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
    for (int a = 0; a < NAMES.length; a++) {
      float[] t = table(a);
      int off = offset(a);
      int n = width(a);
      for (int i = 0; i < vocab; i++) {
        bb.clear();
        bb.asFloatBuffer().put(t, i * stride + off, n);
        d.write(buf, 0, n * 4);
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
    byte[] buf = new byte[Float.BYTES * m.dim];
    ByteBuffer bb = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
    for (int a = 0; a < NAMES.length; a++) {
      float[] t = m.table(a);
      int off = m.offset(a);
      int n = m.width(a);
      for (int i = 0; i < m.vocab; i++) {
        d.readFully(buf, 0, n * 4);
        bb.clear();
        bb.asFloatBuffer().get(t, i * m.stride + off, n);
      }
    }
    return m;
  }
}
