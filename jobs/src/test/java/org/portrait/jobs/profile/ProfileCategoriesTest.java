package org.portrait.jobs.profile;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.portrait.common.config.LocalMode;
import org.portrait.common.io.AvroFiles;
import org.portrait.common.profile.InterestTaxonomy;
import org.portrait.schema.TokenizedReview;
import org.portrait.schema.UserProfile;

/**
 * Categories the bundled (shopping) taxonomy does not know: interests are the data's own categories, matched by
 * seed terms chosen from the train reviews; a single category is every user's interest, said so in the counters.
 */
public class ProfileCategoriesTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  /** The fixture users with their categories renamed by {@code names}; returns user → main category. */
  private static Map<String, String> writeReviews(Configuration conf, File dir, String[] names) throws Exception {
    Random rnd = new Random(7);
    List<TokenizedReview> out = new ArrayList<>();
    Map<String, String> truth = new HashMap<>();
    for (int u = 0; u < 30; u++) {
      String user = String.format("u%02d", u);
      int main = u % 3;
      truth.put(user, names[main]);
      for (int r = 0; r < 12; r++) {
        int cat = rnd.nextDouble() < 0.8 ? main : rnd.nextInt(3);
        TokenizedReview review = ProfileFixtures.review(user + "-" + r, user, u % 3 == 2 ? "test" : "train", cat,
            u % 2, rnd);
        review.setCategory(names[cat]);
        out.add(review);
      }
    }
    AvroFiles.write(conf, new Path(new File(dir, "S/part-0.avro").getPath()), TokenizedReview.getClassSchema(), out);
    return truth;
  }

  private Map<String, UserProfile> run(Configuration conf, File dir, ProfileDriver.Result[] result) throws Exception {
    result[0] = ProfileDriver.run(conf, new Path(new File(dir, "S").getPath()), new Path(new File(dir, "M").getPath()),
        new Path(new File(dir, "V").getPath()), new Path(new File(dir, "P").getPath()));
    Map<String, UserProfile> out = new HashMap<>();
    for (UserProfile p : ProfileDriverTest.readProfiles(conf, new Path(new File(dir, "P/user_profile").getPath()))) {
      out.put(p.getUserKey(), p);
    }
    return out;
  }

  @Test
  public void unknownCategoriesGetSeedsFromTheDataNotTheShoppingTaxonomy() throws Exception {
    File dir = tmp.newFolder("w");
    Configuration conf = LocalMode.configure(new Configuration(), dir);
    ProfileFixtures.writeVocabAndVectors(dir);
    Map<String, String> truth = writeReviews(conf, dir, new String[] {"外卖", "电影", "游戏"});
    conf.setBoolean(ProfileConf.SUPERVISED, false); // the embedding path is the one that used the taxonomy
    ProfileDriver.Result[] res = new ProfileDriver.Result[1];
    Map<String, UserProfile> profiles = run(conf, dir, res);
    assertEquals(1L, (long) res[0].counters.get("DATA_SEED_TAXONOMY"));
    assertEquals(3L, (long) res[0].counters.get("TRAIN_CATEGORIES"));
    Path seeds = new Path(new File(dir, "P/models/" + ProfileConf.SEED_TAXONOMY).getPath());
    try (InputStream in = seeds.getFileSystem(conf).open(seeds)) {
      InterestTaxonomy t = InterestTaxonomy.read(in);
      assertEquals(List.of("外卖", "游戏", "电影"), t.categories());
      assertTrue(t.seeds("外卖").toString(), t.seeds("外卖").contains("电池"));
    }
    int right = 0;
    for (Map.Entry<String, String> e : truth.entrySet()) {
      UserProfile p = profiles.get(e.getKey());
      assertEquals("embedding", p.getInterestSource());
      assertFalse(p.getInterestScores().containsKey("手机"));
      if (!p.getTopInterests().isEmpty() && p.getTopInterests().get(0).equals(e.getValue())) {
        right++;
      }
    }
    assertTrue("top interest right for " + right + "/30", right >= 27);
  }

  @Test
  public void oneCategoryIsEveryUsersInterestAndIsCounted() throws Exception {
    File dir = tmp.newFolder("w");
    Configuration conf = LocalMode.configure(new Configuration(), dir);
    ProfileFixtures.writeVocabAndVectors(dir);
    writeReviews(conf, dir, new String[] {"外卖", "外卖", "外卖"});
    ProfileDriver.Result[] res = new ProfileDriver.Result[1];
    Map<String, UserProfile> profiles = run(conf, dir, res);
    assertEquals(1L, (long) res[0].counters.get("SINGLE_CATEGORY"));
    assertFalse(res[0].training.category);
    assertEquals(30, profiles.size());
    for (UserProfile p : profiles.values()) {
      assertEquals("single-category", p.getInterestSource());
      assertEquals(List.of("外卖"), p.getTopInterests());
      assertTrue(p.getSummary(), p.getSummary().contains("外卖"));
    }
  }
}
