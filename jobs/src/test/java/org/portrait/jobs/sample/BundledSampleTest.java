package org.portrait.jobs.sample;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.Test;

/** The bundled sample is exactly what make-users makes from the shared corpus with the command in its NOTE.md. */
public class BundledSampleTest {

  @Test
  public void sampleIsReproducible() throws Exception {
    File shared = new File(System.getProperty("portrait.shared.dir", "../shared"));
    File corpus = new File(shared, "data/reviews/online_shopping_10_cats.csv");
    assertTrue("shared corpus missing: " + corpus.getAbsolutePath() + " (set -Dportrait.shared.dir)", corpus.isFile());
    File sample = new File(System.getProperty("portrait.project.dir", ".."), "data/sample");
    UserGenerator.Options o = new UserGenerator.Options(); // defaults = the NOTE.md command
    o.seed = 1;
    o.users = 300;
    StringWriter reviews = new StringWriter();
    StringWriter truth = new StringWriter();
    UserGenerator.Stats s;
    try (Reader in = Files.newBufferedReader(corpus.toPath(), StandardCharsets.UTF_8)) {
      s = UserGenerator.generate(in, reviews, truth, o);
    }
    assertEquals(300, s.usersMade);
    assertArrayEquals(Files.readAllBytes(new File(sample, "reviews.csv").toPath()),
        reviews.toString().getBytes(StandardCharsets.UTF_8));
    assertArrayEquals(Files.readAllBytes(new File(sample, "truth.csv").toPath()),
        truth.toString().getBytes(StandardCharsets.UTF_8));
    assertTrue(new File(sample, "reviews.csv").length() + new File(sample, "truth.csv").length() < 3_000_000);
  }
}
