package org.portrait.jobs.glove;

import static org.junit.Assert.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.Test;

public class GloveProgressTest {
  private static String run(boolean inPlace) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(b, true, StandardCharsets.UTF_8);
    GloveProgress p = new GloveProgress(ps, inPlace, 3);
    p.round(1, 0.5, 2_000_000, 2.0);
    p.round(2, 0.25, 4_000_000, 1.0);
    p.finish();
    return b.toString(StandardCharsets.UTF_8);
  }

  @Test
  public void plainLinesWhenNotATerminal() {
    String nl = System.lineSeparator();
    assertEquals("glove-train: round 1 of 3, loss 0.500000, 1.00 M updates/s, 0:04 left" + nl
        + "glove-train: round 2 of 3, loss 0.250000, 4.00 M updates/s, 0:02 left" + nl, run(false));
  }

  @Test
  public void oneRewrittenLineOnATerminal() {
    assertEquals("\rglove-train: round 1 of 3, loss 0.500000, 1.00 M updates/s, 0:04 left\u001b[K"
        + "\rglove-train: round 2 of 3, loss 0.250000, 4.00 M updates/s, 0:02 left\u001b[K"
        + System.lineSeparator(), run(true));
  }

  @Test
  public void clockShowsHours() {
    assertEquals("1:01:05", GloveProgress.clock(3665));
    assertEquals("0:59", GloveProgress.clock(59.4));
  }
}
