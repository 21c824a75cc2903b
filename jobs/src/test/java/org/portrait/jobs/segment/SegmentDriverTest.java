package org.portrait.jobs.segment;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.portrait.common.config.LocalMode;
import org.portrait.common.io.AvroFiles;
import org.portrait.jobs.Jobs;
import org.portrait.jobs.cli.PortraitMain;
import org.portrait.schema.Review;
import org.portrait.schema.TokenizedReview;

/** Local-mode runs of the segment job on real corpus reviews (one job shared by the class). */
public class SegmentDriverTest {
  @ClassRule
  public static TemporaryFolder tmp = new TemporaryFolder();
  private static Configuration conf;
  private static List<Review> input;
  private static org.portrait.jobs.StageResult result;
  private static Map<String, TokenizedReview> byId;

  @BeforeClass
  public static void runJob() throws Exception {
    File csv = new File(System.getProperty("portrait.shared.dir", "../shared"), "data/reviews/online_shopping_10_cats.csv");
    assertTrue("primary corpus missing at " + csv.getAbsolutePath(), csv.isFile());
    List<String[]> rows = SegmentBench.readCsv(csv);
    assertEquals(62_774, rows.size());
    input = new java.util.ArrayList<>();
    for (int i = 0; i < 400; i++) {
      String[] row = rows.get(i * 150);
      input.add(SegmentMapperTest.review("r" + i, row[2]));
    }
    input.add(SegmentMapperTest.review("empty", ""));
    input.add(SegmentMapperTest.review("pii", "客服电话13812345678，邮箱kf@shop.com"));
    conf = LocalMode.configure(new Configuration(), tmp.getRoot());
    // waitForCompletion polls every 5 s by default: most of a small local job's wall time
    conf.setInt("mapreduce.client.completion.pollinterval", 50);
    File in = tmp.newFolder("reviews");
    writeAvro(new File(in, "part-00000.avro"), input, 4096);
    result = SegmentDriver.run(new Configuration(conf), new Path(in.toURI()), new Path(tmp.getRoot().toURI() + "/S"));
    byId = new HashMap<>();
    for (TokenizedReview t : AvroFiles.readAll(conf, result.output, TokenizedReview.class)) {
      byId.put(t.getReviewId(), t);
    }
  }

  static void writeAvro(File f, List<Review> reviews, int syncInterval) throws Exception {
    try (OutputStream out = Files.newOutputStream(f.toPath());
         DataFileWriter<Review> w = new DataFileWriter<>(new SpecificDatumWriter<>(Review.class))) {
      w.setSyncInterval(syncInterval); // small blocks, so even this small file splits in two
      w.create(Review.getClassSchema(), out);
      for (Review r : reviews) {
        w.append(r);
      }
    }
  }

  @Test
  public void everyReviewComesOutOnceAndCountersReconcile() {
    Map<String, Long> c = result.counters;
    assertEquals(input.size(), byId.size());
    assertEquals(input.size(), (long) c.get("REVIEWS_IN"));
    assertEquals(input.size(), (long) c.get("REVIEWS_OUT"));
    long tokens = byId.values().stream().mapToLong(t -> t.getTokens().size()).sum();
    assertEquals(tokens, (long) c.get("TOKENS"));
    long chars = input.stream().mapToLong(r -> r.getText().length()).sum();
    assertEquals(chars, (long) c.get("CHARS"));
    assertTrue(c.get("STOPWORDS_REMOVED") > 0);
  }

  @Test
  public void inputIsSplitForTwoMapTasks() {
    assertTrue("map tasks: " + result.counters.get(SegmentDriver.MAP_TASKS), result.counters.get(SegmentDriver.MAP_TASKS) >= 2);
  }

  @Test
  public void emptyReviewIsKeptAndCounted() {
    assertEquals(List.of(), byId.get("empty").getTokens());
    assertTrue(result.counters.get("EMPTY_AFTER_SEGMENT") >= 1);
    assertEquals(1, (long) result.counters.get("BLANK_TEXT"));
  }

  @Test
  public void piiIsMaskedInTheOutput() {
    assertEquals(List.of("客服", "电话", "<PHONE>", "邮箱", "<EMAIL>"), byId.get("pii").getTokens());
    assertEquals(1, (long) result.counters.get("PII_PHONE"));
    assertEquals(1, (long) result.counters.get("PII_EMAIL"));
  }

  @Test
  public void fieldsAreCarriedOver() {
    TokenizedReview t = byId.get("r0");
    assertEquals("u-r0", t.getUserKey());
    assertEquals("书籍", t.getCategory());
    assertEquals("train", t.getSplit());
    assertEquals(input.get(0).getText().length(), t.getCharCount());
  }

  @Test
  public void countersAreWrittenWithTheOutput() throws Exception {
    assertEquals(result.counters, Jobs.readCounters(conf, result.output));
  }

  @Test
  public void exportTokensWritesOneLinePerReview() throws Exception {
    Path out = new Path(tmp.getRoot().toURI() + "/export/tokens.txt");
    ExportTokensCommand.Result r = ExportTokensCommand.export(conf, result.output, out, null, false);
    assertEquals(input.size(), r.lines);
    List<String> lines = Files.readAllLines(new File(out.toUri()).toPath(), StandardCharsets.UTF_8);
    assertEquals(input.size(), lines.size());
    assertTrue(lines.contains("客服 电话 <PHONE> 邮箱 <EMAIL>"));
    assertTrue(lines.contains(""));
    ExportTokensCommand.Result skip = ExportTokensCommand.export(conf, result.output, out, null, true);
    assertEquals(input.size() - skip.skipped, skip.lines);
    assertEquals(0, ExportTokensCommand.export(conf, result.output, out, "test", false).lines);
  }

  @Test
  public void emptyInputFileGivesEmptyOutputAndRerunReplaces() throws Exception {
    File in = tmp.newFolder("empty-reviews");
    writeAvro(new File(in, "part-00000.avro"), List.of(), 4096);
    Path out = new Path(tmp.getRoot().toURI() + "/S-empty");
    for (int run = 0; run < 2; run++) {
      org.portrait.jobs.StageResult r = SegmentDriver.run(new Configuration(conf), new Path(in.toURI()), out);
      assertEquals(0, (long) r.counters.get("REVIEWS_IN"));
      assertEquals(0, AvroFiles.readAll(conf, r.output, TokenizedReview.class).size());
    }
  }

  @Test
  public void folderWithoutAvroFilesIsAClearError() throws Exception {
    File in = tmp.newFolder("no-avro");
    try {
      SegmentDriver.run(new Configuration(conf), new Path(in.toURI()), new Path(tmp.getRoot().toURI() + "/S-x"));
      fail();
    } catch (IllegalArgumentException e) {
      assertTrue(e.getMessage().contains("no *.avro"));
    }
  }

  @Test
  public void commandsAnswerHelp() throws Exception {
    assertEquals(0, PortraitMain.run(new Configuration(conf), new String[] {"segment", "--help"}));
    assertEquals(0, PortraitMain.run(new Configuration(conf), new String[] {"export-tokens", "--help"}));
    assertEquals(2, PortraitMain.run(new Configuration(conf), new String[] {"segment", "--bogus"}));
  }
}
