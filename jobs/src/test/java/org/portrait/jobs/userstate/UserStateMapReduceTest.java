package org.portrait.jobs.userstate;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.hadoop.io.AvroSerialization;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;
import org.apache.hadoop.mrunit.mapreduce.ReduceDriver;
import org.apache.hadoop.mrunit.types.Pair;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.portrait.common.profile.ProfileModel;
import org.portrait.common.profile.UserEvidence;
import org.portrait.jobs.profile.ProfileFixtures;
import org.portrait.schema.ReviewPrediction;
import org.portrait.schema.TokenizedReview;
import org.portrait.schema.UserProfile;
import org.portrait.schema.UserState;

/** MRUnit tests of the user-state mapper and reducer: keys, ages, counters, empty and bad input. */
public class UserStateMapReduceTest {
  @ClassRule public static TemporaryFolder tmp = new TemporaryFolder();
  static ProfileModel model;
  static final Schema UNION = Schema.createUnion(TokenizedReview.getClassSchema(), UserState.getClassSchema());

  @BeforeClass
  public static void fixtures() throws Exception {
    File dir = tmp.newFolder("w");
    ProfileFixtures.writeVocabAndVectors(dir);
    model = ProfileFixtures.model(dir);
    model.modelId = "m1";
  }

  static void configure(Configuration conf) {
    AvroSerialization.addToConfiguration(conf);
    AvroSerialization.setKeyWriterSchema(conf, UNION);
    AvroSerialization.setKeyReaderSchema(conf, UNION);
    AvroSerialization.setValueWriterSchema(conf, UNION);
    AvroSerialization.setValueReaderSchema(conf, UNION);
    conf.set(UserStateDriver.AS_OF, "2026-03-10");
  }

  static final class TestReducer extends UserStateReducer {
    final List<UserProfile> profiles = new ArrayList<>();
    final List<UserState> states = new ArrayList<>();
    final List<ReviewPrediction> predictions = new ArrayList<>();
    final List<String> replaced = new ArrayList<>();

    TestReducer() {
      setModel(model);
    }

    @Override
    protected void writeProfile(UserProfile p, Context ctx) {
      profiles.add(p);
    }

    @Override
    protected void writeState(UserState s, Context ctx) {
      states.add(s);
    }

    @Override
    protected void writePrediction(ReviewPrediction p, Context ctx) {
      predictions.add(p);
    }

    @Override
    protected void writeReplace(String user, Context ctx) {
      replaced.add(user);
    }

    @Override
    protected void cleanup(Context ctx) {}
  }

  private static MapDriver<AvroKey<Object>, NullWritable, Text, AvroValue<Object>> mapDriver(String file) {
    MapDriver<AvroKey<Object>, NullWritable, Text, AvroValue<Object>> d = MapDriver.newMapDriver(new UserStateMapper());
    configure(d.getConfiguration());
    d.setMapInputPath(new Path(file));
    return d;
  }

  @Test
  public void mapperTagsStateFirstAndReviewsByAgeAndCountsBadInput() throws Exception {
    Random rnd = new Random(1);
    MapDriver<AvroKey<Object>, NullWritable, Text, AvroValue<Object>> d =
        mapDriver("/h/dt=2026-03-07/segment/part-0.avro");
    d.withInput(new AvroKey<>(ProfileFixtures.review("r1", "u1", "train", 0, 1, rnd)), NullWritable.get())
        .withInput(new AvroKey<>(ProfileFixtures.review("r2", "", "train", 0, 1, rnd)), NullWritable.get())
        .withInput(new AvroKey<>(new UserEvidence(model, "u1").toState("2026-03-09")), NullWritable.get());
    List<Pair<Text, AvroValue<Object>>> out = d.run();
    assertEquals(2, out.size());
    Text reviewKey = out.get(0).getFirst();
    assertEquals("u1", UserKeyGrouping.user(reviewKey));
    assertEquals(3, UserKeyGrouping.age(reviewKey));
    assertTrue(UserKeyGrouping.isState(out.get(1).getFirst()));
    // the state row sorts before any review of the same user, newer reviews before older ones
    assertTrue(out.get(1).getFirst().compareTo(reviewKey) < 0);
    assertTrue(reviewKey("u1", 0).compareTo(reviewKey) < 0);
    assertEquals(2, d.getCounters().findCounter(UserStateCounters.REVIEWS_IN).getValue());
    assertEquals(1, d.getCounters().findCounter(UserStateCounters.REVIEWS_NO_USER).getValue());
    assertEquals(1, d.getCounters().findCounter(UserStateCounters.STATES_IN).getValue());
    assertEquals(0, d.getCounters().findCounter(UserStateCounters.REVIEWS_IN_OF_DAY).getValue());
  }

