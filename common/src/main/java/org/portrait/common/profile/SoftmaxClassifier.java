package org.portrait.common.profile;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Multinomial logistic regression over hashed sparse features (see {@link TextFeatures}), trained by
 * seeded SGD with AdaGrad step sizes and L2 shrinkage. Training order is a seeded shuffle, so the same data
 * and seed give bit-identical weights. Two classes make it a binary (sentiment) classifier.
 */
public final class SoftmaxClassifier {
  private static final int MAGIC = 0x50434c31; // "PCL1"
  private final List<String> labels;
  private final int bits;
  private final int dim;
  private final float[] w; // [feature][class], row-major by feature for locality

  public SoftmaxClassifier(List<String> labels, int bits) {
    if (labels.size() < 2) {
      throw new IllegalArgumentException("a classifier needs at least two classes, got " + labels);
    }
    this.labels = List.copyOf(labels);
    this.bits = bits;
    this.dim = 1 << bits;
    this.w = new float[dim * labels.size()];
  }

  public List<String> labels() {
    return labels;
  }

  public int bits() {
    return bits;
  }

  /** Class probabilities of an encoded review. */
  public double[] predict(int[] features) {
    int k = labels.size();
    double[] z = new double[k];
    float v = TextFeatures.value(features);
    for (int f : features) {
      int off = f * k;
      for (int c = 0; c < k; c++) {
        z[c] += w[off + c] * v;
      }
    }
    double max = Double.NEGATIVE_INFINITY;
    for (double x : z) {
      max = Math.max(max, x);
    }
    double sum = 0;
    for (int c = 0; c < k; c++) {
      z[c] = Math.exp(z[c] - max);
      sum += z[c];
    }
    for (int c = 0; c < k; c++) {
      z[c] /= sum;
    }
    return z;
  }

  /** Training settings. */
  public static final class Settings {
    public int epochs = 6;
    public double learningRate = 0.5;
    public double l2 = 1e-6;
    public long seed = 1;
  }

  /**
   * Trains on {@code examples} (encoded reviews) with class indices {@code y}. Examples are visited in a
   * seeded random order each epoch.
   */
  public void train(List<int[]> examples, int[] y, Settings s) {
    int k = labels.size();
    float[] g2 = new float[w.length];
    java.util.Arrays.fill(g2, 1e-2f);
    int n = examples.size();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Random rnd = new Random(s.seed);
    double[] grad = new double[k];
    for (int e = 0; e < s.epochs; e++) {
      for (int i = n - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (int idx : order) {
        int[] x = examples.get(idx);
        if (x.length == 0) {
          continue;
        }
        double[] p = predict(x);
        for (int c = 0; c < k; c++) {
          grad[c] = p[c] - (c == y[idx] ? 1 : 0);
        }
        float v = TextFeatures.value(x);
        for (int f : x) {
          int off = f * k;
          for (int c = 0; c < k; c++) {
            double g = grad[c] * v + s.l2 * w[off + c];
            g2[off + c] += (float) (g * g);
            w[off + c] -= (float) (s.learningRate * g / Math.sqrt(g2[off + c]));
          }
        }
      }
    }
  }

  /** Index of the largest value. */
  public static int argmax(double[] p) {
    int best = 0;
    for (int i = 1; i < p.length; i++) {
      if (p[i] > p[best]) {
        best = i;
      }
    }
    return best;
  }

  public void write(OutputStream os) throws IOException {
    DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(os));
    out.writeInt(MAGIC);
    out.writeInt(bits);
    out.writeInt(labels.size());
    for (String l : labels) {
      out.writeUTF(l);
    }
    for (float f : w) {
      out.writeFloat(f);
    }
    out.flush();
  }

  public static SoftmaxClassifier read(InputStream is) throws IOException {
    DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(is));
    if (in.readInt() != MAGIC) {
      throw new IOException("not a Portrait classifier file");
    }
    int bits = in.readInt();
    int k = in.readInt();
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      labels.add(in.readUTF());
    }
    SoftmaxClassifier c = new SoftmaxClassifier(labels, bits);
    // One bulk read: a float at a time through DataInputStream costs seconds for a 10 MB model.
    byte[] raw = new byte[c.w.length * Float.BYTES];
    in.readFully(raw);
    java.nio.ByteBuffer.wrap(raw).asFloatBuffer().get(c.w);
    return c;
  }
}
