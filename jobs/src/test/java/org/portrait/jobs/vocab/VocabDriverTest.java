package org.portrait.jobs.vocab;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.portrait.common.config.LocalMode;
import org.portrait.common.config.UserError;
import org.portrait.common.io.AvroFiles;
import org.portrait.common.text.Vocabulary;
import org.portrait.jobs.Jobs;
import org.portrait.jobs.cli.PortraitMain;
import org.portrait.schema.TokenizedReview;
import org.portrait.schema.VocabEntry;

/** Local-mode runs of the vocab job on a hand-made corpus whose counts are known. */
public class VocabDriverTest {
  @ClassRule
  public static TemporaryFolder tmp = new TemporaryFolder();
  private static Configuration conf;
  private static Path input;
  private static org.portrait.jobs.StageResult result;

  /**
   * Counts: 好 8 (df 4), 不 6 (df 6), 手机 6 (df 3), 屏幕 5 (df 5), 电池 4 (df 4, below min-count 5),
   * 罕见 1; plus one empty review and one test-split review.
   */
  @BeforeClass
  public static void runJob() throws Exception {
    List<TokenizedReview> reviews = new ArrayList<>();
    reviews.add(review("1", "train", "好", "好", "不", "手机", "手机", "屏幕", "电池"));
    reviews.add(review("2", "train", "好", "好", "不", "手机", "屏幕", "电池"));
    reviews.add(review("3", "train", "好", "好", "不", "手机", "手机", "手机", "屏幕", "电池", "罕见"));
    reviews.add(review("4", "train", "好", "好", "不", "屏幕", "电池"));
    reviews.add(review("5", "train", "不", "屏幕"));
    reviews.add(review("6", "test", "不"));
    reviews.add(review("7", "train"));
    conf = LocalMode.configure(new Configuration(), tmp.getRoot());
    // waitForCompletion polls every 5 s by default: most of a small local job's wall time
    conf.setInt("mapreduce.client.completion.pollinterval", 50);
    File in = tmp.newFolder("S");
    // two files, so there are two map tasks feeding the reducers
    AvroFiles.write(conf, new Path(new File(in, "part-m-00000.avro").toURI()), TokenizedReview.getClassSchema(),
        reviews.subList(0, 3));
    AvroFiles.write(conf, new Path(new File(in, "part-m-00001.avro").toURI()), TokenizedReview.getClassSchema(),
        reviews.subList(3, reviews.size()));
    Files.writeString(new File(in, "_counters.json").toPath(), "{}");
    input = new Path(in.toURI());
    result = VocabDriver.run(new Configuration(conf), input, out("V"));
  }

  static TokenizedReview review(String id, String split, String... tokens) {
    return TokenizedReview.newBuilder().setReviewId(id).setUserKey("u" + id).setSplit(split)
        .setCharCount(tokens.length).setTokens(Arrays.asList(tokens)).build();
  }

  private static Path out(String name) {
    return new Path(tmp.getRoot().toURI() + "/" + name);
  }

  private static List<String> tsv(Path dir) throws Exception {
    return Files.readAllLines(new File(new Path(dir, Vocabulary.FILE_NAME).toUri()).toPath(), StandardCharsets.UTF_8);
  }

  @Test
  public void vocabTsvIsOrderedByCountThenWord() throws Exception {
    // 不 and 手机 tie at 6: "不" (U+4E0D) sorts before "手" (U+624B)
    assertEquals(List.of("好\t8\t4", "不\t6\t6", "手机\t6\t3", "屏幕\t5\t5"), tsv(result.output));
  }

  @Test
  public void avroEntriesMatchTheTsv() throws Exception {
    List<VocabEntry> entries = AvroFiles.readAll(conf, new Path(result.output, VocabDriver.AVRO_DIR), VocabEntry.class);
    Vocabulary v = Vocabulary.load(conf, result.output);
    assertEquals(v.size(), entries.size());
    for (VocabEntry e : entries) {
      assertEquals(e.getId(), v.id(e.getWord()));
      assertEquals(e.getCount(), v.count(e.getId()));
      assertEquals(e.getDf(), v.df(e.getId()));
    }
  }

