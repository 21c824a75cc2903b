package org.portrait.jobs.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.mapreduce.v2.MiniMRYarnCluster;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.portrait.common.io.AvroFiles;
import org.portrait.jobs.Jobs;
import org.portrait.jobs.FailFirstAttemptMapper;
import org.portrait.jobs.ingest.IngestDriver;
import org.portrait.jobs.segment.SegmentDriver;
import org.portrait.schema.TokenizedReview;

/**
 * The stage chain on a real (mini) cluster: HDFS for every path and YARN for every job, as Oozie runs it.
 * One cluster for the whole class because start and stop cost ~30 s.
 */
public class PipelineMiniClusterTest {
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();
  private static MiniDFSCluster dfs;
  private static MiniMRYarnCluster yarn;
  private static Configuration conf;

  @BeforeClass
  public static void startCluster() throws Exception {
    Configuration c = new Configuration();
    File base = TMP.newFolder("cluster");
    c.set("hadoop.tmp.dir", new File(base, "tmp").getAbsolutePath());
    c.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, new File(base, "dfs").getAbsolutePath());
    dfs = new MiniDFSCluster.Builder(c).numDataNodes(1).build();
    c.set("fs.defaultFS", dfs.getFileSystem().getUri().toString());
    c.setInt(YarnConfiguration.NM_PMEM_MB, 6144);
    c.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 256);
    c.setFloat("yarn.scheduler.capacity.maximum-am-resource-percent", 1.0f);
    c.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
    c.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
    c.setInt("mapreduce.map.memory.mb", 768);
    c.setInt("mapreduce.reduce.memory.mb", 768);
    c.setInt("yarn.app.mapreduce.am.resource.mb", 768);
    c.set("mapreduce.map.java.opts", "-Xmx600m");
    c.set("mapreduce.reduce.java.opts", "-Xmx600m");
    c.set("yarn.app.mapreduce.am.command-opts", "-Xmx600m");
    yarn = new MiniMRYarnCluster("portrait-chain", 1);
    yarn.init(c);
    yarn.start();
    conf = new Configuration(yarn.getConfig());
    // Keep the chain short on the mini cluster: every YARN job costs an application master and task JVMs.
    // Small jobs run "uber" (their tasks inside the AM's JVM), which needs at most one reducer each.
    conf.setInt("mapreduce.client.completion.pollinterval", 100);
    conf.setBoolean("mapreduce.job.ubertask.enable", true);
    conf.setInt("portrait.vocab.reducers", 1);
    conf.setInt("portrait.cooccur.partitions", 1);
    conf.setInt("portrait.profile.reducers", 1);
    conf.setInt("portrait.glove.rounds", 2);
    conf.setInt("portrait.glove.dim", 20);
    // Mahout's MapReduce k-means is one YARN job per iteration; the chain test runs it in the driver.
    conf.setBoolean("portrait.segments.sequential", true);
    // A test cluster has no credential provider: allow the public development pseudonym key explicitly.
    conf.setBoolean("portrait.ingest.allow-development-key", true);
  }

  @AfterClass
  public static void stopCluster() {
    if (yarn != null) {
      yarn.stop();
    }
    if (dfs != null) {
      dfs.shutdown();
    }
  }

  @Test
  public void chainRunsOnYarnOverHdfs() throws Exception {
    FileSystem fs = FileSystem.get(conf);
    Path raw = new Path("/portrait/raw/reviews.csv");
    Path truth = new Path("/portrait/raw/truth.csv");
    int rows = copyHead(fs, sample("reviews.csv"), raw, 1200);
    copyHead(fs, sample("truth.csv"), truth, Integer.MAX_VALUE);
    // A small similarity set on HDFS: embedding-eval must read its test sets through the file system.
    Path eval = new Path("/portrait/reference/eval");
    try (OutputStream out = fs.create(new Path(eval, "wordsim-240.txt"), true)) {
      out.write("酒店\t房间\t7.0\n手机\t电脑\t6.0\n质量\t不错\t3.0\n酒店\t质量\t1.0\n"
          .getBytes(StandardCharsets.UTF_8));
    }
    // 1,200 reviews lose a third of their tokens to the vocabulary's min-count: lower the coverage floors.
    Path gates = new Path("/portrait/reference/gates.properties");
    try (OutputStream out = fs.create(gates, true)) {
      out.write("model.vocab-coverage.min=0.5\ndaily.in-vocab-share.min=0.4\n".getBytes(StandardCharsets.UTF_8));
    }
    conf.set("portrait.gates.file", gates.toString());
    PipelineLayout layout = new PipelineLayout(new Path("/portrait/run"), raw.toString(), truth.toString(),
        eval.toString(), null, "2026-01-01");

    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    int rc = PipelineDriver.run(conf, layout, null, null, new PrintStream(progress, true, StandardCharsets.UTF_8));
    String lines = progress.toString(StandardCharsets.UTF_8);
    assertEquals(lines, 0, rc);

    Map<String, Long> ingest = Jobs.readCounters(conf, layout.stage("ingest"));
    assertEquals(lines, (long) rows, (long) ingest.get("RECORDS_READ"));
    assertEquals(lines, ingest.get("RECORDS_READ").longValue(), ingest.get("ACCEPTED") + ingest.get("REJECTED"));
    Path evalJson = new Path(layout.stage("embedding-eval"), PipelineDriver.EMBEDDING_EVAL_JSON);
    assertTrue("embedding-eval read its sets from HDFS\n" + lines, fs.exists(evalJson));
    String json = new String(fs.open(evalJson).readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(json, json.contains("\"wordsim-240.txt\"") && json.contains("\"total\" : 4"));
    // Trained, registered and applied: the profiles come from the state job with the model just made current.
    String current = org.portrait.jobs.models.ModelRegistry.current(conf, layout.root()).orElse(null);
    assertTrue(lines, current != null && current.startsWith("m-2026-01-01-"));
    Map<String, Long> state = Jobs.readCounters(conf, layout.state());
    assertEquals(lines, Jobs.readCounters(conf, layout.stage("segments")).get("PROFILES_IN"), state.get("USERS"));
    assertEquals(lines, ingest.get("ACCEPTED"), state.get("REVIEWS_IN"));
    assertEquals(lines, 0L, (long) Jobs.readCounters(conf, layout.stage("metrics")).get("GATES_FAILED"));
    for (String table : List.of("user_profile", "word_vector", "user_segment", "profile_metrics")) {
      Path partition = layout.partition(table);
      assertTrue(table + " published on HDFS\n" + lines, fs.exists(partition));
      assertTrue(table + " has data files", fs.listStatus(partition, p -> p.getName().endsWith(".parquet")).length > 0);
    }
  }

  @Test
  public void aTaskAttemptThatFailsIsRetriedAndChangesNothing() throws Exception {
    FileSystem fs = FileSystem.get(conf);
    Path raw = new Path("/portrait/retry/raw/reviews.csv");
    copyHead(fs, sample("reviews.csv"), raw, 300);
    Configuration c = new Configuration(conf);
    c.setBoolean("mapreduce.job.ubertask.enable", false); // an attempt in its own container, as in production
    org.portrait.jobs.ingest.IngestResult ingest = IngestDriver.run(c, List.of(raw), new Path("/portrait/retry/ingest"));
    Path ingested = new Path(ingest.output, "reviews");
    Path clean = SegmentDriver.run(c, ingested, new Path("/portrait/retry/clean")).output;

    Configuration faulty = new Configuration(c);
    faulty.set(FailFirstAttemptMapper.JOB_NAME_PART, "segment");
    Configuration once = new Configuration(faulty);
    once.setInt("mapreduce.map.maxattempts", 1);
    try {
      SegmentDriver.run(once, ingested, new Path("/portrait/retry/once"));
      fail("the injected failure did not reach the job");
    } catch (java.io.IOException e) {
      assertTrue(e.getMessage(), e.getMessage().contains("fails, as " + FailFirstAttemptMapper.JOB_NAME_PART));
    }
    faulty.setInt("mapreduce.map.maxattempts", 2);
    Path retried = SegmentDriver.run(faulty, ingested, new Path("/portrait/retry/retried")).output;
    List<String> a = new java.util.ArrayList<>();
    List<String> b = new java.util.ArrayList<>();
    AvroFiles.readAll(c, clean, TokenizedReview.class).forEach(r -> a.add(r.toString()));
    AvroFiles.readAll(c, retried, TokenizedReview.class).forEach(r -> b.add(r.toString()));
    assertEquals(300, ingest.accepted + ingest.rejected);
    assertEquals(ingest.accepted, (long) Jobs.readCounters(c, clean).get("REVIEWS_IN"));
    assertEquals((long) Jobs.readCounters(c, clean).get("REVIEWS_OUT"), a.size());
    java.util.Collections.sort(a);
    java.util.Collections.sort(b);
    assertEquals(a, b);
    assertEquals(Jobs.readCounters(c, clean), Jobs.readCounters(c, retried));
  }

  private static File sample(String name) {
    return new File(System.getProperty("portrait.project.dir", "."), "data/sample/" + name);
  }

  /** Copies the header and the first {@code rows} records of a CSV to HDFS; returns the records copied. */
  private static int copyHead(FileSystem fs, File local, Path target, int rows) throws Exception {
    int n = 0;
    try (BufferedReader in = Files.newBufferedReader(local.toPath(), StandardCharsets.UTF_8);
         OutputStream out = fs.create(target, true)) {
      String line = in.readLine();
      out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      while (n < rows && (line = in.readLine()) != null) {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        n++;
      }
    }
    return n;
  }
}
