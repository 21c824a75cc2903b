package org.portrait.oozie;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.mapreduce.Cluster;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobID;
import org.apache.hadoop.mapreduce.TaskCompletionEvent;
import org.apache.hadoop.mapreduce.v2.MiniMRYarnCluster;
import org.apache.hadoop.yarn.api.records.NodeId;
import org.apache.hadoop.yarn.api.records.NodeLabel;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.resourcemanager.ResourceManager;
import org.apache.hadoop.yarn.server.resourcemanager.rmapp.RMApp;
import org.apache.hadoop.yarn.server.resourcemanager.scheduler.capacity.CapacityScheduler;
import org.apache.oozie.client.OozieClient;
import org.apache.oozie.client.WorkflowAction;
import org.apache.oozie.client.WorkflowJob;
import org.apache.oozie.local.LocalOozie;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * The real app on a real (mini) cluster: LocalOozie over MiniDFS and a MiniMRYarnCluster with two NodeManagers,
 * the second one carrying the exclusive node label {@code gpu}, runs train-workflow.xml then daily-workflow.xml
 * from oozie/app with the shaded cluster jar in the app's lib/, on a few hundred reviews of the bundled sample.
 * One cluster for the class (it takes most of a minute to start and stop); the tests run in name order because
 * daily needs the model train made.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class WorkflowRunIT {
  static final File PROJECT = new File(System.getProperty("portrait.project.dir", ".."));
  static final String USER = System.getProperty("user.name");
  static final String ROOT = "/data/portrait";
  static final String APP = "/apps/portrait/oozie";
  static final String TRAIN_DT = "2026-12-01";
  static final String DAILY_DT = "2026-12-02";
  static final String FAILING_DT = "2026-12-03";
  /** Reviews of the bundled sample per day: enough for a vocabulary and segments, few enough to stay quick. */
  static final int REVIEWS_PER_DAY = 300;

  static File base;
  static MiniDFSCluster dfs;
  static MiniMRYarnCluster yarn;
  static Configuration conf;
  static FileSystem fs;
  static NodeId gpuNode;
  static OozieClient oozie;
  static final Map<String, Double> seconds = new LinkedHashMap<>();

  @BeforeClass
  public static void startClusterAndOozie() throws Exception {
    long t0 = System.nanoTime();
    base = new File(PROJECT, "oozie/target/workflow-run-it").getAbsoluteFile();
    org.apache.hadoop.fs.FileUtil.fullyDelete(base);
    assertTrue(base.mkdirs());
    Configuration c = new Configuration();
    // Oozie submits as a proxy of its own user.
    c.set("hadoop.proxyuser." + USER + ".hosts", "*");
    c.set("hadoop.proxyuser." + USER + ".groups", "*");
    c.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, new File(base, "dfs").getPath());
    dfs = new MiniDFSCluster.Builder(c).numDataNodes(1).format(true).build();
    c = new Configuration(dfs.getConfiguration(0));
    yarnSettings(c);
    yarn = new MiniMRYarnCluster("portrait-it", 2);
    yarn.init(c);
    yarn.start();
    conf = new Configuration(yarn.getConfig());
    fs = FileSystem.get(conf);
    labelTheSecondNode();
    uploadApp();
    startOozie();
    seconds.put("start", (System.nanoTime() - t0) / 1e9);
  }

  @AfterClass
  public static void stop() throws Exception {
    long t0 = System.nanoTime();
    if (LocalOozie.isStarted()) {
      LocalOozie.stop();
    }
    if (yarn != null) {
      yarn.stop();
    }
    if (dfs != null) {
      dfs.shutdown();
    }
    seconds.put("stop", (System.nanoTime() - t0) / 1e9);
    System.out.println("WorkflowRunIT seconds: " + seconds);
  }

  /** Node labels on, queue and container sizes for two 6 GB nodes, and what the containers need to start. */
  static void yarnSettings(Configuration c) throws IOException {
    c.setBoolean(YarnConfiguration.NODE_LABELS_ENABLED, true);
    c.set(YarnConfiguration.FS_NODE_LABELS_STORE_ROOT_DIR, new File(base, "node-labels").toURI().toString());
    // Without it the capacity scheduler keeps the child AMs (the launcher's MapReduce jobs) waiting forever.
    c.set("yarn.scheduler.capacity.maximum-am-resource-percent", "1.0");
    c.setInt(YarnConfiguration.NM_PMEM_MB, 6144);
    c.setInt(YarnConfiguration.NM_VCORES, 8);
    c.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 256);
    c.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
    c.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
    c.setFloat(YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 99.9f);
    // Containers are assigned on node heartbeats and AM heartbeats: a second each by default, which for the
    // test's many small jobs is most of their time.
    c.setLong(YarnConfiguration.RM_NM_HEARTBEAT_INTERVAL_MS, 100);
    c.setInt("yarn.app.mapreduce.am.scheduler.heartbeat.interval-ms", 100);
    c.setInt("yarn.app.mapreduce.am.resource.mb", 1024);
    c.set("yarn.app.mapreduce.am.command-opts", "-Xmx768m");
    c.setInt("mapreduce.map.memory.mb", 1024);
    c.set("mapreduce.map.java.opts", "-Xmx768m");
    c.setInt("mapreduce.reduce.memory.mb", 1024);
    c.set("mapreduce.reduce.java.opts", "-Xmx768m");
    // Containers get this JVM's classpath (Hadoop, Oozie's launcher) through one "pathing" jar: the full list
    // would pass the limit of a command line. The job jar comes from the app's lib/ as on a cluster.
    String pathing = pathingJar().getAbsolutePath();
    c.set(YarnConfiguration.YARN_APPLICATION_CLASSPATH, pathing);
    c.set("mapreduce.application.classpath", pathing);
    // Every container JVM (launcher, MapReduce AMs and tasks) runs on this Java 17.
    c.set(YarnConfiguration.NM_ADMIN_USER_ENV, "JDK_JAVA_OPTIONS=" + String.join(" ",
        "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
        "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
        "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
        "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
        "--add-opens=java.base/java.util.regex=ALL-UNNAMED",
        "--add-opens=java.base/sun.security.action=ALL-UNNAMED"));
  }

  /** A jar whose manifest Class-Path is this JVM's classpath without the project's own classes. */
  static File pathingJar() throws IOException {
    List<String> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      File f = new File(entry).getAbsoluteFile();
      if (f.getPath().contains("/portrait-") || f.getPath().startsWith(PROJECT.getAbsoluteFile().toPath()
          .normalize().toString())) {
        continue; // the job's classes must come from the uploaded jar, as on a cluster
      }
      if (f.exists()) {
        urls.add(f.toURI().toString());
      }
    }
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    m.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", urls));
    File jar = new File(base, "pathing.jar");
    try (OutputStream out = new JarOutputStream(new FileOutputStream(jar), m)) {
      out.flush();
    }
    return jar;
  }

  /**
   * The second NodeManager gets the exclusive label gpu, and the default queue may use it. The scheduler only
   * accepts a queue label the cluster knows, so the queue's label settings come after the label, by a reload.
   */
  static void labelTheSecondNode() throws Exception {
    ResourceManager rm = yarn.getResourceManager();
    rm.getRMContext().getNodeLabelManager().addToCluserNodeLabels(Set.of(NodeLabel.newInstance("gpu", true)));
    gpuNode = yarn.getNodeManager(1).getNMContext().getNodeId();
    rm.getRMContext().getNodeLabelManager().replaceLabelsOnNode(Map.of(gpuNode, Set.of("gpu")));
    Configuration c = new Configuration(rm.getConfig());
    c.set("yarn.scheduler.capacity.root.accessible-node-labels", "*");
    c.set("yarn.scheduler.capacity.root.accessible-node-labels.gpu.capacity", "100");
    c.set("yarn.scheduler.capacity.root.default.accessible-node-labels", "gpu");
    c.set("yarn.scheduler.capacity.root.default.accessible-node-labels.gpu.capacity", "100");
    c.set("yarn.scheduler.capacity.root.default.accessible-node-labels.gpu.maximum-am-resource-percent", "1.0");
    c.set("yarn.scheduler.capacity.maximum-am-resource-percent", "1.0");
    ((CapacityScheduler) rm.getResourceScheduler()).reinitialize(c, rm.getRMContext());
  }

  /** The app files and job jar as scripts/deploy-oozie.sh lays them out, the sharelib, two days of raw reviews. */
  static void uploadApp() throws Exception {
    File app = new File(PROJECT, "oozie/app");
    for (String f : List.of("train-workflow.xml", "daily-workflow.xml", "config-default.xml")) {
      fs.copyFromLocalFile(new Path(new File(app, f).getPath()), new Path(APP, f));
    }
    File jar = new File(System.getProperty("portrait.cluster.jar", ""));
    assertTrue("the shaded cluster jar " + jar + " is built by the reactor (package phase)", jar.isFile());
    fs.copyFromLocalFile(new Path(jar.getPath()), new Path(APP + "/lib", jar.getName()));

    String sharelib = "/user/" + USER + "/share/lib/lib_20260101000000/oozie/";
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (new File(entry).getName().startsWith("oozie-sharelib-oozie-")) {
        fs.copyFromLocalFile(new Path(entry), new Path(sharelib + new File(entry).getName()));
      }
    }
    assertTrue("oozie-sharelib-oozie is on the test classpath", fs.exists(new Path(sharelib)));

    List<String> lines = Files.readAllLines(new File(PROJECT, "data/sample/reviews.csv").toPath(),
        StandardCharsets.UTF_8);
    // Every 40th review, from a different offset each day: a few hundred users, most of them on several days.
    rawDay(TRAIN_DT, lines.get(0), everyNth(lines, 1));
    rawDay(DAILY_DT, lines.get(0), everyNth(lines, 2));
    rawDay(FAILING_DT, lines.get(0), everyNth(lines, 3));
    // Reference data comes from the layout's reference/ area.
    fs.copyFromLocalFile(new Path(new File(PROJECT, "common/src/main/resources/portrait/interest-taxonomy.tsv")
        .getPath()), new Path(ROOT + "/reference/interest-taxonomy.tsv"));
    // A site's gate file: the sample's few hundred reviews cannot reach the production vocabulary coverage.
    write(new Path(ROOT + "/reference/gates.properties"), "model.vocab-coverage.min=0.3\n"
        + "daily.in-vocab-share.min=0.3\ndaily.users-with-interest.min=0.1\n");
    // A site that asks for every token to be in the vocabulary: the daily gate must stop the day.
    write(new Path(ROOT + "/reference/gates-strict.properties"), "model.vocab-coverage.min=0.3\n"
        + "daily.in-vocab-share.min=1.0\ndaily.users-with-interest.min=0.1\n");
  }

  static List<String> everyNth(List<String> lines, int offset) {
    List<String> out = new ArrayList<>();
    for (int i = offset; i < lines.size() && out.size() < REVIEWS_PER_DAY; i += lines.size() / REVIEWS_PER_DAY) {
      out.add(lines.get(i));
    }
    return out;
  }

  static void rawDay(String dt, String header, List<String> rows) throws IOException {
    write(new Path(ROOT + "/raw/dt=" + dt + "/reviews.csv"), header + "\n" + String.join("\n", rows) + "\n");
    write(new Path(ROOT + "/raw/dt=" + dt + "/_SUCCESS"), "");
  }

  static void write(Path p, String text) throws IOException {
    try (OutputStream out = fs.create(p, true)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Oozie with an in-memory database, the mini cluster's configuration, and the sharelib above. */
  static void startOozie() throws Exception {
    File home = new File(base, "oozie");
    File confDir = new File(home, "conf");
    File hadoopConf = new File(confDir, "hadoop-conf");
    assertTrue(hadoopConf.mkdirs());
    assertTrue(new File(confDir, "action-conf").mkdirs());
    Configuration site = new Configuration(conf);
    // Settings every action of this test gets (a site's *-site.xml): a small model, quick rounds.
    site.setInt("portrait.glove.dim", 20);
    site.setInt("portrait.glove.rounds", 2);
    // Jobs of one task run inside their AM ("uber"), which saves a container start per job; the GloVe rounds
    // have two tasks and keep running as ordinary jobs, which the node-label check below needs.
    site.setBoolean("mapreduce.job.ubertask.enable", true);
    site.setInt("mapreduce.job.ubertask.maxmaps", 1);
    site.setInt("mapreduce.client.completion.pollinterval", 200);
    site.setInt("mapreduce.client.progressmonitor.pollinterval", 200);
    site.setLong("portrait.vocab.min-count", 2);
    site.setBoolean("portrait.ingest.allow-development-key", true);
    // Segments of a few hundred users; k-means in the driver (its MapReduce mode costs minutes here).
    site.setInt("portrait.segments.k", 2);
    site.setInt("portrait.segments.min-size", 3);
    site.setInt("portrait.segments.iterations", 3);
    site.setBoolean("portrait.segments.sequential", true);
    try (OutputStream out = new FileOutputStream(new File(hadoopConf, "core-site.xml"))) {
      site.writeXml(out);
    }
    Configuration oozieSite = new Configuration(false);
    oozieSite.set("oozie.service.JPAService.jdbc.driver", "org.hsqldb.jdbcDriver");
    oozieSite.set("oozie.service.JPAService.jdbc.url", "jdbc:hsqldb:mem:oozie-it");
    oozieSite.set("oozie.service.JPAService.jdbc.username", "sa");
    oozieSite.set("oozie.service.JPAService.jdbc.password", "");
    oozieSite.set("oozie.service.JPAService.create.db.schema", "true");
    oozieSite.set("oozie.service.HadoopAccessorService.hadoop.configurations", "*=" + hadoopConf.getPath());
    oozieSite.set("oozie.service.HadoopAccessorService.nameNode.whitelist", "");
    oozieSite.set("oozie.service.HadoopAccessorService.jobTracker.whitelist", "");
    oozieSite.set("oozie.service.WorkflowAppService.system.libpath", "/user/" + USER + "/share/lib");
    oozieSite.set("oozie.service.ProxyUserService.proxyuser." + USER + ".hosts", "*");
    oozieSite.set("oozie.service.ProxyUserService.proxyuser." + USER + ".groups", "*");
    oozieSite.set("oozie.service.ActionCheckerService.action.check.interval", "5");
    oozieSite.set("oozie.service.ActionCheckerService.action.check.delay", "5");
    oozieSite.set("oozie.launcher.default.memory.mb", "1536");
    try (OutputStream out = new FileOutputStream(new File(confDir, "oozie-site.xml"))) {
      oozieSite.writeXml(out);
    }
    System.setProperty("oozie.home.dir", home.getPath());
    System.setProperty("oozie.config.dir", confDir.getPath());
    System.setProperty("oozie.data.dir", new File(home, "data").getPath());
    System.setProperty("oozie.log.dir", new File(home, "log").getPath());
    System.setProperty("oozielocal.log", new File(home, "log/oozielocal.log").getPath());
    LocalOozie.start();
    oozie = LocalOozie.getClient();
  }

  /** Submits workflow {@code file} with {@code params} and waits until it ends; returns the finished job. */
  static WorkflowJob run(String file, Map<String, String> params, int timeoutSeconds) throws Exception {
    long t0 = System.nanoTime();
    Properties p = oozie.createConfiguration();
    p.setProperty(OozieClient.APP_PATH, fs.getUri() + APP + "/" + file);
    p.setProperty(OozieClient.USER_NAME, USER);
    p.setProperty(OozieClient.USE_SYSTEM_LIBPATH, "true");
    p.setProperty("nameNode", fs.getUri().toString());
    p.setProperty("resourceManager", conf.get(YarnConfiguration.RM_ADDRESS));
    p.setProperty("gatesPath", ROOT + "/reference/gates.properties");
    p.setProperty("taxonomyPath", ROOT + "/reference/interest-taxonomy.tsv");
    p.setProperty("retryIntervalMinutes", "1");
    params.forEach(p::setProperty);
    String id = oozie.run(p);
    WorkflowJob job = oozie.getJobInfo(id);
    long deadline = System.currentTimeMillis() + timeoutSeconds * 1000L;
    while ((job.getStatus() == WorkflowJob.Status.PREP || job.getStatus() == WorkflowJob.Status.RUNNING)
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(1000);
      job = oozie.getJobInfo(id);
    }
    seconds.put(file + " " + params.get("dt"), (System.nanoTime() - t0) / 1e9);
    return job;
  }

  static String describe(WorkflowJob job) {
    StringBuilder sb = new StringBuilder(job.getId() + " " + job.getStatus());
    for (WorkflowAction a : job.getActions()) {
      sb.append("\n  ").append(a.getName()).append(' ').append(a.getStatus()).append(' ')
          .append(a.getErrorCode()).append(": ").append(a.getErrorMessage()).append(" data=").append(a.getData());
    }
    return sb.toString();
  }

  static WorkflowAction action(WorkflowJob job, String name) {
    for (WorkflowAction a : job.getActions()) {
      if (a.getName().equals(name)) {
        return a;
      }
    }
    return null;
  }

  static Properties data(WorkflowAction a) throws IOException {
    Properties p = new Properties();
    assertNotNull(a.getName() + " captured no output", a.getData());
    p.load(new StringReader(a.getData()));
    return p;
  }

  static long rows(String table, String dt) throws IOException {
    Path dir = new Path(ROOT + "/warehouse/" + table + "/dt=" + dt);
    long n = 0;
    for (FileStatus f : fs.listStatus(dir, p -> !p.getName().startsWith("_") && !p.getName().startsWith("."))) {
      try (ParquetReader<GenericRecord> r = AvroParquetReader.<GenericRecord>builder(
          HadoopInputFile.fromPath(f.getPath(), conf)).build()) {
        while (r.read() != null) {
          n++;
        }
      }
    }
    return n;
  }

  /**
   * Every YARN application (id and name) → the nodes its containers ran on: the AM's node from the RM, and for a
   * MapReduce job its task attempts' nodes from the job history (the RM forgets a finished app's other nodes).
   */
  static Map<String, Set<NodeId>> applicationNodes() throws Exception {
    Map<String, NodeId> byHttp = new HashMap<>();
    for (int i = 0; i < 2; i++) {
      NodeId id = yarn.getNodeManager(i).getNMContext().getNodeId();
      byHttp.put(id.getHost() + ":" + yarn.getNodeManager(i).getNMContext().getHttpPort(), id);
      // The job history names a task's node by its NodeId address on some paths, by its web address on others.
      byHttp.put(id.toString(), id);
    }
    Map<String, Set<NodeId>> out = new TreeMap<>();
    Cluster history = new Cluster(conf);
    try {
      for (RMApp app : yarn.getResourceManager().getRMContext().getRMApps().values()) {
        Set<NodeId> nodes = out.computeIfAbsent(app.getApplicationId() + " " + app.getName(), k -> new HashSet<>());
        nodes.add(app.getCurrentAppAttempt().getMasterContainer().getNodeId());
        if (!app.getApplicationType().equals("MAPREDUCE") || app.getName().startsWith("oozie:launcher")) {
          continue;
        }
        Job job = history.getJob(JobID.forName(app.getApplicationId().toString().replace("application_", "job_")));
        assertNotNull(app.getName() + " not in the job history", job);
        for (TaskCompletionEvent e : job.getTaskCompletionEvents(0, 1000)) {
          String http = e.getTaskTrackerHttp().replaceFirst("^https?://", "");
          assertTrue(http + " is no NodeManager of " + byHttp, byHttp.containsKey(http));
          nodes.add(byHttp.get(http));
        }
      }
    } finally {
      history.close();
    }
    return out;
  }

  @Test
  public void a_trainPromotesAModelWithGloveOnlyOnTheGpuNode() throws Exception {
    WorkflowJob job = run("train-workflow.xml", Map.of("dt", TRAIN_DT, "trainInput",
        ROOT + "/raw/dt=" + TRAIN_DT, "evalDir", ""), 900);
    assertEquals(describe(job), WorkflowJob.Status.SUCCEEDED, job.getStatus());
    // No eval sets configured: the decision skips embedding-eval.
    assertEquals(describe(job), null, action(job, "embedding-eval"));
    WorkflowAction train = action(job, "train");
    Properties out = data(train);
    String model = out.getProperty("model_id");
    assertNotNull(train.getData(), model);
    assertEquals(model, new String(fs.open(new Path(ROOT + "/models/current")).readAllBytes(),
        StandardCharsets.UTF_8).strip());
    assertEquals(train.getData(), "true", out.getProperty("gates.passed"));
    assertTrue(train.getData(), Long.parseLong(out.getProperty("vocab.VOCAB_SIZE")) > 50);
    assertTrue(train.getData(), Long.parseLong(out.getProperty("ingest.ACCEPTED")) > REVIEWS_PER_DAY / 2);
    assertTrue(train.getData(), out.containsKey("gate.model.vocab-coverage.min"));
    // What a production Oozie (oozie.action.max.output.data = 2048) accepts.
    assertTrue(train.getData().length() + " characters", train.getData().length() < 2048);

    Map<String, Set<NodeId>> apps = applicationNodes();
    int glove = 0;
    int others = 0;
    for (Map.Entry<String, Set<NodeId>> e : apps.entrySet()) {
      assertFalse(apps.toString(), e.getValue().isEmpty());
      if (e.getKey().contains("glove-train-round-")) {
        assertEquals(e.getKey(), Set.of(gpuNode), e.getValue());
        glove++;
      } else {
        assertFalse(e.getKey() + " ran on the gpu node", e.getValue().contains(gpuNode));
        others++;
      }
    }
    assertTrue(apps.toString(), glove >= 2); // a job per round and DSGD stratum
    assertTrue(apps.toString(), others >= 4); // the launcher, ingest, segment, vocab, cooccur, ...
  }

  @Test
  public void b_dailyPublishesTheDayAndWritesItsHivePartitions() throws Exception {
    WorkflowJob job = run("daily-workflow.xml", Map.of("dt", DAILY_DT, "inputPath",
        ROOT + "/raw/dt=" + DAILY_DT), 900);
    assertEquals(describe(job), WorkflowJob.Status.SUCCEEDED, job.getStatus());
    WorkflowAction daily = action(job, "daily");
    Properties out = data(daily);
    assertEquals(daily.getData(), "true", out.getProperty("gates.passed"));
    assertTrue(daily.getData().length() + " characters", daily.getData().length() < 2048);
    long users = Long.parseLong(out.getProperty("state.USERS"));
    assertTrue(daily.getData(), users > 0);
    // Every user of the state has a profile; segments and metrics are published with them.
    assertEquals(users, rows("user_profile", DAILY_DT));
    assertTrue(rows("user_segment", DAILY_DT) > 0);
    assertTrue(rows("profile_metrics", DAILY_DT) > 0);
    assertTrue(fs.isDirectory(new Path(ROOT + "/warehouse/review_reject/dt=" + DAILY_DT)));

    Properties hive = data(action(job, "hive-partitions"));
    String sql = new String(fs.open(new Path(ROOT + "/runs/dt=" + DAILY_DT + "/hive-partitions.sql"))
        .readAllBytes(), StandardCharsets.UTF_8);
    for (String table : List.of("review_reject", "user_profile", "user_segment", "profile_metrics")) {
      assertTrue(sql, sql.contains("ALTER TABLE `default`.`" + table + "` ADD IF NOT EXISTS PARTITION (dt='"
          + DAILY_DT + "') LOCATION '" + fs.getUri() + ROOT + "/warehouse/" + table + "/dt=" + DAILY_DT + "';"));
    }
    assertEquals(sql, Integer.toString(sql.strip().split("\n").length), hive.getProperty("statements"));

    for (Map.Entry<String, Set<NodeId>> e : applicationNodes().entrySet()) {
      if (!e.getKey().contains("glove-train-round-")) {
        assertFalse(e.getKey() + " ran on the gpu node", e.getValue().contains(gpuNode));
      }
    }
  }

  @Test
  public void c_aFailedGateEndsAtTheKillNodeWithItsReasonAndPublishesNothing() throws Exception {
    // The default retries stay on: a failed gate fails alike on every attempt, so it must not be retried.
    WorkflowJob job = run("daily-workflow.xml", Map.of("dt", FAILING_DT, "inputPath",
        ROOT + "/raw/dt=" + FAILING_DT, "gatesPath", ROOT + "/reference/gates-strict.properties"), 900);
    assertEquals(describe(job), WorkflowJob.Status.KILLED, job.getStatus());
    WorkflowAction daily = action(job, "daily");
    assertEquals(describe(job), WorkflowAction.Status.OK, daily.getStatus());
    assertEquals(describe(job), 0, daily.getUserRetryCount());
    String reason = data(daily).getProperty("stopped");
    assertNotNull(describe(job), reason);
    assertTrue(describe(job), reason.contains("gate daily.in-vocab-share.min"));
    assertTrue(describe(job), reason.contains("nothing published"));
    assertEquals(describe(job), null, action(job, "hive-partitions"));
    assertEquals(describe(job), null, action(job, "fail"));
    WorkflowAction kill = action(job, "stopped");
    assertNotNull(describe(job), kill);
    // Oozie records a kill node's resolved message as its error (E0729).
    assertEquals(describe(job), "Portrait daily " + FAILING_DT + " stopped at [daily]: " + reason,
        kill.getErrorMessage());
    assertFalse(fs.exists(new Path(ROOT + "/warehouse/user_profile/dt=" + FAILING_DT)));
    assertFalse(fs.exists(new Path(ROOT + "/warehouse/user_segment/dt=" + FAILING_DT)));
  }
}
