package org.portrait.jobs.metrics;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.portrait.common.config.LocalMode;

/**
 * Opens the metrics report in headless Chromium: screenshot not blank, no console errors, DOM as expected.
 * FAILS (never skips) when Chromium is missing, since CI installs it: Debian package {@code chromium}
 * ({@code apt-get install -y chromium fonts-wqy-zenhei}), or set {@code -Dportrait.chromium=/path/to/chrome}.
 * The screenshot is kept at {@code jobs/target/metrics-report.png} for a look.
 */
public class ReportChromiumTest {
  @ClassRule
  public static TemporaryFolder tmp = new TemporaryFolder();
  static File report;

  @BeforeClass
  public static void writeReport() throws Exception {
    Configuration conf = LocalMode.configure(new Configuration(), tmp.newFolder("work"));
    MetricsTestData data = new MetricsTestData(tmp.newFolder("in"), conf);
    File out = new File(tmp.getRoot(), "metrics");
    MetricsDriver.run(conf, new Path(out.toURI()), data.options(null));
    report = new File(out, "report.html");
  }

  static String chromium() {
    String configured = System.getProperty("portrait.chromium", System.getenv("CHROMIUM"));
    if (configured != null && !configured.isBlank()) {
      if (!new File(configured).canExecute()) {
        fail("portrait.chromium / CHROMIUM names " + configured + ", which is not an executable file");
      }
      return configured;
    }
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String name : new String[] {"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}) {
      for (String dir : path.split(File.pathSeparator)) {
        File f = new File(dir, name);
        if (f.canExecute()) {
          return f.getAbsolutePath();
        }
      }
    }
    fail("Chromium not found on PATH (looked for chromium, chromium-browser, google-chrome). The report test needs "
        + "it: on Debian `apt-get update && apt-get install -y chromium fonts-wqy-zenhei`, or pass "
        + "-Dportrait.chromium=/path/to/chromium");
    return null;
  }

  /** Runs Chromium headless with a fresh profile and no network services; returns stdout+stderr. */
  static String run(List<String> extra) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(chromium(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
        "--user-data-dir=" + tmp.newFolder().getAbsolutePath(), "--window-size=1280,3400"));
    cmd.addAll(extra);
    cmd.add(report.toURI().toString());
    File log = tmp.newFile();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium did not finish in 120 s: " + cmd);
    }
    String out = Files.readString(log.toPath(), StandardCharsets.UTF_8);
    assertEquals("chromium exit code; output:\n" + out, 0, p.exitValue());
    return out;
  }

  static void assertNoConsoleErrors(String log) {
    for (String bad : new String[] {"Uncaught", "ERROR:CONSOLE", "Failed to load resource", "net::ERR_"}) {
      assertFalse("chromium reported '" + bad + "':\n" + log, log.contains(bad));
    }
  }

  @Test
  public void screenshotIsNotBlank() throws Exception {
    File png = new File(tmp.getRoot(), "report.png");
    String log = run(List.of("--screenshot=" + png.getAbsolutePath()));
    assertNoConsoleErrors(log);
    assertTrue("no screenshot written; chromium said:\n" + log, png.isFile());
    File kept = new File(System.getProperty("user.dir"), "target/metrics-report.png");
    kept.getParentFile().mkdirs();
    Files.copy(png.toPath(), kept.toPath(), StandardCopyOption.REPLACE_EXISTING);
    BufferedImage img = ImageIO.read(png);
    assertEquals(1280, img.getWidth());
    long dark = 0, coloured = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y);
        int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
        if (r < 240 || g < 240 || b < 240) {
          dark++;
        }
        if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
          coloured++;
        }
      }
    }
    double total = (double) img.getWidth() * img.getHeight();
    assertTrue("screenshot nearly blank: " + dark + " non-white pixels", dark / total > 0.02);
    assertTrue("no chart colours in the screenshot: " + coloured, coloured / total > 0.002);
  }

  @Test
  public void domHasTheChartsAndChineseLabels() throws Exception {
    String dom = run(List.of("--dump-dom"));
    assertNoConsoleErrors(dom);
    assertTrue(dom.contains("酒店"));
    assertTrue(dom.contains("Per category, ours next to the baselines"));
    assertTrue("expected at least 7 inline charts", dom.split("<svg ").length - 1 >= 7);
  }
}
