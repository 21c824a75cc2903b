package org.portrait.jobs.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.portrait.common.config.LocalMode;
import org.portrait.common.csv.Csv;
import org.portrait.common.csv.CsvReader;
import org.portrait.common.embeval.NeighbourOverlap;
import org.portrait.common.embeval.WordVectors;
import org.portrait.common.io.AvroFiles;
import org.portrait.jobs.glove.GloveTrainDriver;
import org.portrait.jobs.models.ModelRegistry;
import org.portrait.jobs.profile.ProfileDriverTestAccess;
import org.portrait.jobs.sample.SpreadDaysCommand;
import org.portrait.jobs.userstate.UserStateDriver;
import org.portrait.schema.UserProfile;
import org.portrait.schema.UserState;

/**
 * The production lifecycle on the bundled sample's 300 users, their reviews dealt out over 31 days: {@code train}
 * on days 1–20, {@code daily} on 21–30; the dt=30 profiles cover every user and equal one run over all 30 days
 * with the same model; days made to trip each data gate publish nothing; a warm-started retrain on days 1–27;
 * a new model makes the next daily rebuild the state, and a rollback brings the old model back.
 */
public class LifecycleIT {
  @ClassRule public static TemporaryFolder tmp = new TemporaryFolder();
  static final LocalDate DAY1 = LocalDate.parse("2026-01-01");
  static Configuration conf;
  static Path root;
  static Path raw;
  static String modelA;
  static long reviewsOfDays1to30;
  static final Map<String, Double> seconds = new LinkedHashMap<>();
  static final ByteArrayOutputStream log = new ByteArrayOutputStream();
  static final PrintStream progress = new PrintStream(log, true, StandardCharsets.UTF_8);

  static String day(int d) {
    return DAY1.plusDays(d - 1).toString();
  }

  static Path rawDay(int d) {
    return new Path(raw, "dt=" + day(d));
  }

  static int daily(String dt, Path input) throws Exception {
    long t0 = System.nanoTime();
    int rc = DailyDriver.run(new Configuration(conf), new PipelineLayout(root, input.toString(), null, null, null, dt),
        null, false, progress);
    seconds.put("daily " + dt, (System.nanoTime() - t0) / 1e9);
    return rc;
  }

  static TrainDriver.Result train(int lastDay) throws Exception {
    List<String> inputs = new ArrayList<>();
    for (int d = 1; d <= lastDay; d++) {
      inputs.add(rawDay(d).toString());
    }
    long t0 = System.nanoTime();
    TrainDriver.Result r = TrainDriver.run(new Configuration(conf), root, inputs, day(lastDay), false, progress);
    seconds.put("train 1-" + lastDay, (System.nanoTime() - t0) / 1e9);
    return r;
  }

  @BeforeClass
  public static void trainThenTenDays() throws Exception {
    File dir = tmp.newFolder("lifecycle");
    conf = LocalMode.configure(new Configuration(), dir);
    conf.setInt("portrait.glove.dim", 50);
    root = new Path(dir.getPath());
    raw = new Path(root, "raw");
    File sample = new File(System.getProperty("portrait.project.dir", ".."), "data/sample/reviews.csv");
    long[] perDay = SpreadDaysCommand.run(conf, new Path(sample.getPath()), raw, 31, DAY1);
    for (int d = 0; d < 30; d++) {
      reviewsOfDays1to30 += perDay[d];
    }
    modelA = train(20).modelId();
    for (int d = 21; d <= 30; d++) {
      assertEquals(log.toString(StandardCharsets.UTF_8), 0, daily(day(d), rawDay(d)));
    }
  }

  static Map<String, UserProfile> profiles(Path dir) throws Exception {
    Map<String, UserProfile> out = new HashMap<>();
    for (UserProfile p : ProfileDriverTestAccess.readProfiles(conf, dir)) {
      out.put(p.getUserKey(), p);
    }
    return out;
  }

  static Path published(String table, String dt) {
    return new Path(root, "warehouse/" + table + "/dt=" + dt);
  }

