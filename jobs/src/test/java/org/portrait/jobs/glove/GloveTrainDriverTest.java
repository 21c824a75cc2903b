package org.portrait.jobs.glove;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.portrait.common.config.LocalMode;
import org.portrait.jobs.Jobs;
import org.portrait.jobs.cooccur.CooccurDriver;
import org.portrait.schema.WordVector;

public class GloveTrainDriverTest {
  @ClassRule public static TemporaryFolder tmp = new TemporaryFolder();
  private static Configuration conf;
  private static Path c;
  private static Path v;
  private static int vocabSize;

  @BeforeClass
  public static void corpus() throws Exception {
    File root = tmp.getRoot();
    conf = LocalMode.configure(new Configuration(), root);
    GloveTestData data = new GloveTestData(400, 120, 11);
    vocabSize = data.vocab.size();
    Path[] sv = data.write(conf, root);
    v = sv[1];
    c = new Path(new File(root, "C").getAbsolutePath());
    conf.setInt(CooccurDriver.PARTITIONS, 4);
    CooccurDriver.run(conf, sv[0], v, c);
    conf.setInt(GloveTrainDriver.DIM, 16);
    conf.setInt(GloveTrainDriver.TASKS, 2);
    conf.setInt(GloveTrainDriver.THREADS, 2);
    conf.setDouble(GloveTrainDriver.MIN_CHANGE, 0);
  }

  private static Path out(String name) {
    return new Path(new File(tmp.getRoot(), name).getAbsolutePath());
  }

  private static Configuration with(int rounds) {
    Configuration x = new Configuration(conf);
    x.setInt(GloveTrainDriver.ROUNDS, rounds);
    return x;
  }

  @Test
  public void trainsAndWritesVectorsLossAndParquet() throws Exception {
    Path m = out("M1");
    GloveTrainDriver.Result r = GloveTrainDriver.run(with(5), c, v, m, false);
    assertEquals(5, r.loss.size());
    assertTrue("loss falls: " + r.loss, r.loss.get(4) < r.loss.get(0));
    List<String> lossLines = Files.readAllLines(new File(m.toUri().getPath(), "loss.tsv").toPath());
    assertEquals(5, lossLines.size());
    assertTrue(lossLines.get(0).startsWith("1\t"));
    List<String> vec = Files.readAllLines(new File(m.toUri().getPath(), "vectors.txt").toPath());
    assertEquals(vocabSize, vec.size());
    assertEquals(17, vec.get(0).split(" ").length);
    int rows = 0;
    try (ParquetReader<WordVector> reader = AvroParquetReader.<WordVector>builder(HadoopInputFile.fromPath(
        new Path(m, "word_vector/part-00000.parquet"), conf)).build()) {
      WordVector wv;
      while ((wv = reader.read()) != null) {
        assertEquals(rows, wv.getId());
        assertEquals(16, wv.getVector().size());
        assertEquals(vec.get(rows).split(" ")[0], wv.getWord());
        for (float x : wv.getVector()) {
          assertTrue(Float.isFinite(x));
        }
        rows++;
      }
    }
    assertEquals(vocabSize, rows);
    assertEquals(5L, (long) Jobs.readCounters(conf, m).get("ROUNDS"));
    assertTrue(Jobs.readCounters(conf, m).get("UPDATES") > 0);
    assertFalse(new File(m.toUri().getPath(), "_work").exists());
  }

  @Test
  public void dsgdTasksTrackOneTaskAndDoTheSameUpdates() throws Exception {
    Configuration one = with(6);
    one.setInt(GloveTrainDriver.TASKS, 1);
    one.setInt(GloveTrainDriver.THREADS, 1);
    GloveTrainDriver.Result r1 = GloveTrainDriver.run(one, c, v, out("S1"), false);
    Configuration three = with(6);
    three.setInt(GloveTrainDriver.TASKS, 3);
    three.setInt(GloveTrainDriver.THREADS, 2);
    GloveTrainDriver.Result r3 = GloveTrainDriver.run(three, c, v, out("S3"), false);
    three.set(GloveTrainDriver.SCHEDULE, "mixing");
    GloveTrainDriver.Result m3 = GloveTrainDriver.run(three, c, v, out("X3"), false);
    double l1 = r1.loss.get(5);
    System.err.println("loss after 6 rounds: 1 task " + l1 + ", 3 tasks dsgd " + r3.loss.get(5) + ", mixing "
        + m3.loss.get(5));
    // Strata only reorder the updates of a round: same updates, and a loss close to one task's.
    assertEquals(r1.counters.get("UPDATES"), r3.counters.get("UPDATES"));
    assertEquals(r1.counters.get("UPDATES"), m3.counters.get("UPDATES"));
    assertEquals(l1, r3.loss.get(5), 0.03 * l1);
    assertTrue("dsgd no worse than mixing", r3.loss.get(5) <= m3.loss.get(5));
  }

  @Test
  public void sameSeedAndSettingsGiveIdenticalVectors() throws Exception {
    GloveTrainDriver.run(with(3), c, v, out("D1"), false);
    GloveTrainDriver.run(with(3), c, v, out("D2"), false);
    assertArrayEquals(Files.readAllBytes(new File(out("D1").toUri().getPath(), "vectors.txt").toPath()),
        Files.readAllBytes(new File(out("D2").toUri().getPath(), "vectors.txt").toPath()));
  }

