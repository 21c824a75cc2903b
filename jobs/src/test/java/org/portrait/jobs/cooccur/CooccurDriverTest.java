package org.portrait.jobs.cooccur;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.FileInputStream;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.portrait.common.config.LocalMode;
import org.portrait.common.glove.CooccurEntries;
import org.portrait.common.glove.PairCountMap;
import org.portrait.common.glove.VocabIds;
import org.portrait.jobs.Jobs;
import org.portrait.jobs.glove.GloveTestData;
import org.portrait.schema.TokenizedReview;

public class CooccurDriverTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void jobEqualsDirectComputationEntryForEntry() throws Exception {
    File root = tmp.getRoot();
    Configuration conf = LocalMode.configure(new Configuration(), root);
    conf.setInt(CooccurDriver.WINDOW, 5);
    conf.setInt(CooccurDriver.PARTITIONS, 3);
    conf.setLong(CooccurDriver.MAP_MEMORY_MB, 0); // smallest map: forces flushes and the combiner
    conf.setInt(CooccurDriver.MIN_SPLITS, 3); // several mappers whose partial sums the reducer adds
    GloveTestData data = new GloveTestData(300, 80, 7);
    Path[] sv = data.write(conf, root);
    Path c = new Path(new File(root, "C").getAbsolutePath());
    org.portrait.jobs.StageResult r = CooccurDriver.run(conf, sv[0], sv[1], c);

    VocabIds vocab = VocabIds.read(new FileInputStream(new File(root, "V/vocab.tsv")));
    PairCountMap direct = new PairCountMap(1 << 16);
    long tokens = 0;
    for (TokenizedReview rev : data.reviews) {
      int[] ids = new int[rev.getTokens().size()];
      int n = 0;
      for (String t : rev.getTokens()) {
        int id = vocab.id(t);
        if (id >= 0) {
          ids[n++] = id;
        }
      }
      tokens += rev.getTokens().size();
      CooccurMapper.countDirect(ids, n, 5, direct);
    }
    Map<Long, Float> got = new HashMap<>();
    File[] parts = new File(root, "C").listFiles((d, name) -> name.endsWith(CooccurOutputFormat.SUFFIX));
    assertEquals(3, parts.length);
    for (File part : parts) {
      int p = Integer.parseInt(part.getName().replaceAll("\\D", "")) ;
      CooccurEntries.Raw raw = new CooccurEntries.Raw(part.length() / 12);
      try (FileInputStream in = new FileInputStream(part)) {
        raw.read(in, part.length() / 12);
      }
      for (int e = 0; e < raw.n; e++) {
        assertEquals("partition holds rows i mod 3", p, raw.i[e] % 3);
        assertTrue(got.put(PairCountMap.pack(raw.i[e], raw.j[e]), raw.x[e]) == null);
      }
    }
    assertEquals(direct.size(), got.size());
    for (Map.Entry<Long, Float> e : got.entrySet()) {
      double want = direct.get(PairCountMap.row(e.getKey()), PairCountMap.col(e.getKey()));
      assertEquals(want, e.getValue(), 1e-5 * Math.max(1, want));
    }
    assertEquals(direct.size(), (long) r.counters.get("ENTRIES_OUT"));
    assertEquals(tokens, (long) r.counters.get("TOKENS"));
    assertTrue(r.counters.get("FLUSHES") > 0);
    assertEquals(r.counters, Jobs.readCounters(conf, c));
  }
}