  @Test
  public void mapperDropsReviewsOfLaterDaysAndTakesUndatedOnesAsToday() throws Exception {
    Random rnd = new Random(2);
    MapDriver<AvroKey<Object>, NullWritable, Text, AvroValue<Object>> later =
        mapDriver("/h/dt=2026-03-11/segment/part-0.avro");
    later.withInput(new AvroKey<>(ProfileFixtures.review("r1", "u1", "train", 0, 1, rnd)), NullWritable.get());
    assertTrue(later.run().isEmpty());
    assertEquals(1, later.getCounters().findCounter(UserStateCounters.REVIEWS_FUTURE).getValue());
    MapDriver<AvroKey<Object>, NullWritable, Text, AvroValue<Object>> undated = mapDriver("/some/segment/part-0.avro");
    undated.withInput(new AvroKey<>(ProfileFixtures.review("r1", "u1", "train", 0, 1, rnd)), NullWritable.get());
    List<Pair<Text, AvroValue<Object>>> out = undated.run();
    assertEquals(0, UserKeyGrouping.age(out.get(0).getFirst()));
    assertEquals(1, undated.getCounters().findCounter(UserStateCounters.REVIEWS_UNDATED).getValue());
    assertEquals(1, undated.getCounters().findCounter(UserStateCounters.REVIEWS_IN_OF_DAY).getValue());
  }

  private static Text reviewKey(String user, int age) {
    return new Text(user + UserStateMapper.SEPARATOR + UserStateMapper.REVIEW_TAG
        + String.format("%05d", age));
  }