  @Test
  public void dailyProfilesCoverEveryUserAndEqualOneRunOverAllDays() throws Exception {
    Map<String, UserProfile> daily = profiles(published("user_profile", day(30)));
    assertEquals(300, daily.size());
    // One run over days 1..30 with the same model: the state job rebuilding from the whole segmented history.
    Path once = new Path(root, "oneshot");
    UserStateDriver.run(new Configuration(conf), new UserStateDriver.Options(ModelRegistry.modelDir(root, modelA),
        null, new Path(root, "staging/dt=*/segment"), day(30), once));
    Map<String, UserProfile> oneShot = profiles(new Path(once, UserStateDriver.PROFILES_DIR));
    assertEquals(daily.keySet(), oneShot.keySet());
    int reviews = 0;
    for (String u : daily.keySet()) {
      UserProfile a = daily.get(u);
      UserProfile b = oneShot.get(u);
      reviews += a.getReviewCount();
      assertEquals(u, b.getReviewCount(), a.getReviewCount());
      for (int i = 0; i < a.getVector().size(); i++) {
        assertEquals(u, b.getVector().get(i), a.getVector().get(i), 1e-6);
      }
      for (String c : a.getInterestScores().keySet()) {
        assertEquals(u + " " + c, b.getInterestScores().get(c), a.getInterestScores().get(c), 1e-6);
      }
      assertEquals(u, b.getSentimentScore(), a.getSentimentScore(), 1e-6);
      assertEquals(u, b.getTopInterests(), a.getTopInterests());
      assertEquals(modelA, a.getModelId());
    }
    assertEquals(reviewsOfDays1to30, reviews);
    // state size per user, for the record
    FileSystem fs = root.getFileSystem(conf);
    long bytes = fs.getContentSummary(new Path(root, "state/dt=" + day(30) + "/user_state")).getLength();
    System.err.printf("lifecycle: user_state %d bytes for %d users (%.0f bytes/user); times %s%n", bytes,
        daily.size(), bytes / (double) daily.size(), seconds);
  }

  @Test
  public void segmentIdsStayForUsersWhoseReviewsDidNotChange() throws Exception {
    Map<String, UserProfile> d29 = profiles(published("user_profile", day(29)));
    Map<String, UserProfile> d30 = profiles(published("user_profile", day(30)));
    int unchanged = 0;
    int kept = 0;
    for (String u : d30.keySet()) {
      UserProfile a = d29.get(u);
      UserProfile b = d30.get(u);
      if (a != null && a.getReviewCount() == b.getReviewCount()) {
        unchanged++;
        if (a.getSegmentId() != null && a.getSegmentId().equals(b.getSegmentId())) {
          kept++;
        }
      }
    }
    assertTrue("few users without a new review: " + unchanged, unchanged > 50);
    assertTrue(kept + " of " + unchanged + " kept their segment", kept >= 0.95 * unchanged);
  }

  /** A day of reviews for every user, with {@code text} as each review's text (CSV of the raw format). */
  static Path madeDay(String name, int perUser, java.util.function.IntFunction<String> text) throws Exception {
    File f = new File(tmp.getRoot(), name + "/reviews.csv");
    f.getParentFile().mkdirs();
    StringBuilder s = new StringBuilder("review_id,user_id,ts,category,label,text\n");
    for (int u = 1; u <= 300; u++) {
      for (int i = 0; i < perUser; i++) {
        s.append(name).append('-').append(u).append('-').append(i).append(',')
            .append(String.format("u%05d", u)).append(",2026-01-31T10:00:00Z,,1,")
            .append(Csv.quote(text.apply(u * 1000 + i), ',')).append('\n');
      }
    }
    Files.writeString(f.toPath(), s, StandardCharsets.UTF_8);
    return new Path(f.getParent());
  }

  static void assertRefused(String why, Path input) throws Exception {
    String before = ModelRegistry.current(conf, root).orElseThrow();
    // Day 32, so the other tests' days are not touched whatever order JUnit runs them in.
    int rc = daily(day(32), input);
    assertNotEquals(why + " published: " + log, 0, rc);
    assertFalse(why, root.getFileSystem(conf).exists(published("user_profile", day(32))));
    assertEquals(before, ModelRegistry.current(conf, root).orElseThrow());
  }

