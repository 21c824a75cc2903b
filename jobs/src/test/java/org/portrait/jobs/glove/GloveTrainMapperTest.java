package org.portrait.jobs.glove;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.DataOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;
import org.apache.hadoop.mrunit.types.Pair;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.portrait.common.glove.GloveModel;

public class GloveTrainMapperTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();
  private MapDriver<LongWritable, Text, Text, Text> driver;
  private File models;

  @Before
  public void setUp() throws Exception {
    GloveTrainMapper.clearCache();
    File c = tmp.newFolder("C");
    // Two partitions; one record with an id outside the vocabulary (dropped, counted).
    try (DataOutputStream out = new DataOutputStream(new FileOutputStream(new File(c, "part-r-00000.cooc")))) {
      int[][] recs = {{0, 1}, {1, 0}, {2, 3}, {3, 2}, {0, 0}, {9, 1}};
      for (int[] r : recs) {
        out.writeInt(r[0]);
        out.writeInt(r[1]);
        out.writeFloat(2.5f);
      }
    }
    new FileOutputStream(new File(c, "part-r-00001.cooc")).close();
    File start = new File(tmp.getRoot(), "start.bin");
    GloveFiles.writeModel(new Configuration(), new Path(start.getAbsolutePath()), GloveModel.init(4, 8, 3));
    models = tmp.newFolder("models");
    driver = MapDriver.newMapDriver(new GloveTrainMapper());
    Configuration conf = driver.getConfiguration();
    conf.set(GloveTrainDriver.INPUT, c.getAbsolutePath());
    conf.set(GloveTrainDriver.ROUND_MODEL, start.getAbsolutePath());
    conf.set(GloveTrainDriver.ROUND_OUT, models.getAbsolutePath());
    conf.setInt(GloveTrainDriver.TASKS, 2);
    conf.setInt(GloveTrainDriver.THREADS, 2);
  }

  @Test
  public void trainsItsPartitionAndWritesItsModel() throws Exception {
    List<Pair<Text, Text>> out = driver.withInput(new LongWritable(0), new Text("0")).run();
    assertEquals(1, out.size());
    assertEquals("task-0", out.get(0).getFirst().toString());
    String[] f = out.get(0).getSecond().toString().split("\t");
    assertTrue(Double.parseDouble(f[0]) > 0);
    assertEquals("5", f[1]);
    assertEquals(5, driver.getCounters().findCounter(GloveCounters.UPDATES).getValue());
    assertEquals(1, driver.getCounters().findCounter(GloveCounters.BAD_ENTRIES).getValue());
    GloveModel m = GloveFiles.readModel(new Configuration(), new Path(new File(models, "task-0.bin").getAbsolutePath()));
    assertEquals(null, m.firstNonFinite());
    assertTrue(m.wt[m.half] > 1f);
  }

  @Test
  public void emptyPartitionTrainsNothing() throws Exception {
    List<Pair<Text, Text>> out = driver.withInput(new LongWritable(0), new Text("1")).run();
    assertEquals("0.0\t0\t0\t0", out.get(0).getSecond().toString());
    assertEquals(0, driver.getCounters().findCounter(GloveCounters.UPDATES).getValue());
  }

  @Test
  public void badTaskLinesAreCountedNotFatal() throws Exception {
    List<Pair<Text, Text>> out = driver.withInput(new LongWritable(0), new Text("x"))
        .withInput(new LongWritable(2), new Text("7")).withInput(new LongWritable(4), new Text("")).run();
    assertTrue(out.isEmpty());
    assertEquals(3, driver.getCounters().findCounter(GloveCounters.BAD_TASK_LINES).getValue());
  }
}
