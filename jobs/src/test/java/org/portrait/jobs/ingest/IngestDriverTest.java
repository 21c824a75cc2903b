package org.portrait.jobs.ingest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.portrait.common.UserSplit;
import org.portrait.common.config.LocalMode;
import org.portrait.common.config.UserError;
import org.portrait.common.ingest.RejectReason;
import org.portrait.common.io.AvroFiles;
import org.portrait.common.privacy.PseudonymKey;
import org.portrait.common.privacy.Pseudonymizer;
import org.portrait.jobs.Jobs;
import org.portrait.schema.Review;

/** Local-mode runs of the ingest job, reading its Avro and Parquet output back. */
public class IngestDriverTest {
  @ClassRule
  public static TemporaryFolder tmp = new TemporaryFolder();
  private static Configuration conf;

  @BeforeClass
  public static void setUp() throws Exception {
    conf = LocalMode.configure(new Configuration(), tmp.newFolder("work"));
    conf.set(IngestDriver.PSEUDONYM_KEY, "test-key");
  }

  static List<GenericRecord> readParquet(Path dir) throws Exception {
    List<GenericRecord> out = new ArrayList<>();
    for (Path p : AvroFiles.dataFiles(conf, dir, ".parquet")) {
      try (ParquetReader<GenericRecord> r =
               AvroParquetReader.<GenericRecord>builder(HadoopInputFile.fromPath(p, conf)).build()) {
        GenericRecord g;
        while ((g = r.read()) != null) {
          out.add(g);
        }
      }
    }
    return out;
  }

  /**
   * Reconciliation: the fixture has 7 good records and 13 bad ones of every kind; exactly the good ones are
   * accepted and the bad ones rejected with the right reasons, nothing more, nothing lost.
   */
  @Test
  public void reconcilesGoodAndBadRecords() throws Exception {
    File in = tmp.newFolder("reconcile-in");
    try (InputStream res = getClass().getResourceAsStream("/ingest/reconcile.csv")) {
      Files.copy(res, new File(in, "reconcile.csv").toPath());
    }
    Path out = new Path(tmp.getRoot().getAbsolutePath(), "reconcile-out");
    IngestResult r = IngestDriver.run(conf, List.of(new Path(in.getAbsolutePath())), out);
    assertEquals(20, r.read);
    assertEquals(7, r.accepted);
    assertEquals(13, r.rejected);
    Map<RejectReason, Long> expected = new TreeMap<>();
    for (RejectReason reason : RejectReason.values()) {
      expected.put(reason, 0L);
    }
    expected.put(RejectReason.MISSING_USER_ID, 2L);
    expected.put(RejectReason.EMPTY_TEXT, 2L);
    expected.put(RejectReason.TEXT_TOO_LONG, 1L);
    expected.put(RejectReason.BAD_TIMESTAMP, 2L);
    expected.put(RejectReason.UNDECODABLE, 1L);
    expected.put(RejectReason.DUPLICATE_REVIEW_ID, 1L);
    expected.put(RejectReason.WRONG_COLUMN_COUNT, 2L);
    expected.put(RejectReason.MALFORMED, 2L);
    assertEquals(expected, new TreeMap<>(r.rejectedBy));

    List<Review> reviews = AvroFiles.readAll(conf, new Path(out, "reviews"), Review.class);
    Map<String, Review> byId = new TreeMap<>();
    for (Review rv : reviews) {
      byId.put(rv.getReviewId(), rv);
    }
    assertEquals(7, byId.size());
    assertEquals("好书", byId.get("g1").getText()); // the first g1 wins over the later duplicate
    assertEquals("有逗号, 和\"引号\"", byId.get("g2").getText());
    assertEquals("多行 文本", byId.get("g3").getText());
    assertEquals("带空格的文本", byId.get("g4").getText());
    assertEquals(byId.get("g3").getTs(), byId.get("g4").getTs()); // epoch seconds and millis
    assertEquals(null, byId.get("g5").getTs());
    assertEquals(null, byId.get("g5").getLabel());
    assertEquals(1, (int) byId.get("g7").getLabel());
    assertTrue(byId.keySet().stream().anyMatch(id -> id.startsWith("h-")));
    Pseudonymizer p = new Pseudonymizer("test-key");
    for (Review rv : reviews) {
      assertFalse("raw user id stored", rv.getUserKey().matches("u\\d+"));
    }
    assertEquals(p.pseudonym("u1"), byId.get("g1").getUserKey());
    assertEquals(UserSplit.of("u1", UserSplit.DEFAULT_TEST_SHARE), byId.get("g1").getSplit());

    List<GenericRecord> rejects = readParquet(new Path(out, "rejects"));
    assertEquals(13, rejects.size());
    List<String> reasons = new ArrayList<>();
    for (GenericRecord g : rejects) {
      String reason = g.get("reason").toString();
      reasons.add(reason);
      assertTrue(g.get("source").toString().endsWith("reconcile.csv"));
      assertEquals("no raw record in the table", null, g.getSchema().getField("raw"));
      Object userKey = g.get("user_key");
      if (reason.equals("MISSING_USER_ID") || reason.equals("WRONG_COLUMN_COUNT") || reason.equals("MALFORMED")
          && g.get("text") == null) {
        assertEquals(g.toString(), null, userKey);
      } else {
        assertEquals(g.toString(), reason.equals("DUPLICATE_REVIEW_ID") ? p.pseudonym("u6") : p.pseudonym("u5"),
            userKey.toString());
      }
      if (reason.equals("DUPLICATE_REVIEW_ID")) {
        assertEquals("重复编号", g.get("text").toString());
      }
      if (reason.equals("UNDECODABLE")) {
        assertTrue(g.get("text").toString().contains("\uFFFD"));
      }
      assertFalse("raw user id in " + g, g.toString().matches(".*\\bu\\d\\b.*"));
    }
    Collections.sort(reasons);
    assertEquals(13, reasons.size());
    Map<String, Long> counters = Jobs.readCounters(conf, out);
    assertEquals(20L, (long) counters.get("RECORDS_READ"));
    assertEquals(1L, (long) counters.get("HEADER_ROWS"));
    assertEquals(1L, (long) counters.get("DERIVED_REVIEW_ID"));
  }