  @Test
  public void eachDataGateHoldsBackADayMadeToTripIt() throws Exception {
    String[] english = {"great phone fast delivery", "battery life is good", "would buy again", "nice hotel room"};
    assertRefused("a day in another language", madeDay("english", 3, i -> english[i % english.length]));
    assertTrue(log.toString(StandardCharsets.UTF_8), log.toString(StandardCharsets.UTF_8).contains("in-vocab-share"));
    assertRefused("a day of empty texts", madeDay("empty", 2, i -> "   "));
    // Every user suddenly writes forty reviews about the one category fewest users had as their top interest.
    Map<String, Integer> top = new HashMap<>();
    for (UserProfile p : profiles(published("user_profile", day(30))).values()) {
      top.merge(p.getTopInterests().isEmpty() ? "" : p.getTopInterests().get(0), 1, Integer::sum);
    }
    List<String> texts = new ArrayList<>();
    String rare = null;
    File sample = new File(System.getProperty("portrait.project.dir", ".."), "data/sample/reviews.csv");
    Map<String, List<String>> byCategory = new HashMap<>();
    try (CsvReader r = new CsvReader(Files.newBufferedReader(sample.toPath()), ',')) {
      r.nextRaw();
      String rec;
      while ((rec = r.nextRaw()) != null) {
        List<String> f = Csv.parse(rec, ',');
        byCategory.computeIfAbsent(f.get(3), k -> new ArrayList<>()).add(f.get(5));
      }
    }
    for (String c : byCategory.keySet()) {
      if (rare == null || top.getOrDefault(c, 0) < top.getOrDefault(rare, 0)) {
        rare = c;
      }
    }
    texts.addAll(byCategory.get(rare));
    log.reset();
    assertRefused("a day whose interest mix is flipped to " + rare, madeDay("flipped", 40,
        i -> texts.get(i % texts.size())));
    assertTrue(log.toString(StandardCharsets.UTF_8), log.toString(StandardCharsets.UTF_8).contains("interest-psi"));
  }

