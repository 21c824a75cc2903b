package org.portrait.jobs.drift;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;
import org.apache.hadoop.mrunit.mapreduce.ReduceDriver;
import org.apache.hadoop.mrunit.types.Pair;
import org.junit.Test;
import org.portrait.schema.UserProfile;

/** MRUnit tests of the drift mappers (tagging, bad input) and the reducer (the join, its counters and sums). */
public class DriftJobTest {
  static UserProfile profile(String user, String interest, String label, Integer segment, float... vector) {
    List<Float> v = new ArrayList<>();
    for (float x : vector) {
      v.add(x);
    }
    return UserProfile.newBuilder().setUserKey(user).setReviewCount(1).setTokenCount(1).setInVocabTokens(1)
        .setVector(v).setKeywords(List.of()).setInterestScores(Map.of())
        .setTopInterests(interest == null ? List.of() : List.of(interest, "其他")).setInterestSource("supervised")
        .setSentimentScore(0.5f).setPositiveShare(0.5f).setSentimentLabel(label).setConfidence("low")
        .setSegmentId(segment).setSummary("s").setModelId("m").setRunId("r").build();
  }

  private static MapDriver<Object, UserProfile, Text, DriftRecord> mapDriver(DriftMapper m) {
    MapDriver<Object, UserProfile, Text, DriftRecord> d = MapDriver.newMapDriver(m);
    Configuration conf = d.getConfiguration();
    conf.setStrings("io.serializations", "org.apache.hadoop.io.serializer.WritableSerialization",
        "org.apache.hadoop.io.serializer.JavaSerialization");
    return d;
  }

  @Test
  public void mapperTagsTheDayAndKeepsTheFirstInterest() throws IOException {
    MapDriver<Object, UserProfile, Text, DriftRecord> d = mapDriver(new DriftMapper.Yesterday());
    d.withInput(NullWritable.get(), profile("a", "手机", "positive", 3, 0.6f, 0.8f));
    d.withOutput(new Text("a"), new DriftRecord(DriftRecord.YESTERDAY, "手机", "positive", 3, new float[] {0.6f, 0.8f}));
    d.runTest();
    assertEquals(1, d.getCounters().findCounter(DriftCounters.PROFILES_YESTERDAY).getValue());
    assertEquals(0, d.getCounters().findCounter(DriftCounters.PROFILES_TODAY).getValue());
  }

  /**
   * Nulls fields the schema forbids to be null (bad input from another writer) after MRUnit has copied the
   * profile: MRUnit's copy goes through Avro, which refuses them.
   */
  static final class Nulling extends DriftMapper.Today {
    @Override
    protected void map(Object k, UserProfile p, Context ctx) throws IOException, InterruptedException {
      switch (p.getUserKey()) {
        case "nv":
          p.setVector(null);
          break;
        case "x":
          p.setUserKey(null);
          break;
        case "nl":
          p.setSentimentLabel(null);
          p.setTopInterests(null);
          break;
        default:
      }
      super.map(k, p, ctx);
    }
  }

  @Test
  public void badProfilesAreCountedNeverACrash() throws IOException {
    MapDriver<Object, UserProfile, Text, DriftRecord> d = mapDriver(new Nulling());
    UserProfile noVector = profile("nv", null, "neutral", null, 1f);
    UserProfile zeros = profile("z", "酒店", "negative", 1, 0f, 0f);
    UserProfile nan = profile("nan", "酒店", "negative", 1, Float.NaN, 1f);
    UserProfile noKey = profile("x", "酒店", "negative", 1, 1f);
    UserProfile noLabel = profile("nl", "书\t籍", "negative", 1, 1f);
    for (UserProfile p : List.of(noVector, zeros, nan, noKey, noLabel)) {
      d.withInput(NullWritable.get(), p);
    }
    List<Pair<Text, DriftRecord>> out = d.run();
    assertEquals(4, out.size());
    assertEquals(new DriftRecord(DriftRecord.TODAY, "none", "neutral", DriftRecord.NO_SEGMENT, new float[0]),
        out.get(0).getSecond());
    assertEquals(0, out.get(1).getSecond().vector.length);
    assertEquals(0, out.get(2).getSecond().vector.length);
    assertEquals(new DriftRecord(DriftRecord.TODAY, "none", "none", 1, new float[] {1f}), out.get(3).getSecond());
    assertEquals(5, d.getCounters().findCounter(DriftCounters.PROFILES_TODAY).getValue());
    assertEquals(1, d.getCounters().findCounter(DriftCounters.BAD_PROFILES).getValue());
    assertEquals(3, d.getCounters().findCounter(DriftCounters.NO_VECTOR).getValue());
    assertEquals("a tab cannot break the sums' lines", "书 籍", DriftMapper.bin("书\t籍"));
  }