  @Test
  public void resumedRunMatchesUninterruptedRun() throws Exception {
    GloveTrainDriver.Result whole = GloveTrainDriver.run(with(4), c, v, out("R1"), false);
    Path m = out("R2");
    GloveTrainDriver.run(with(2), c, v, m, false);
    // A round killed half-way leaves a temporary checkpoint folder behind: it must be ignored.
    File partial = new File(GloveTrainDriver.defaultCheckpoints(m).toUri().getPath(), "checkpoints/_tmp.round-00003");
    assertTrue(partial.mkdirs());
    Files.write(new File(partial, "model.bin").toPath(), new byte[] {1, 2, 3});
    Path k = GloveTrainDriver.defaultCheckpoints(m);
    assertTrue("same inputs and settings (more rounds)", GloveTrainDriver.resumable(with(4), c, v, k));
    Configuration otherEta = with(4);
    otherEta.setDouble(GloveTrainDriver.ETA, 0.02);
    assertFalse("another learning rate", GloveTrainDriver.resumable(otherEta, c, v, k));
    assertFalse("no checkpoints there", GloveTrainDriver.resumable(with(4), c, v, out("R-none")));
    GloveTrainDriver.Result resumed = GloveTrainDriver.run(with(4), c, v, m, true);
    assertEquals(whole.loss, resumed.loss);
    assertEquals(2L, (long) resumed.counters.get("ROUNDS"));
    assertArrayEquals(Files.readAllBytes(new File(out("R1").toUri().getPath(), "vectors.txt").toPath()),
        Files.readAllBytes(new File(m.toUri().getPath(), "vectors.txt").toPath()));
  }

  @Test
  public void divergenceStopsWithClearErrorAndNoNanVectors() throws Exception {
    Configuration x = with(3);
    x.setDouble(GloveTrainDriver.ETA, 1e30);
    Path m = out("N1");
    try {
      GloveTrainDriver.run(x, c, v, m, false);
      // If it did not diverge, the vectors must at least be finite.
      for (String line : Files.readAllLines(new File(m.toUri().getPath(), "vectors.txt").toPath())) {
        for (String f : line.substring(line.indexOf(' ') + 1).split(" ")) {
          assertTrue(Float.isFinite(Float.parseFloat(f)));
        }
      }
      fail("expected divergence with eta 1e30");
    } catch (IOException e) {
      assertTrue(e.getMessage(), e.getMessage().contains("diverged"));
      assertFalse("a failed run installs no output", new File(m.toUri().getPath()).exists());
      assertTrue("checkpoints survive the failed attempt", new File(
          GloveTrainDriver.defaultCheckpoints(m).toUri().getPath(), "checkpoints/round-00000/model.bin").exists());
    }
  }

  @Test
  public void failedRerunLeavesThePreviousOutputWhole() throws Exception {
    Path m = out("K1");
    GloveTrainDriver.run(with(2), c, v, m, false);
    File dir = new File(m.toUri().getPath());
    byte[] vectors = Files.readAllBytes(new File(dir, "vectors.txt").toPath());
    byte[] loss = Files.readAllBytes(new File(dir, "loss.tsv").toPath());
    Configuration x = with(3);
    x.setDouble(GloveTrainDriver.ETA, 1e30);
    try {
      GloveTrainDriver.run(x, c, v, m, false);
      fail("expected divergence with eta 1e30");
    } catch (IOException expected) {
      // the rerun failed after new checkpoints were written
    }
    assertArrayEquals("old vectors untouched", vectors, Files.readAllBytes(new File(dir, "vectors.txt").toPath()));
    assertArrayEquals("old loss untouched", loss, Files.readAllBytes(new File(dir, "loss.tsv").toPath()));
    assertEquals(2L, (long) Jobs.readCounters(conf, m).get("ROUNDS"));
    String[] names = dir.getParentFile().list((d, n) -> n.startsWith("_tmp.K1") || n.startsWith("_old.K1"));
    assertEquals("no temporary output left", 0, names.length);
  }

  @Test
  public void modelTooBigForTheTaskFailsBeforeTraining() throws Exception {
    Configuration x = with(1);
    x.setInt(GloveTrainDriver.DIM, 5_000_000);
    try {
      GloveTrainDriver.run(x, c, v, out("B1"), false);
      fail("expected a memory error");
    } catch (IllegalArgumentException e) {
      assertTrue(e.getMessage(), e.getMessage().contains("needs about"));
    }
    Configuration y = with(1);
    y.setLong(GloveTrainDriver.TASK_MEMORY_MB, 1);
    y.setInt(GloveTrainDriver.DIM, 2000);
    try {
      GloveTrainDriver.run(y, c, v, out("B2"), false);
      fail("expected a memory error");
    } catch (IllegalArgumentException e) {
      assertTrue(e.getMessage(), e.getMessage().contains(GloveTrainDriver.TASK_MEMORY_MB));
    }
  }
}