  /** CSV (gzip, BOM), TSV, JSON Lines and Avro in one folder; hidden files skipped; a rerun replaces. */
  @Test
  public void readsEveryFormatAndRerunReplaces() throws Exception {
    File in = tmp.newFolder("formats-in");
    try (OutputStream gz = new GZIPOutputStream(new FileOutputStream(new File(in, "a.csv.gz")))) {
      gz.write(("\uFEFFuser_id,review_id,text,ts\nu1,c1,\"压缩, 文件\",2024-05-01 10:00:00\nu2,c2,第二条,\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    Files.write(new File(in, "b.tsv").toPath(),
        "review_id\tuser_id\ttext\nt1\tu3\t制表符\nt2\tu3\n".getBytes(StandardCharsets.UTF_8));
    Files.write(new File(in, "c.jsonl").toPath(), ("{\"review_id\":\"j1\",\"user_id\":\"u4\",\"text\":\"json\","
        + "\"ts\":1714557600000}\n\n{\"review_id\":\"j2\",\"user_id\":\"u4\"\nnot json\n")
        .getBytes(StandardCharsets.UTF_8));
    Schema schema = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Raw\",\"fields\":["
        + "{\"name\":\"review_id\",\"type\":\"string\"},{\"name\":\"user_id\",\"type\":[\"null\",\"string\"]},"
        + "{\"name\":\"ts\",\"type\":[\"null\",\"long\"]},{\"name\":\"text\",\"type\":\"string\"}]}");
    try (DataFileWriter<GenericRecord> w = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(schema))) {
      w.create(schema, new File(in, "d.avro"));
      for (String[] row : new String[][] {{"a1", "u5", "Avro 记录"}, {"a2", null, "no user"}, {"c1", "u6", "dup"}}) {
        GenericRecord g = new GenericData.Record(schema);
        g.put("review_id", row[0]);
        g.put("user_id", row[1]);
        g.put("ts", 1714557600L);
        g.put("text", row[2]);
        w.append(g);
      }
    }
    Files.write(new File(in, "empty.csv").toPath(), new byte[0]);
    Files.write(new File(in, "_ignored.csv").toPath(), "junk".getBytes(StandardCharsets.UTF_8));
    Files.write(new File(in, ".hidden.csv").toPath(), "junk".getBytes(StandardCharsets.UTF_8));
    Path out = new Path(tmp.getRoot().getAbsolutePath(), "formats-out");
    for (int run = 0; run < 2; run++) {
      IngestResult r = IngestDriver.run(conf, List.of(new Path(in.getAbsolutePath())), out);
      assertEquals(r.summary(), 10, r.read);
      assertEquals(5, r.accepted);
      assertEquals(5, r.rejected);
      assertEquals(1L, (long) r.rejectedBy.get(RejectReason.WRONG_COLUMN_COUNT));
      assertEquals(2L, (long) r.rejectedBy.get(RejectReason.MALFORMED));
      assertEquals(1L, (long) r.rejectedBy.get(RejectReason.MISSING_USER_ID));
      assertEquals(1L, (long) r.rejectedBy.get(RejectReason.DUPLICATE_REVIEW_ID));
      List<Review> reviews = AvroFiles.readAll(conf, new Path(out, "reviews"), Review.class);
      assertEquals(5, reviews.size()); // replaced, not appended, on the second run
      Map<String, Review> byId = new TreeMap<>();
      reviews.forEach(rv -> byId.put(rv.getReviewId(), rv));
      assertEquals(Arrays.asList("a1", "c1", "c2", "j1", "t1"), new ArrayList<>(byId.keySet()));
      assertEquals("压缩, 文件", byId.get("c1").getText()); // a.csv.gz sorts before d.avro: its c1 wins
      assertEquals(1714557600000L, (long) byId.get("a1").getTs());
      assertEquals(1714557600000L, (long) byId.get("c1").getTs());
      assertEquals(1714557600000L, (long) byId.get("j1").getTs());
      assertEquals(null, byId.get("c2").getTs());
      assertEquals(5, readParquet(new Path(out, "rejects")).size());
    }
  }