  @Test
  public void reducerProfilesANewUserAndPredictsTodaysReviewsOnce() throws Exception {
    TestReducer r = new TestReducer();
    ReduceDriver<Text, AvroValue<Object>, Void, UserProfile> d = ReduceDriver.newReduceDriver(r);
    configure(d.getConfiguration());
    Random rnd = new Random(3);
    List<AvroValue<Object>> values = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      values.add(new AvroValue<>(ProfileFixtures.review("r" + i, "u7", "test", 1, 1, rnd)));
    }
    values.add(new AvroValue<>(ProfileFixtures.review("r0", "u7", "test", 1, 1, rnd))); // delivered twice
    d.withInput(reviewKey("u7", 0), values);
    assertTrue(d.run().isEmpty());
    assertEquals(1, r.profiles.size());
    assertEquals(5, r.profiles.get(0).getReviewCount());
    assertEquals(5, r.predictions.size());
    assertEquals(1, r.states.size());
    assertEquals("m1", r.states.get(0).getModelId());
    assertEquals("2026-03-10", r.states.get(0).getAsOf());
    assertEquals(1, d.getCounters().findCounter(UserStateCounters.USERS_NEW).getValue());
    assertEquals(1, d.getCounters().findCounter(UserStateCounters.REVIEWS_REPEATED).getValue());
    assertEquals(5, d.getCounters().findCounter(UserStateCounters.REVIEWS_TODAY).getValue());
    assertTrue(d.getCounters().findCounter(UserStateCounters.TOKENS_OF_DAY).getValue() > 0);
  }

  @Test
  public void reducerCarriesAUserWithoutNewReviewsAndCopesWithAnEmptyOne() throws Exception {
    UserEvidence e = new UserEvidence(model, "u8");
    e.add("old", List.of("手机", "电池"), 5L, 1.0);
    TestReducer r = new TestReducer();
    ReduceDriver<Text, AvroValue<Object>, Void, UserProfile> d = ReduceDriver.newReduceDriver(r);
    configure(d.getConfiguration());
    d.withInput(new Text("u8" + UserStateMapper.SEPARATOR + UserStateMapper.STATE_TAG),
        List.of(new AvroValue<>(e.toState("2026-03-09"))));
    d.run();
    assertEquals(1, r.profiles.get(0).getReviewCount());
    assertEquals(0, r.predictions.size());
    assertEquals(1, d.getCounters().findCounter(UserStateCounters.STATES_CARRIED).getValue());

    TestReducer r2 = new TestReducer();
    ReduceDriver<Text, AvroValue<Object>, Void, UserProfile> d2 = ReduceDriver.newReduceDriver(r2);
    configure(d2.getConfiguration());
    TokenizedReview empty = ProfileFixtures.review("e1", "u9", "train", 0, 1, new Random(4));
    empty.setTokens(List.of());
    d2.withInput(reviewKey("u9", 0), List.of(new AvroValue<>(empty)));
    d2.run();
    assertEquals("low", r2.profiles.get(0).getConfidence());
    assertEquals(1, d2.getCounters().findCounter(UserStateCounters.USERS_NO_EVIDENCE).getValue());
  }

  @Test
  public void reducerSendsAUserWhoseStateHasAReviewAgainToTheReplacePassAndWritesNothingForThem()
      throws Exception {
    UserEvidence e = new UserEvidence(model, "u5");
    e.add("r1", List.of("手机", "电池"), 5L, 1.0);
    Random rnd = new Random(6);
    TestReducer r = new TestReducer();
    ReduceDriver<Text, AvroValue<Object>, Void, UserProfile> d = ReduceDriver.newReduceDriver(r);
    configure(d.getConfiguration());
    d.getConfiguration().setBoolean(UserStateDriver.DEFER_REPEATS, true);
    // MRUnit keeps the first key for every value; a review key (age 0) stands for all of them.
    d.withInput(reviewKey("u5", 0), List.of(
        new AvroValue<>(e.toState("2026-03-09")),
        new AvroValue<>(ProfileFixtures.review("r2", "u5", "test", 1, 1, rnd)),
        new AvroValue<>(ProfileFixtures.review("r1", "u5", "test", 1, 1, rnd)),
        new AvroValue<>(ProfileFixtures.review("r3", "u5", "test", 1, 1, rnd))));
    d.run();
    assertEquals(List.of("u5"), r.replaced);
    assertTrue(r.profiles.isEmpty() && r.states.isEmpty() && r.predictions.isEmpty());
    assertEquals(1, d.getCounters().findCounter(UserStateCounters.STATES_DEFERRED).getValue());
    assertEquals(3, d.getCounters().findCounter(UserStateCounters.REVIEWS_DEFERRED).getValue());
    assertEquals(0, d.getCounters().findCounter(UserStateCounters.REVIEWS_TODAY).getValue());
    assertEquals(0, d.getCounters().findCounter(UserStateCounters.STATES_CARRIED).getValue());
    // Without a history to replace from, the earlier copy stays and the new one is a counted repeat.
    TestReducer keep = new TestReducer();
    ReduceDriver<Text, AvroValue<Object>, Void, UserProfile> k = ReduceDriver.newReduceDriver(keep);
    configure(k.getConfiguration());
    k.withInput(reviewKey("u5", 0), List.of(
        new AvroValue<>(e.toState("2026-03-09")),
        new AvroValue<>(ProfileFixtures.review("r1", "u5", "test", 1, 1, rnd))));
    k.run();
    assertTrue(keep.replaced.isEmpty());
    assertEquals(1, keep.profiles.get(0).getReviewCount());
    assertEquals(1, k.getCounters().findCounter(UserStateCounters.REVIEWS_REPEATED).getValue());
  }
}
