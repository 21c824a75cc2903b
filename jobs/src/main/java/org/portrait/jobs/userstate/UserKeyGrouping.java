package org.portrait.jobs.userstate;

import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.WritableComparator;
import org.apache.hadoop.mapreduce.Partitioner;

/**
 * Secondary sort on {@code user \u0001 tag} keys: partition and group by the user part only, so one reduce call
 * sees a user's state row and reviews, in tag order.
 */
final class UserKeyGrouping {
  private UserKeyGrouping() {}

  /** Length of the user part of a serialised key's bytes. */
  static int userLength(byte[] b, int start, int len) {
    for (int i = 0; i < len; i++) {
      if (b[start + i] == UserStateMapper.SEPARATOR) {
        return i;
      }
    }
    return len;
  }

  static String user(Text key) {
    return key.toString().substring(0, userLength(key.getBytes(), 0, key.getLength()));
  }

  /** Age in days carried by a review key's tag. */
  static int age(Text key) {
    String s = key.toString();
    int tag = userLength(key.getBytes(), 0, key.getLength()) + 1;
    return Integer.parseInt(s.substring(tag + 1));
  }

  static boolean isState(Text key) {
    String s = key.toString();
    return s.endsWith(UserStateMapper.SEPARATOR + UserStateMapper.STATE_TAG);
  }

  /** Groups by the user part. */
  public static final class Comparator extends WritableComparator {
    public Comparator() {
      super(Text.class);
    }

    @Override
    public int compare(byte[] b1, int s1, int l1, byte[] b2, int s2, int l2) {
      // Skip Text's vint length prefix.
      int n1 = org.apache.hadoop.io.WritableUtils.decodeVIntSize(b1[s1]);
      int n2 = org.apache.hadoop.io.WritableUtils.decodeVIntSize(b2[s2]);
      int u1 = userLength(b1, s1 + n1, l1 - n1);
      int u2 = userLength(b2, s2 + n2, l2 - n2);
      return compareBytes(b1, s1 + n1, u1, b2, s2 + n2, u2);
    }

    @Override
    public int compare(Object a, Object b) {
      return user((Text) a).compareTo(user((Text) b));
    }
  }

  /** Partitions by the user part. */
  public static final class UserPartitioner extends Partitioner<Text, Object> {
    @Override
    public int getPartition(Text key, Object value, int partitions) {
      return (user(key).hashCode() & Integer.MAX_VALUE) % partitions;
    }
  }
}
