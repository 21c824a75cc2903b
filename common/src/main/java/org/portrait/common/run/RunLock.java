package org.portrait.common.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.portrait.common.config.UserError;

/**
 * One lock per work root and dt: a small JSON file (host, pid, start time, command) created atomically: with
 * create-new on the local file system (O_EXCL), with a non-overwriting create on HDFS (the NameNode refuses a
 * second one). A second run refuses in one line naming the holder. A lock whose pid is dead on this host, or that
 * is older than the configured age, is stale: reported as such, and broken only when asked ({@code --break-lock}).
 */
public final class RunLock implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FileSystem fs;
  private final Path file;
  private boolean held = true;

  private RunLock(FileSystem fs, Path file) {
    this.fs = fs;
    this.file = file;
  }

  /** What a lock file says about its holder. */
  public record Holder(String host, long pid, Instant started, String command) {
    @Override
    public String toString() {
      return "host " + host + ", pid " + pid + ", started " + started + (command.isEmpty() ? "" : ", " + command);
    }
  }

  /**
   * Takes the lock at {@code file}. {@code maxAge} makes older locks stale; {@code breakStale} removes a stale
   * lock first (a live holder is never broken).
   */
  public static RunLock acquire(Configuration conf, Path file, String command, Duration maxAge, boolean breakStale)
      throws IOException {
    FileSystem fs = file.getFileSystem(conf);
    fs.mkdirs(file.getParent());
    ObjectNode me = JSON.createObjectNode();
    me.put("host", host());
    me.put("pid", ProcessHandle.current().pid());
    me.put("started", Instant.now().toString());
    me.put("command", command);
    byte[] content = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(me);
    for (int attempt = 0; attempt < 2; attempt++) {
      if (createNew(fs, file, content)) {
        return new RunLock(fs, file);
      }
      Holder h = read(fs, file);
      String why = staleReason(h, maxAge);
      if (why == null) {
        throw new UserError("another run holds " + file + " (" + h + "); wait for it to finish");
      }
      if (!breakStale || attempt > 0) {
        throw new UserError("stale lock " + file + " (" + h + ": " + why
            + "); if no run is using this dt, rerun with --break-lock");
      }
      fs.delete(file, false);
    }
    throw new IOException("could not take " + file);
  }

  /** Null when the holder may be alive, else why the lock is stale. */
  static String staleReason(Holder h, Duration maxAge) {
    if (h == null) {
      return "unreadable lock file";
    }
    if (h.host().equals(host()) && ProcessHandle.of(h.pid()).map(p -> !p.isAlive()).orElse(true)) {
      return "pid " + h.pid() + " is not running on this host";
    }
    if (h.started() != null && Duration.between(h.started(), Instant.now()).compareTo(maxAge) > 0) {
      return "older than " + maxAge.toHours() + " h";
    }
    return null;
  }

  private static boolean createNew(FileSystem fs, Path file, byte[] content) throws IOException {
    if (fs instanceof LocalFileSystem || fs instanceof RawLocalFileSystem) {
      // LocalFileSystem's create(overwrite=false) checks then creates: not atomic. O_EXCL is.
      java.nio.file.Path p = java.nio.file.Paths.get(fs.makeQualified(file).toUri());
      try {
        Files.write(p, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      }
    }
    try (OutputStream out = fs.create(file, false)) {
      out.write(content);
      return true;
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      if (fs.exists(file)) {
        return false; // HDFS reports an existing file as a RemoteException wrapping FileAlreadyExists
      }
      throw e;
    }
  }

  /** The holder recorded in {@code file}, or null when it cannot be read. */
  static Holder read(FileSystem fs, Path file) {
    try (InputStream in = fs.open(file)) {
      JsonNode n = JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return new Holder(n.path("host").asText(), n.path("pid").asLong(), Instant.parse(n.path("started").asText()),
          n.path("command").asText());
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** Releases the lock. */
  @Override
  public void close() throws IOException {
    if (held) {
      held = false;
      fs.delete(file, false);
    }
  }
}
