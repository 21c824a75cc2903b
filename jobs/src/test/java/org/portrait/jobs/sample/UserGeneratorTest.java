package org.portrait.jobs.sample;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.portrait.common.UserSplit;
import org.portrait.common.csv.Csv;
import org.portrait.common.csv.CsvReader;

public class UserGeneratorTest {
  @Rule
  public TemporaryFolder tmp = new TemporaryFolder();

  /** A corpus of 5 categories (800/600/400/200/100 reviews) plus dirt: duplicates, empty texts, BOMs, quoting. */
  static String corpus() {
    StringBuilder sb = new StringBuilder("cat,label,review\n");
    String[] cats = {"书籍", "手机", "水果", "酒店", "热水器"};
    int[] sizes = {800, 600, 400, 200, 100};
    Random r = new Random(7);
    for (int c = 0; c < cats.length; c++) {
      for (int i = 0; i < sizes[c]; i++) {
        String text = cats[c] + " review " + i + (i % 7 == 0 ? ", with \"quotes\"\nand a line" : "");
        sb.append(cats[c]).append(',').append(r.nextInt(2)).append(',').append(Csv.quote(text, ',')).append('\n');
      }
    }
    sb.append("书籍,1,书籍 review 1\n");          // duplicate
    sb.append("书籍,1,\uFEFF书籍 review 2\n");     // duplicate once the BOM is stripped
    sb.append("书籍,0,\"\"\n");                   // empty
    return sb.toString();
  }

  private static String[] run(String corpus, UserGenerator.Options o) throws Exception {
    StringWriter reviews = new StringWriter();
    StringWriter truth = new StringWriter();
    UserGenerator.generate(new StringReader(corpus), reviews, truth, o);
    return new String[] {reviews.toString(), truth.toString()};
  }

  private static UserGenerator.Options opts(long seed, int users) {
    UserGenerator.Options o = new UserGenerator.Options();
    o.seed = seed;
    o.users = users;
    return o;
  }

  @Test
  public void sameSeedSameBytes() throws Exception {
    String c = corpus();
    String[] a = run(c, opts(1, 40));
    String[] b = run(c, opts(1, 40));
    assertArrayEquals(a[0].getBytes(StandardCharsets.UTF_8), b[0].getBytes(StandardCharsets.UTF_8));
    assertArrayEquals(a[1].getBytes(StandardCharsets.UTF_8), b[1].getBytes(StandardCharsets.UTF_8));
    assertNotEquals(a[0], run(c, opts(2, 40))[0]);
  }

