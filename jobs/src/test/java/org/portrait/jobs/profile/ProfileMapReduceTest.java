package org.portrait.jobs.profile;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.hadoop.io.AvroSerialization;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.conf.Configuration;
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
import org.portrait.schema.ReviewPrediction;
import org.portrait.schema.TokenizedReview;
import org.portrait.schema.UserProfile;

/** MRUnit tests of the profile mapper and reducers: counters, empty and bad input. */
public class ProfileMapReduceTest {
  @ClassRule public static TemporaryFolder tmp = new TemporaryFolder();
  static ProfileModel model;

  @BeforeClass
  public static void fixtures() throws Exception {
    File dir = tmp.newFolder("w");
    ProfileFixtures.writeVocabAndVectors(dir);
    model = ProfileFixtures.model(dir);
  }

  static void avroSerialization(Configuration conf) {
    AvroSerialization.addToConfiguration(conf);
    conf.setStrings("io.serializations", conf.get("io.serializations"),
        "org.apache.hadoop.io.serializer.JavaSerialization");
    AvroSerialization.setKeyWriterSchema(conf, TokenizedReview.getClassSchema());
    AvroSerialization.setKeyReaderSchema(conf, TokenizedReview.getClassSchema());
    AvroSerialization.setValueWriterSchema(conf, TokenizedReview.getClassSchema());
    AvroSerialization.setValueReaderSchema(conf, TokenizedReview.getClassSchema());
  }

  /** A reducer with the fixture model that collects predictions instead of writing the side output. */
  static final class TestReducer extends ProfileReducer {
    final List<ReviewPrediction> predictions = new ArrayList<>();
    final List<UserProfile> profiles = new ArrayList<>();

    @Override
    protected void writeProfile(UserProfile p, Context ctx) {
      profiles.add(p);
    }

    @Override
    protected void setup(Context ctx) {
      setModel(model);
    }

    @Override
    protected void writePrediction(ReviewPrediction p, Context ctx) {
      predictions.add(p);
    }

    @Override
    protected void cleanup(Context ctx) {}
  }

  @Test
  public void mapperKeysByUserAndCountsBadInput() throws Exception {
    MapDriver<AvroKey<TokenizedReview>, NullWritable, Text, AvroValue<TokenizedReview>> d =
        MapDriver.newMapDriver(new ProfileMapper());
    avroSerialization(d.getConfiguration());
    Random rnd = new Random(1);
    TokenizedReview ok = ProfileFixtures.review("r1", "u1", "train", 0, 1, rnd);
    TokenizedReview noUser = ProfileFixtures.review("r2", "", "train", 0, 1, rnd);
    TokenizedReview empty = ProfileFixtures.review("r3", "u2", "train", 0, 1, rnd);
    empty.setTokens(List.of());
    d.withInput(new AvroKey<>(ok), NullWritable.get())
        .withInput(new AvroKey<>(noUser), NullWritable.get())
        .withInput(new AvroKey<>(empty), NullWritable.get());
    List<Pair<Text, AvroValue<TokenizedReview>>> out = d.run();
    assertEquals(2, out.size());
    assertEquals("u1", out.get(0).getFirst().toString());
    assertEquals("r1", out.get(0).getSecond().datum().getReviewId());
    assertEquals(3, d.getCounters().findCounter(ProfileCounters.REVIEWS_IN).getValue());
    assertEquals(1, d.getCounters().findCounter(ProfileCounters.REVIEWS_NO_USER).getValue());
    assertEquals(1, d.getCounters().findCounter(ProfileCounters.REVIEWS_EMPTY_TOKENS).getValue());
  }

  @Test
  public void mapperWithOnlyBadInputWritesNothing() throws Exception {
    MapDriver<AvroKey<TokenizedReview>, NullWritable, Text, AvroValue<TokenizedReview>> d =
        MapDriver.newMapDriver(new ProfileMapper());
    avroSerialization(d.getConfiguration());
    d.withInput(new AvroKey<>(ProfileFixtures.review("r", "", "train", 1, 0, new Random(5))), NullWritable.get());
    assertTrue(d.run().isEmpty());
    assertEquals(1, d.getCounters().findCounter(ProfileCounters.REVIEWS_NO_USER).getValue());
  }