  @Test
  public void counters() throws Exception {
    assertEquals(7, (long) result.counters.get("REVIEWS_IN"));
    assertEquals(7, (long) result.counters.get("REVIEWS_COUNTED"));
    assertEquals(1, (long) result.counters.get("EMPTY_REVIEWS"));
    assertEquals(30, (long) result.counters.get("TOKENS_IN"));
    assertEquals(6, (long) result.counters.get("DISTINCT_WORDS"));
    assertEquals(2, (long) result.counters.get("WORDS_BELOW_MIN_COUNT"));
    assertEquals(4, (long) result.counters.get("VOCAB_SIZE"));
    assertEquals(result.counters, Jobs.readCounters(conf, result.output));
  }

  @Test
  public void idsAreDeterministicWhateverTheReducerCount() throws Exception {
    Configuration c = new Configuration(conf);
    c.setInt(VocabDriver.REDUCERS, 3);
    org.portrait.jobs.StageResult r3 = VocabDriver.run(c, input, out("V3"));
    assertEquals(tsv(result.output), tsv(r3.output));
    // rerun into the same folder replaces it
    org.portrait.jobs.StageResult again = VocabDriver.run(c, input, out("V3"));
    assertEquals(tsv(result.output), tsv(again.output));
  }

  @Test
  public void maxVocabMinCountAndSplit() throws Exception {
    Configuration c = new Configuration(conf);
    c.setInt(VocabDriver.MAX_VOCAB, 2);
    c.setLong(VocabDriver.MIN_COUNT, 1);
    c.set(VocabDriver.SPLIT, "train");
    org.portrait.jobs.StageResult r = VocabDriver.run(c, input, out("Vmax"));
    assertEquals(List.of("好\t8\t4", "手机\t6\t3"), tsv(r.output)); // 不 is 5 without the test review
    assertEquals(4, (long) r.counters.get("WORDS_CUT_BY_MAX_VOCAB"));
    assertEquals(1, (long) r.counters.get("REVIEWS_OTHER_SPLIT"));
  }

  @Test
  public void minCountRemovingEveryWordFailsWithTheSettingAndTheNumbers() throws Exception {
    Configuration c = new Configuration(conf);
    c.setLong(VocabDriver.MIN_COUNT, 100);
    try {
      VocabDriver.run(c, input, out("V-none"));
      fail("an empty vocabulary should fail the stage");
    } catch (UserError e) {
      assertTrue(e.getMessage(), e.getMessage().contains("6 distinct words seen"));
      assertTrue(e.getMessage(), e.getMessage().contains("6 of them removed by portrait.vocab.min-count=100"));
      assertFalse(e.getMessage(), e.getMessage().contains("\n"));
    }
    assertFalse("nothing is committed", new File(out("V-none").toUri()).exists());
  }

  @Test
  public void emptyCorpusFailsSayingNoTokensWereSeen() throws Exception {
    File in = tmp.newFolder("S-empty");
    AvroFiles.write(conf, new Path(new File(in, "part-m-00000.avro").toURI()), TokenizedReview.getClassSchema(), List.of());
    try {
      VocabDriver.run(new Configuration(conf), new Path(in.toURI()), out("V-empty"));
      fail("an empty vocabulary should fail the stage");
    } catch (UserError e) {
      assertTrue(e.getMessage(), e.getMessage().contains("0 distinct words seen in 0 counted reviews"));
      assertTrue(e.getMessage(), e.getMessage().contains("no tokens"));
    }
  }

  @Test
  public void help() throws Exception {
    assertEquals(0, PortraitMain.run(new Configuration(conf), new String[] {"vocab", "--help"}));
    assertTrue(new VocabDriver().usage().contains(VocabDriver.MIN_COUNT));
  }
}