  @Test
  public void followsTheProtocol() throws Exception {
    String c = corpus();
    UserGenerator.Stats stats = new UserGenerator.Stats();
    List<UserGenerator.Item> items = UserGenerator.readCorpus(new StringReader(c), stats);
    assertEquals(2100, items.size());
    assertEquals(2, stats.duplicatesDropped);
    assertEquals(1, stats.emptyDropped);
    String[] out = run(c, opts(3, 40));

    Map<String, List<String>> userCats = new HashMap<>();
    Map<String, int[]> userLabels = new HashMap<>();
    Set<String> ids = new HashSet<>();
    try (CsvReader r = new CsvReader(new StringReader(out[0]), ',')) {
      assertEquals(List.of("review_id", "user_id", "ts", "category", "label", "text"), r.next());
      List<String> f;
      while ((f = r.next()) != null) {
        assertEquals(6, f.size());
        assertTrue("review reused: " + f.get(0), ids.add(f.get(0)));
        UserGenerator.Item it = items.get(Integer.parseInt(f.get(0).substring(1)));
        assertEquals(it.text(), f.get(5));
        assertEquals(it.category(), f.get(3));
        assertTrue(f.get(2).matches("2024-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        userCats.computeIfAbsent(f.get(1), k -> new ArrayList<>()).add(f.get(3));
        userLabels.computeIfAbsent(f.get(1), k -> new int[2])[Integer.parseInt(f.get(4))]++;
      }
    }
    assertEquals(40, userCats.size());
    long inInterest = 0;
    long total = 0;
    try (CsvReader r = new CsvReader(new StringReader(out[1]), ',')) {
      assertEquals(List.of("user_id", "split", "interests", "sentiment"), r.next());
      List<String> f;
      while ((f = r.next()) != null) {
        String user = f.get(0);
        assertEquals(UserSplit.of(user, UserSplit.DEFAULT_TEST_SHARE), f.get(1));
        String[] parts = f.get(2).split("\\|");
        assertTrue(parts.length >= 1 && parts.length <= 3);
        Set<String> interests = new HashSet<>();
        double sum = 0;
        double prev = 2;
        for (String p : parts) {
          String[] cw = p.split(":");
          assertTrue(interests.add(cw[0]));
          double w = Double.parseDouble(cw[1]);
          assertTrue(cw[1].matches("\\d\\.\\d{4}"));
          assertTrue("heaviest first", w <= prev + 1e-4);
          prev = w;
          sum += w;
        }
        assertEquals(1.0, sum, 1e-9);
        List<String> cats = userCats.get(user);
        assertTrue(cats.size() >= 20 && cats.size() <= 60);
        for (String cat : cats) {
          inInterest += interests.contains(cat) ? 1 : 0;
        }
        total += cats.size();
        int[] l = userLabels.get(user);
        assertEquals(l[1] >= l[0] ? "positive" : "negative", f.get(3));
      }
    }
    double share = inInterest / (double) total;
    // 80% are drawn from the interests; some of the other 20% land there too.
    assertTrue("interest share " + share, share >= 0.8 && share <= 0.95);
  }

  @Test
  public void stopsWhenSupplyRunsOut() throws Exception {
    UserGenerator.Options o = opts(1, 1000);
    StringWriter reviews = new StringWriter();
    UserGenerator.Stats s = UserGenerator.generate(new StringReader(corpus()), reviews, new StringWriter(), o);
    assertTrue(s.supplyExhausted);
    assertTrue(s.usersMade > 30 && s.usersMade < 1000);
    assertTrue(s.reviewsUsed <= 2100 && s.reviewsUsed > 2100 - 60);
    assertTrue(s.toString().contains("SUPPLY EXHAUSTED"));
    long records = 0;
    try (CsvReader r = new CsvReader(new StringReader(reviews.toString()), ',')) {
      while (r.next() != null) {
        records++;
      }
    }
    assertEquals(s.reviewsUsed + 1, records); // + header
  }

  @Test
  public void commandWritesBothFilesAndRequireAllFailsCleanly() throws Exception {
    File corpus = tmp.newFile("corpus.csv");
    Files.write(corpus.toPath(), corpus().getBytes(StandardCharsets.UTF_8));
    File out = new File(tmp.getRoot(), "out");
    Configuration conf = new Configuration();
    assertEquals(0, ToolRunner.run(conf, new MakeUsersCommand(), new String[] {"--help"}));
    assertEquals(2, ToolRunner.run(conf, new MakeUsersCommand(), new String[] {"--bogus", "1"}));
    assertEquals(0, ToolRunner.run(conf, new MakeUsersCommand(), new String[] {"--input", corpus.getPath(),
        "--output", out.getPath(), "--users", "10", "--seed", "5", "--from", "2023-01-01", "--to", "2023-02-01"}));
    String reviews = Files.readString(new File(out, "reviews.csv").toPath());
    assertTrue(reviews.startsWith("review_id,user_id,ts,category,label,text\n"));
    assertTrue(reviews.contains(",2023-01-"));
    assertTrue(new File(out, "truth.csv").isFile());
    assertEquals("plain files only, no .crc beside them", java.util.Set.of("reviews.csv", "truth.csv"),
        java.util.Set.of(out.list()));
    File out2 = new File(tmp.getRoot(), "out2");
    assertEquals(1, ToolRunner.run(conf, new MakeUsersCommand(), new String[] {"--input", corpus.getPath(),
        "--output", out2.getPath(), "--users", "1000", "--require-all"}));
    assertFalse(out2.exists());
  }
}
