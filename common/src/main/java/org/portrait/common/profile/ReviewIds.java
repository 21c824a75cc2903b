package org.portrait.common.profile;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * 64-bit review-id hashes and the set of them a user state keeps. A hash rather than the id itself keeps the
 * set at 8 bytes per review; at 2^64 a collision between two of one user's reviews is negligible.
 */
public final class ReviewIds {
  // Open addressing; 0 marks an empty slot, so the hash 0 is remembered apart.
  private long[] table = new long[16];
  private int size;
  private boolean hasZero;

  /** FNV-1a over the UTF-8 bytes, finished with a mixer so nearby ids spread over the whole range. */
  public static long hash(CharSequence reviewId) {
    long h = 0xcbf29ce484222325L;
    for (byte b : reviewId.toString().getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return mix(h);
  }

  /** SplitMix64's finaliser. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** Adds a hash; false when it was already there. */
  public boolean add(long h) {
    if (h == 0) {
      if (hasZero) {
        return false;
      }
      hasZero = true;
      size++;
      return true;
    }
    if ((size + 1) * 2 > table.length) {
      grow();
    }
    int mask = table.length - 1;
    int i = (int) (h ^ (h >>> 32)) & mask;
    while (table[i] != 0) {
      if (table[i] == h) {
        return false;
      }
      i = (i + 1) & mask;
    }
    table[i] = h;
    size++;
    return true;
  }

  public boolean contains(long h) {
    if (h == 0) {
      return hasZero;
    }
    int mask = table.length - 1;
    int i = (int) (h ^ (h >>> 32)) & mask;
    while (table[i] != 0) {
      if (table[i] == h) {
        return true;
      }
      i = (i + 1) & mask;
    }
    return false;
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    int mask = table.length - 1;
    for (long h : old) {
      if (h != 0) {
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (table[i] != 0) {
          i = (i + 1) & mask;
        }
        table[i] = h;
      }
    }
  }

  public int size() {
    return size;
  }

  /** The hashes sorted (so equal sets give equal bytes), 8 bytes each, big-endian. */
  public ByteBuffer toBytes() {
    long[] all = new long[size];
    int n = 0;
    if (hasZero) {
      all[n++] = 0;
    }
    for (long h : table) {
      if (h != 0) {
        all[n++] = h;
      }
    }
    Arrays.sort(all);
    ByteBuffer b = ByteBuffer.allocate(size * 8);
    for (long h : all) {
      b.putLong(h);
    }
    b.flip();
    return b;
  }

  /** Reads what {@link #toBytes} wrote. */
  public static ReviewIds fromBytes(ByteBuffer bytes) {
    ByteBuffer b = bytes.duplicate();
    ReviewIds ids = new ReviewIds();
    while (b.remaining() >= 8) {
      ids.add(b.getLong());
    }
    return ids;
  }
}