  private static DriftRecord rec(byte day, String interest, String label, int segment, float... v) {
    return new DriftRecord(day, interest, label, segment, v);
  }

  @Test
  public void reducerJoinsTheDaysAndWritesItsSumsOnce() throws IOException {
    ReduceDriver<Text, DriftRecord, NullWritable, Text> d = ReduceDriver.newReduceDriver(new DriftReducer());
    byte t = DriftRecord.TODAY;
    byte y = DriftRecord.YESTERDAY;
    // returning, same direction, same segment
    d.withInput(new Text("a"), List.of(rec(t, "手机", "positive", 0, 1, 0), rec(y, "手机", "positive", 0, 2, 0)));
    // returning, orthogonal (shift 1), segment changed, interest changed
    d.withInput(new Text("b"), List.of(rec(y, "书籍", "negative", 1, 0, 1), rec(t, "手机", "positive", 2, 1, 0)));
    // returning without vector yesterday and without segment today; duplicated today
    d.withInput(new Text("c"), List.of(rec(t, "酒店", "neutral", DriftRecord.NO_SEGMENT, 1, 0),
        rec(t, "酒店", "neutral", 5, 1, 0), rec(y, "酒店", "neutral", 1)));
    d.withInput(new Text("new"), List.of(rec(t, "none", "none", 0, 1, 1)));
    d.withInput(new Text("gone"), List.of(rec(y, "书籍", "negative", 1, 1, 1)));
    List<Pair<NullWritable, Text>> out = d.run();
    List<String> lines = new ArrayList<>();
    out.forEach(p -> lines.add(p.getSecond().toString()));
    assertEquals(List.of("interest.today\tnone\t1", "interest.today\t手机\t2", "interest.today\t酒店\t1",
        "interest.yesterday\t书籍\t2", "interest.yesterday\t手机\t1", "interest.yesterday\t酒店\t1",
        "sentiment.today\tneutral\t1", "sentiment.today\tnone\t1", "sentiment.today\tpositive\t2",
        "sentiment.yesterday\tnegative\t2", "sentiment.yesterday\tneutral\t1", "sentiment.yesterday\tpositive\t1",
        "shift.sum\t-\t1.0"), lines);
    org.apache.hadoop.mapreduce.Counters c = d.getCounters();
    assertEquals(4, c.findCounter(DriftCounters.USERS_TODAY).getValue());
    assertEquals(4, c.findCounter(DriftCounters.USERS_YESTERDAY).getValue());
    assertEquals(3, c.findCounter(DriftCounters.USERS_RETURNING).getValue());
    assertEquals(1, c.findCounter(DriftCounters.USERS_NEW).getValue());
    assertEquals(1, c.findCounter(DriftCounters.USERS_GONE).getValue());
    assertEquals(1, c.findCounter(DriftCounters.DUPLICATE_USERS).getValue());
    assertEquals(2, c.findCounter(DriftCounters.SHIFT_USERS).getValue());
    assertEquals(1, c.findCounter(DriftCounters.SHIFT_SKIPPED).getValue());
    assertEquals(2, c.findCounter(DriftCounters.SEGMENT_COMPARED).getValue());
    assertEquals(1, c.findCounter(DriftCounters.SEGMENT_CHANGED).getValue());
    assertEquals(1, c.findCounter(DriftCounters.SEGMENT_UNKNOWN).getValue());
  }

  @Test
  public void metricsFromSumsAndCounters() {
    DriftSums s = new DriftSums();
    for (String l : List.of("interest.today\ta\t50", "interest.today\tb\t50", "interest.yesterday\ta\t25",
        "interest.yesterday\tb\t75", "shift.sum\t-\t0.5", "shift.sum\t-\t0.25")) {
      s.merge(l);
    }
    Map<String, Object> m = DriftDriver.metrics(Map.of("USERS_TODAY", 100L, "SHIFT_USERS", 3L,
        "SEGMENT_COMPARED", 4L, "SEGMENT_CHANGED", 1L), s);
    assertEquals(0.274653, (Double) m.get(DriftDriver.PSI_INTEREST), 1e-6);
    assertEquals(null, m.get(DriftDriver.PSI_SENTIMENT));
    assertEquals(0.25, (Double) m.get(DriftDriver.COSINE_SHIFT), 1e-12);
    assertEquals(0.25, (Double) m.get(DriftDriver.SEGMENT_CHANGED), 1e-12);
    assertEquals(100L, m.get(DriftDriver.USERS_TODAY));
    assertEquals(0L, m.get(DriftDriver.USERS_GONE));
    assertTrue(m.containsKey(DriftDriver.USERS_NEW));
  }
}