  @Test
  public void warmStartedRetrainThenRollback() throws Exception {
    // A site that demands near-identical neighbours holds the retrained model back: registered, not current.
    File strict = tmp.newFile("strict-gates.properties");
    Files.writeString(strict.toPath(), "model.neighbour-overlap.min=0.99\n", StandardCharsets.UTF_8);
    Configuration site = new Configuration(conf);
    site.set(org.portrait.common.gates.GateThresholds.FILE, strict.getPath());
    List<String> inputs = new ArrayList<>();
    for (int d = 1; d <= 27; d++) {
      inputs.add(rawDay(d).toString());
    }
    try {
      TrainDriver.run(site, root, inputs, day(27), false, progress);
      org.junit.Assert.fail("a model under the overlap floor was promoted");
    } catch (org.portrait.common.config.UserError e) {
      assertTrue(e.getMessage(), e.getMessage().contains("model.neighbour-overlap.min"));
      assertTrue(e.getMessage(), e.getMessage().contains("not promoted"));
    }
    assertEquals(modelA, ModelRegistry.current(conf, root).orElseThrow());
    assertEquals(2, ModelRegistry.list(conf, root).size());
    String heldBack = ModelRegistry.list(conf, root).stream().map(ModelRegistry.ModelInfo::id)
        .filter(id -> !id.equals(modelA)).findFirst().orElseThrow();
    Path checkpoints = new Path(root, "checkpoints/dt=" + day(27) + "/train-glove");
    assertFalse("a registered model's checkpoints are removed", checkpoints.getFileSystem(conf).exists(checkpoints));

    // An attempt killed after GloVe round 3, then retried: the retry resumes and ends on the same loss curve as
    // the uninterrupted (held-back) run over the same days.
    Configuration killed = new Configuration(conf);
    killed.setInt(GloveTrainDriver.TEST_FAIL_AFTER_ROUND, 3);
    try {
      TrainDriver.run(killed, root, inputs, day(27), false, progress);
      org.junit.Assert.fail("the attempt was not stopped");
    } catch (java.io.IOException e) {
      assertTrue(e.getMessage(), e.getMessage().contains("stopping after round 3"));
    }
    assertEquals(2, ModelRegistry.list(conf, root).size());
    log.reset();
    TrainDriver.Result b = train(27);
    assertTrue(log.toString(StandardCharsets.UTF_8), log.toString(StandardCharsets.UTF_8)
        .contains("glove-train resumes from the checkpoints of an earlier attempt of dt=" + day(27)));
    assertTrue(b.promoted());
    assertEquals(GloveLoss.of(conf, new Path(ModelRegistry.modelDir(root, heldBack), "glove/loss.tsv")),
        GloveLoss.of(conf, new Path(ModelRegistry.modelDir(root, b.modelId()), "glove/loss.tsv")));
    assertEquals(b.modelId(), ModelRegistry.current(conf, root).orElseThrow());
    // A cold start over the same co-occurrences, for comparison.
    Path work = new Path(root, "staging/dt=" + day(27) + "/train");
    Configuration cold = new Configuration(conf);
    cold.unset(GloveTrainDriver.WARM_START);
    GloveTrainDriver.Result c = GloveTrainDriver.run(cold, new Path(work, "cooccur"), new Path(work, "vocab"),
        new Path(root, "cold27"), new Path(root, "cold27-checkpoints"), false);
    List<Double> warm = GloveLoss.of(conf, new Path(ModelRegistry.modelDir(root, b.modelId()), "glove/loss.tsv"));
    double coldFinal = c.loss.get(c.loss.size() - 1);
    int reached = -1;
    for (int i = 0; i < warm.size() && reached < 0; i++) {
      if (warm.get(i) <= coldFinal) {
        reached = i + 1;
      }
    }
    System.err.printf("lifecycle: cold 1-27 final loss %.6f after %d rounds; warm from %s reaches it at round %d"
        + " (warm final %.6f); overlap@10 warm vs cold %.3f, A vs warm %.3f%n", coldFinal, c.loss.size(), modelA,
        reached, warm.get(warm.size() - 1), overlap(new Path(ModelRegistry.modelDir(root, b.modelId()), "glove"),
            new Path(root, "cold27")), overlap(new Path(ModelRegistry.modelDir(root, modelA), "glove"),
            new Path(ModelRegistry.modelDir(root, b.modelId()), "glove")));
    assertTrue("warm start reached the cold loss at round " + reached, reached > 0 && reached <= c.loss.size() / 2);

    // The next daily run applies the new model: the state is rebuilt from the history.
    log.reset();
    assertEquals(log.toString(StandardCharsets.UTF_8), 0, daily(day(31), rawDay(31)));
    assertTrue(log.toString(StandardCharsets.UTF_8).contains("rebuilt"));
    assertEquals(3, ModelRegistry.list(conf, root).size());
    for (UserProfile p : profiles(published("user_profile", day(31))).values()) {
      assertEquals(b.modelId(), p.getModelId());
    }
    // Rollback: model A is current again and the next run uses it (merging into dt=30's state, built with A).
    ModelRegistry.rollback(conf, root, "test");
    assertEquals(modelA, ModelRegistry.current(conf, root).orElseThrow());
    log.reset();
    assertEquals(log.toString(StandardCharsets.UTF_8), 0, daily(day(31), rawDay(31)));
    assertTrue(log.toString(StandardCharsets.UTF_8).contains("merging into the state of " + day(30)));
    for (UserProfile p : profiles(published("user_profile", day(31))).values()) {
      assertEquals(modelA, p.getModelId());
    }
    long total = 0;
    for (UserState s : AvroFiles.readAll(conf, new Path(root, "state/dt=" + day(31) + "/user_state"),
        UserState.class)) {
      total += s.getReviewCount();
    }
    assertEquals(12169, total);
  }

  static double overlap(Path a, Path b) throws Exception {
    FileSystem fs = a.getFileSystem(conf);
    try (var x = fs.open(new Path(a, "vectors.txt")); var y = fs.open(new Path(b, "vectors.txt"))) {
      return NeighbourOverlap.atK(WordVectors.read(x), WordVectors.read(y), 10);
    }
  }

  /** Reads loss.tsv (round, loss). */
  static final class GloveLoss {
    static List<Double> of(Configuration conf, Path file) throws Exception {
      List<Double> out = new ArrayList<>();
      String text = new String(file.getFileSystem(conf).open(file).readAllBytes(), StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        String[] f = line.trim().split("\t");
        if (f.length >= 2 && !f[0].startsWith("round")) {
          out.add(Double.parseDouble(f[1]));
        }
      }
      return out;
    }
  }
}