  /** An empty input, or one whose every record is rejected, is a user error naming what to check. */
  @Test
  public void nothingAcceptedFailsWithAHint() throws Exception {
    File empty = tmp.newFolder("empty-in");
    Path out = new Path(tmp.getRoot().getAbsolutePath(), "empty-out");
    UserError e = expectUserError(conf, new Path(empty.getAbsolutePath()), out);
    assertTrue(e.getMessage(), e.getMessage().contains("accepted no record"));
    assertTrue(e.getMessage(), e.getMessage().contains("read 0"));
    assertTrue(e.getMessage(), e.getMessage().contains(IngestDriver.FORMAT + "=auto"));
    Files.write(new File(empty, "only-empty.csv").toPath(), new byte[0]); // a file without records: the same
    assertTrue(expectUserError(conf, new Path(empty.getAbsolutePath()), out).getMessage().contains("read 0"));

    File in = tmp.newFolder("all-rejected-in");
    Files.write(new File(in, "x.csv").toPath(),
        "user_id,text,ts\n,没有用户,\n ,也没有,\nu1,坏时间,yesterday\n".getBytes(StandardCharsets.UTF_8));
    e = expectUserError(conf, new Path(in.getAbsolutePath()), out);
    assertTrue(e.getMessage(), e.getMessage().contains("read 3, rejected 3: MISSING_USER_ID 2, BAD_TIMESTAMP 1"));
    assertTrue(e.getMessage(), e.getMessage().contains(IngestDriver.COLUMN_PREFIX + "user_id=user_id"));
    assertFalse(e.getMessage(), e.getMessage().contains("\n"));
    assertFalse("nothing committed", new File(out.toUri().getPath()).exists());
  }

