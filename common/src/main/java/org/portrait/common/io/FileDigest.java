package org.portrait.common.io;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** SHA-256 of bytes or of a file read through Hadoop's FileSystem, as lower-case hex. */
public final class FileDigest {
  private FileDigest() {}

  public static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(sha().digest(bytes));
  }

  /** Streams the file once; memory stays one buffer whatever its size. */
  public static String sha256(FileSystem fs, Path file) throws IOException {
    MessageDigest md = sha();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = fs.open(file)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static MessageDigest sha() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
