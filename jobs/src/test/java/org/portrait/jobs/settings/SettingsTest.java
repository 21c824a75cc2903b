package org.portrait.jobs.settings;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.apache.hadoop.conf.Configuration;
import org.junit.Test;
import org.portrait.common.config.UserError;
import org.portrait.common.privacy.PseudonymKey;
import org.portrait.jobs.cooccur.CooccurDriver;
import org.portrait.jobs.glove.GloveTrainDriver;
import org.portrait.jobs.ingest.IngestDriver;
import org.portrait.jobs.segment.SegmentConf;
import org.portrait.jobs.vocab.VocabDriver;

/** Settings.check: bad values and unknown keys fail as one line naming the key, the value and what is allowed. */
public class SettingsTest {
  private static Configuration conf(String... keyValues) {
    Configuration c = new Configuration(false);
    for (int i = 0; i < keyValues.length; i += 2) {
      c.set(keyValues[i], keyValues[i + 1]);
    }
    return c;
  }

  private static String refused(Configuration c) {
    try {
      Settings.check(c);
    } catch (UserError e) {
      assertFalse(e.getMessage(), e.getMessage().contains("\n"));
      return e.getMessage();
    }
    fail("expected a UserError for " + c);
    return null;
  }

  @Test
  public void goodValuesPass() {
    Settings.check(conf(GloveTrainDriver.DIM, "50", GloveTrainDriver.SCHEDULE, "mixing", GloveTrainDriver.ETA, "0.1",
        GloveTrainDriver.SEED, "-7", GloveTrainDriver.CACHE_ENTRIES, "FALSE", VocabDriver.MIN_COUNT, " 3 ",
        VocabDriver.SPLIT, "", IngestDriver.FORMAT, "CSV", IngestDriver.TIMEZONE, "Asia/Shanghai",
        IngestDriver.COLUMN_PREFIX + "user_id", "uid", SegmentConf.STOPWORDS_KEEP, "好,很",
        SegmentConf.SPLIT_MAX_BYTES, "0x100000", "mapreduce.job.reduces", "whatever: not ours"));
  }

  @Test
  public void badValuesNameKeyValueAndWhatIsAllowed() {
    assertEquals("portrait.glove.dim=abc: not an integer", refused(conf(GloveTrainDriver.DIM, "abc")));
    assertEquals("portrait.glove.dim=0: must be between 1 and 1000", refused(conf(GloveTrainDriver.DIM, "0")));
    assertEquals("portrait.glove.dim=100000: must be between 1 and 1000",
        refused(conf(GloveTrainDriver.DIM, "100000")));
    assertEquals("portrait.glove.schedule=foo: must be one of dsgd, mixing",
        refused(conf(GloveTrainDriver.SCHEDULE, "foo")));
    assertEquals("portrait.glove.eta=0: must be above 0 and at most 10", refused(conf(GloveTrainDriver.ETA, "0")));
    assertEquals("portrait.glove.alpha=NaN: not a finite number", refused(conf(GloveTrainDriver.ALPHA, "NaN")));
    assertEquals("portrait.glove.cache-entries=yes: must be true or false",
        refused(conf(GloveTrainDriver.CACHE_ENTRIES, "yes")));
    assertEquals("portrait.ingest.test-share=1.5: must be between 0 and 1",
        refused(conf(IngestDriver.TEST_SHARE, "1.5")));
    assertEquals("portrait.ingest.timezone=Mars/Base: not a time zone id (e.g. UTC, Asia/Shanghai, +08:00)",
        refused(conf(IngestDriver.TIMEZONE, "Mars/Base")));
    assertEquals("portrait.vocab.split=dev: must be one of (empty), all, train, test",
        refused(conf(VocabDriver.SPLIT, "dev")));
    // an int setting given a long
    assertEquals("portrait.cooccur.window=3000000000: must be between 1 and 100",
        refused(conf(CooccurDriver.WINDOW, "3000000000")));
  }

  @Test
  public void unknownKeysAreRefusedWithASuggestion() {
    assertEquals("portrait.glove.dimm: unknown setting; did you mean portrait.glove.dim?",
        refused(conf("portrait.glove.dimm", "50")));
    assertEquals("portrait.vocab.min_count: unknown setting; did you mean portrait.vocab.min-count?",
        refused(conf("portrait.vocab.min_count", "2")));
    assertEquals("portrait.nothing.like.this: unknown setting (see docs/config-keys.md)",
        refused(conf("portrait.nothing.like.this", "1")));
    // the bare prefix is not a setting
    assertTrue(refused(conf(IngestDriver.COLUMN_PREFIX, "x")).startsWith("portrait.ingest.column.: unknown setting"));
  }

  @Test
  public void everyProblemIsListedAndSecretsAreNotEchoed() {
    String m = refused(conf(GloveTrainDriver.DIM, "-1", "portrait.ingest.pseudonym.kye", "s3cret-hmac",
        GloveTrainDriver.ROUNDS, "many"));
    assertEquals("portrait.glove.dim=-1: must be between 1 and 1000; portrait.glove.rounds=many: not an integer;"
        + " portrait.ingest.pseudonym.kye: unknown setting; did you mean " + PseudonymKey.KEY + "?", m);
    Settings.check(conf(PseudonymKey.KEY, "any secret at all"));
  }

  @Test
  public void keysDriversSetAreAccepted() {
    Settings.check(conf(CooccurDriver.VOCAB, "/tmp/V", "portrait.glove.round.model", "/tmp/m.bin",
        "portrait.metrics.internal.has-profiles", "false", "portrait.segments.centroids-file", "/tmp/c"));
    assertTrue(Settings.spec(CooccurDriver.VOCAB).setByDriver);
  }

  @Test
  public void variablesAreExpandedBeforeTheCheck() {
    Configuration c = conf("dims", "abc", GloveTrainDriver.DIM, "${dims}");
    assertEquals("portrait.glove.dim=abc: not an integer", refused(c));
  }

  @Test
  public void suggestionNeedsAFewEditsAtMost() {
    assertEquals(GloveTrainDriver.THREADS, Settings.suggestion("portrait.glove.thread"));
    assertNull(Settings.suggestion("portrait.completely.different"));
    assertEquals(3, Settings.editDistance("kitten", "sitting"));
  }
}