  @Test
  public void reducerBuildsOneProfileAndOnePredictionPerReview() throws Exception {
    TestReducer reducer = new TestReducer();
    ReduceDriver<Text, AvroValue<TokenizedReview>, Void, UserProfile> d = ReduceDriver.newReduceDriver(reducer);
    avroSerialization(d.getConfiguration());
    Random rnd = new Random(2);
    List<AvroValue<TokenizedReview>> values = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      values.add(new AvroValue<>(ProfileFixtures.review("r" + i, "u7", "test", 1, 1, rnd)));
    }
    d.withInput(new Text("u7"), values);
    assertTrue(d.run().isEmpty());
    assertEquals(1, reducer.profiles.size());
    UserProfile p = reducer.profiles.get(0);
    assertEquals("u7", p.getUserKey());
    assertEquals(20, p.getReviewCount());
    assertEquals("embedding", p.getInterestSource());
    assertEquals("酒店", p.getTopInterests().get(0));
    assertEquals(20, reducer.predictions.size());
    assertEquals(1, d.getCounters().findCounter(ProfileCounters.USERS).getValue());
    assertEquals(20, d.getCounters().findCounter(ProfileCounters.PREDICTIONS_OUT).getValue());
  }

  @Test
  public void reducerCopesWithAUserWhoseReviewsAreAllEmpty() throws Exception {
    TestReducer reducer = new TestReducer();
    ReduceDriver<Text, AvroValue<TokenizedReview>, Void, UserProfile> d = ReduceDriver.newReduceDriver(reducer);
    avroSerialization(d.getConfiguration());
    TokenizedReview r = ProfileFixtures.review("r0", "u8", "train", 0, 1, new Random(3));
    r.setTokens(List.of());
    d.withInput(new Text("u8"), List.of(new AvroValue<>(r)));
    d.run();
    UserProfile p = reducer.profiles.get(0);
    assertEquals("low", p.getConfidence());
    assertTrue(p.getTopInterests().isEmpty());
    assertEquals(1, d.getCounters().findCounter(ProfileCounters.USERS_NO_EVIDENCE).getValue());
    assertEquals(1, d.getCounters().findCounter(ProfileCounters.USERS_LOW_CONFIDENCE).getValue());
  }

  @Test
  public void sifReducerEmitsOneMatrixPerTask() throws Exception {
    SifComponentReducer reducer = new SifComponentReducer() {
      @Override
      protected void setup(Context ctx) {
        try {
          java.lang.reflect.Field f = SifComponentReducer.class.getDeclaredField("model");
          f.setAccessible(true);
          f.set(this, model);
          java.lang.reflect.Field m = SifComponentReducer.class.getDeclaredField("matrix");
          m.setAccessible(true);
          m.set(this, new double[ProfileFixtures.DIM * ProfileFixtures.DIM]);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    };
    ReduceDriver<Text, AvroValue<TokenizedReview>, NullWritable, Text> d = ReduceDriver.newReduceDriver(reducer);
    avroSerialization(d.getConfiguration());
    Random rnd = new Random(4);
    d.withInput(new Text("a"), List.of(new AvroValue<>(ProfileFixtures.review("r1", "a", "train", 0, 1, rnd))));
    d.withInput(new Text("b"), List.of(new AvroValue<>(ProfileFixtures.review("r2", "b", "train", 2, 0, rnd))));
    List<Pair<NullWritable, Text>> out = d.run();
    assertEquals(1, out.size());
    assertEquals(ProfileFixtures.DIM * ProfileFixtures.DIM, out.get(0).getSecond().toString().split(" ").length);
    assertEquals(2, d.getCounters().findCounter(ProfileCounters.SIF_USERS).getValue());
  }
}
