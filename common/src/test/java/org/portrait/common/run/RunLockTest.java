package org.portrait.common.run;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.portrait.common.config.UserError;

public class RunLockTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();
  private final Configuration conf = new Configuration();

  @Test
  public void exactlyOneOfManyConcurrentRunsGetsTheLock() throws Exception {
    Path file = new Path(new File(tmp.getRoot(), "runs/dt=2026-01-01/lock.json").getAbsolutePath());
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    AtomicInteger won = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    List<Thread> all = new ArrayList<>();
    List<RunLock> held = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < threads; t++) {
      Thread th = new Thread(() -> {
        try {
          start.await();
          held.add(RunLock.acquire(conf, file, "test", Duration.ofHours(1), false));
          won.incrementAndGet();
        } catch (UserError e) {
          refused.incrementAndGet();
        } catch (Exception e) {
          throw new RuntimeException(e);
        }
      });
      th.start();
      all.add(th);
    }
    start.countDown();
    for (Thread th : all) {
      th.join();
    }
    assertEquals(1, won.get());
    assertEquals(threads - 1, refused.get());
    held.get(0).close();
    RunLock.acquire(conf, file, "after release", Duration.ofHours(1), false).close();
  }

  @Test
  public void secondRunIsRefusedNamingTheHolder() throws Exception {
    Path file = new Path(new File(tmp.getRoot(), "lock.json").getAbsolutePath());
    try (RunLock first = RunLock.acquire(conf, file, "pipeline 2026-01-01", Duration.ofHours(1), true)) {
      try {
        RunLock.acquire(conf, file, "second", Duration.ofHours(1), true);
        fail("second lock taken");
      } catch (UserError e) {
        // a live holder is never broken, even with --break-lock
        assertTrue(e.getMessage(), e.getMessage().contains("pid " + ProcessHandle.current().pid()));
        assertTrue(e.getMessage(), e.getMessage().contains("another run holds"));
        assertTrue(e.getMessage(), e.getMessage().contains("pipeline 2026-01-01"));
      }
    }
  }

  @Test
  public void staleLockIsReportedAndBrokenOnlyWhenAsked() throws Exception {
    File f = new File(tmp.getRoot(), "lock.json");
    String host = java.net.InetAddress.getLocalHost().getHostName();
    // A pid that cannot be running: beyond the kernel's pid_max.
    Files.writeString(f.toPath(), "{\"host\":\"" + host + "\",\"pid\":2147483000,\"started\":\"2026-01-01T00:00:00Z\","
        + "\"command\":\"killed run\"}", StandardCharsets.UTF_8);
    Path file = new Path(f.getAbsolutePath());
    try {
      RunLock.acquire(conf, file, "next", Duration.ofDays(3650), false);
      fail("stale lock silently taken");
    } catch (UserError e) {
      assertTrue(e.getMessage(), e.getMessage().contains("stale lock"));
      assertTrue(e.getMessage(), e.getMessage().contains("not running"));
      assertTrue(e.getMessage(), e.getMessage().contains("--break-lock"));
    }
    RunLock.acquire(conf, file, "next", Duration.ofDays(3650), true).close();
  }

  @Test
  public void lockOlderThanTheMaxAgeIsStale() throws Exception {
    File f = new File(tmp.getRoot(), "lock.json");
    // Another host: its pid cannot be checked, only the age.
    Files.writeString(f.toPath(), "{\"host\":\"elsewhere.example\",\"pid\":1,\"started\":\"2020-01-01T00:00:00Z\","
        + "\"command\":\"old\"}", StandardCharsets.UTF_8);
    try {
      RunLock.acquire(conf, new Path(f.getAbsolutePath()), "next", Duration.ofHours(24), false);
      fail("old lock silently taken");
    } catch (UserError e) {
      assertTrue(e.getMessage(), e.getMessage().contains("older than 24 h"));
    }
    Files.writeString(f.toPath(), "{\"host\":\"elsewhere.example\",\"pid\":1,\"started\":\""
        + java.time.Instant.now() + "\",\"command\":\"recent\"}", StandardCharsets.UTF_8);
    try {
      RunLock.acquire(conf, new Path(f.getAbsolutePath()), "next", Duration.ofHours(24), true);
      fail("a recent lock of another host was broken");
    } catch (UserError e) {
      assertTrue(e.getMessage(), e.getMessage().contains("another run holds"));
    }
  }
}
