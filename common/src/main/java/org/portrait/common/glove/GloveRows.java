package org.portrait.common.glove;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The rows of a model that one DSGD task changed: its word rows and the context rows of its column block,
 * each whole (vector, bias and AdaGrad sums). In a stratum no two tasks change the same row, so the driver
 * applies every task's rows onto the model and has the exact result, without writing, reading and comparing
 * whole models per task. File: magic "GLR1", vocab, dim, then for words and for contexts a count and, per row,
 * the row id and its {@code stride} floats (little-endian).
 */
public final class GloveRows {
  private static final int MAGIC = 0x474c5231; // "GLR1"

  private GloveRows() {}

  /** The word rows ([0]) and context rows ([1]) that {@code entries} touch. */
  public static boolean[][] touched(CooccurEntries entries, int vocab) {
    boolean[][] t = new boolean[2][vocab];
    for (int e = 0; e < entries.size(); e++) {
      t[0][entries.row[e]] = true;
      t[1][entries.col[e]] = true;
    }
    return t;
  }

  /** Writes the marked word and context rows of {@code m}. */
  public static void write(GloveModel m, boolean[][] rows, OutputStream out) throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    d.writeInt(MAGIC);
    d.writeInt(m.vocab);
    d.writeInt(m.dim);
    byte[] buf = new byte[Float.BYTES * m.stride];
    ByteBuffer bb = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
    for (int side = 0; side < 2; side++) {
      float[] table = side == 0 ? m.wt : m.ct;
      int n = 0;
      for (boolean b : rows[side]) {
        n += b ? 1 : 0;
      }
      d.writeInt(n);
      for (int r = 0; r < m.vocab; r++) {
        if (rows[side][r]) {
          d.writeInt(r);
          bb.clear();
          bb.asFloatBuffer().put(table, m.row(r), m.stride);
          d.write(buf);
        }
      }
    }
    d.flush();
  }

  /** Copies the rows in {@code in} into {@code m}; returns the number of rows copied. */
  public static int applyTo(GloveModel m, InputStream in) throws IOException {
    DataInputStream d = new DataInputStream(in);
    if (d.readInt() != MAGIC) {
      throw new IOException("not a GloVe rows file (bad magic)");
    }
    int vocab = d.readInt();
    int dim = d.readInt();
    if (vocab != m.vocab || dim != m.dim) {
      throw new IOException("rows of a " + vocab + " x " + dim + " model, applied to " + m.vocab + " x " + m.dim);
    }
    byte[] buf = new byte[Float.BYTES * m.stride];
    ByteBuffer bb = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
    int copied = 0;
    for (int side = 0; side < 2; side++) {
      float[] table = side == 0 ? m.wt : m.ct;
      int n = d.readInt();
      for (int k = 0; k < n; k++) {
        int r = d.readInt();
        if (r < 0 || r >= vocab) {
          throw new IOException("row id " + r + " outside the vocabulary (" + vocab + ")");
        }
        d.readFully(buf);
        bb.clear();
        bb.asFloatBuffer().get(table, m.row(r), m.stride);
        copied++;
      }
    }
    return copied;
  }
}