  /** Raw records go only to the quarantine folder (700, files 600) and only when it is given. */
  @Test
  public void rawRejectsGoOnlyToTheQuarantine() throws Exception {
    File in = tmp.newFolder("quarantine-in");
    Files.write(new File(in, "x.csv").toPath(), ("user_id,review_id,text,ts\nu1,r1,电话13812345678,\n"
        + "u2,r2,加我qq 123456789,yesterday\n,r3,没有用户,\nu1,r1,重复,\n").getBytes(StandardCharsets.UTF_8));
    Configuration q = new Configuration(conf);
    File quarantine = new File(tmp.getRoot(), "quarantine/dt=2026-12-02");
    q.set(IngestDriver.QUARANTINE, quarantine.getAbsolutePath());
    Path out = new Path(tmp.getRoot().getAbsolutePath(), "quarantine-out");
    IngestResult r = IngestDriver.run(q, List.of(new Path(in.getAbsolutePath())), out);
    assertEquals(1, r.accepted);
    assertEquals(3, r.rejected);
    assertEquals(1L, (long) r.piiMasked.get(org.portrait.common.text.PiiKind.PHONE));
    assertEquals(1L, (long) r.piiMasked.get(org.portrait.common.text.PiiKind.QQ));
    assertEquals(3L, (long) r.counters.get("QUARANTINED"));
    assertEquals("电话 <PHONE>", AvroFiles.readAll(conf, new Path(out, "reviews"), Review.class).get(0).getText());
    for (GenericRecord g : readParquet(new Path(out, "rejects"))) {
      assertFalse(g.toString(), g.toString().contains("123456789"));
    }
    assertFalse("staged raw rejects left in the output", new File(out.toUri().getPath(), "_quarantine").exists());
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(quarantine.toPath())));
    List<String> lines = new ArrayList<>();
    File[] files = quarantine.listFiles((d, n) -> !n.startsWith("."));
    assertEquals(1, files.length);
    for (File f : files) {
      assertEquals(f.getName(), "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f.toPath())));
      lines.addAll(Files.readAllLines(f.toPath(), StandardCharsets.UTF_8));
    }
    assertEquals(3, lines.size());
    assertTrue(lines.toString(), lines.stream().anyMatch(l -> l.contains("加我qq 123456789")));
    assertTrue(lines.toString(), lines.stream().anyMatch(l -> l.contains("\"reason\":\"DUPLICATE_REVIEW_ID\"")));

    // without a quarantine folder, the raw records are kept nowhere
    Path out2 = new Path(tmp.getRoot().getAbsolutePath(), "no-quarantine-out");
    IngestDriver.run(conf, List.of(new Path(in.getAbsolutePath())), out2);
    assertFalse(new File(out2.toUri().getPath(), "_quarantine").exists());
    assertEquals(0L, (long) Jobs.readCounters(conf, out2).get("QUARANTINED"));
  }

  /** The public development key is refused for output on a cluster file system unless explicitly allowed. */
  @Test
  public void developmentKeyIsRefusedOnACluster() throws Exception {
    Configuration dev = new Configuration(conf);
    dev.unset(IngestDriver.PSEUDONYM_KEY);
    Path in = new Path(tmp.getRoot().getAbsolutePath(), "nowhere");
    UserError e = expectUserError(dev, in, new Path("hdfs://namenode:8020/data/portrait/staging/ingest"));
    assertTrue(e.getMessage(), e.getMessage().contains(PseudonymKey.KEY));
    assertTrue(e.getMessage(), e.getMessage().contains("hadoop.security.credential.provider.path"));
    assertTrue(e.getMessage(), e.getMessage().contains(IngestDriver.ALLOW_DEVELOPMENT_KEY + "=true"));
    Configuration cluster = new Configuration(dev);
    cluster.set("fs.defaultFS", "hdfs://namenode:8020");
    PseudonymKey devKey = PseudonymKey.resolve(dev);
    try {
      IngestGuards.requireUsableKey(cluster, devKey, new Path("/data/portrait/staging/ingest"));
      fail("relative to an HDFS default file system");
    } catch (UserError expected) {
      // refused
    }
    IngestGuards.requireUsableKey(dev, devKey, new Path("/tmp/local")); // local file system: allowed
    cluster.setBoolean(IngestDriver.ALLOW_DEVELOPMENT_KEY, true);
    IngestGuards.requireUsableKey(cluster, devKey, new Path("/data/portrait/staging/ingest"));
    IngestGuards.requireUsableKey(cluster, PseudonymKey.resolve(conf), new Path("hdfs://namenode:8020/x"));
  }

  @Test
  public void badSetupFailsBeforeAnyJob() throws Exception {
    File in = tmp.newFolder("bad-in");
    File csv = new File(in, "x.csv");
    Files.write(csv.toPath(), "user_id,body\nu1,hello\n".getBytes(StandardCharsets.UTF_8));
    Path out = new Path(tmp.getRoot().getAbsolutePath(), "bad-out");
    expectUserError(conf, new Path(csv.getAbsolutePath()), out, "no column 'text'");
    Configuration mapped = new Configuration(conf);
    mapped.set(IngestDriver.COLUMN_PREFIX + "text", "body");
    File txt = new File(in, "y.txt");
    Files.write(txt.toPath(), "x".getBytes(StandardCharsets.UTF_8));
    expectUserError(conf, new Path(txt.getAbsolutePath()), out, "cannot tell the format");
    expectUserError(conf, new Path(in.getAbsolutePath(), "missing.csv"), out, "input not found");
    assertFalse(new File(out.toUri().getPath()).exists());
    // with the column mapped, the same file ingests
    assertNotEquals(0, IngestDriver.run(mapped, List.of(new Path(csv.getAbsolutePath())), out).accepted);
  }

  @Test
  public void commandLine() throws Exception {
    assertEquals(0, org.apache.hadoop.util.ToolRunner.run(conf, new IngestDriver(), new String[] {"--help"}));
    assertEquals(2, org.apache.hadoop.util.ToolRunner.run(conf, new IngestDriver(), new String[] {"--bogus"}));
    assertEquals(2, org.apache.hadoop.util.ToolRunner.run(conf, new IngestDriver(), new String[] {"--output", "x"}));
    assertEquals(2, org.apache.hadoop.util.ToolRunner.run(conf, new IngestDriver(),
        new String[] {"--input", tmp.getRoot() + "/nope", "--output", tmp.getRoot() + "/o"}));
    // user errors of this stage: nothing accepted, the development key on a cluster
    assertEquals(2, org.apache.hadoop.util.ToolRunner.run(conf, new IngestDriver(),
        new String[] {"--input", tmp.newFolder("cli-empty").getPath(), "--output", tmp.getRoot() + "/o"}));
    Configuration dev = new Configuration(conf);
    dev.unset(IngestDriver.PSEUDONYM_KEY);
    assertEquals(2, org.apache.hadoop.util.ToolRunner.run(dev, new IngestDriver(),
        new String[] {"--input", tmp.getRoot().getPath(), "--output", "hdfs://namenode:8020/o"}));
  }

  private static UserError expectUserError(Configuration c, Path input, Path out) throws Exception {
    try {
      IngestDriver.run(c, List.of(input), out);
    } catch (UserError e) {
      return e;
    }
    throw new AssertionError("expected a UserError");
  }

  /** A user mistake: a {@link UserError} (exit 2, one line), not any IllegalArgumentException. */
  private static void expectUserError(Configuration c, Path input, Path out, String message) throws Exception {
    UserError e = expectUserError(c, input, out);
    assertTrue(e.getMessage(), e.getMessage().contains(message));
  }
}
