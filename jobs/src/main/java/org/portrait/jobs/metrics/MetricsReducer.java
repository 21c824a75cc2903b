package org.portrait.jobs.metrics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;
import org.portrait.common.metrics.CentroidModel;
import org.portrait.common.metrics.Confusion;
import org.portrait.common.metrics.InterestRule;
import org.portrait.common.metrics.KeywordQuality;
import org.portrait.common.metrics.LabelCeiling;
import org.portrait.common.metrics.MetricsSummary;
import org.portrait.common.metrics.MultiLabelCounts;
import org.portrait.common.profile.KeywordStats;

/**
 * Joins one user's truth, profile, review predictions and tokens, and adds the user to the confusion counts
 * of our profiles, of the baselines and of the label ceiling (true review categories), and scores keywords
 * (ours and plain TF-IDF: topicality and support, {@link KeywordQuality}). Counts are summed in memory and written once in cleanup as
 * {@code name<TAB>count}; the driver sums the part files, so any number of reducers gives the same figures.
 */
public class MetricsReducer extends Reducer<Text, Text, Text, LongWritable> {
  /** Label of a missing or empty prediction in confusion matrices. */
  public static final String NONE = "(none)";

  private final MultiLabelCounts ours = new MultiLabelCounts();
  private final MultiLabelCounts majority = new MultiLabelCounts();
  private final MultiLabelCounts centroid = new MultiLabelCounts();
  private final Confusion topInterest = new Confusion();
  private final Confusion userSentiment = new Confusion();
  private final Confusion userSentimentMajority = new Confusion();
  private final Confusion reviewSentiment = new Confusion();
  private final Confusion reviewSentimentMajority = new Confusion();
  private final LabelCeiling ceiling = new LabelCeiling();
  private final KeywordQuality keywordsOurs = new KeywordQuality();
  private final KeywordQuality keywordsTfidf = new KeywordQuality();
  private KeywordStats keywordStats;

  private CentroidModel model;
  private InterestRule rule;
  private List<String> majoritySet;
  private String majoritySentiment;
  private String majorityReview;
  private double minWeight;
  private double reviewThreshold;
  private boolean hasProfiles;

  @Override
  protected void setup(Context context) throws IOException {
    Configuration conf = context.getConfiguration();
    rule = new InterestRule(conf.getInt(MetricsDriver.BASELINE_TOP_K, MetricsDriver.DEFAULT_BASELINE_TOP_K),
        conf.getDouble(MetricsDriver.BASELINE_MIN_RELATIVE, MetricsDriver.DEFAULT_BASELINE_MIN_RELATIVE));
    String set = conf.get(MetricsDriver.MAJORITY_SET, "");
    majoritySet = set.isEmpty() ? List.of() : Arrays.asList(set.split("\\|"));
    majoritySentiment = conf.get(MetricsDriver.MAJORITY_SENTIMENT, "positive");
    majorityReview = conf.get(MetricsDriver.MAJORITY_REVIEW, "positive");
    minWeight = conf.getDouble(MetricsDriver.TRUTH_MIN_WEIGHT, MetricsDriver.DEFAULT_TRUTH_MIN_WEIGHT);
    reviewThreshold = conf.getDouble(MetricsDriver.REVIEW_THRESHOLD, MetricsDriver.DEFAULT_REVIEW_THRESHOLD);
    hasProfiles = conf.getBoolean(MetricsDriver.HAS_PROFILES, true);
    String modelPath = conf.get(MetricsDriver.CENTROID_MODEL);
    if (modelPath != null) {
      Path p = new Path(modelPath);
      FileSystem fs = p.getFileSystem(conf);
      try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(p), StandardCharsets.UTF_8))) {
        model = CentroidModel.read(in);
      }
    }
    String statsPath = conf.get(MetricsDriver.KEYWORD_STATS);
    if (statsPath != null) {
      Path p = new Path(statsPath);
      try (java.io.InputStream in = p.getFileSystem(conf).open(p)) {
        keywordStats = KeywordStats.read(in);
      }
    }
  }

  @Override
  protected void reduce(Text key, Iterable<Text> values, Context context) throws IOException, InterruptedException {
    String[] truth = null;
    String[] profile = null;
    List<String[]> reviews = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    List<List<String>> reviewTokens = new ArrayList<>();
    List<String> reviewCategories = new ArrayList<>();
    int duplicates = 0;
    boolean trainedOn = false;
    for (Text t : values) {
      String[] f = t.toString().split("\t", -1);
      switch (f[0]) {
        case "T" -> {
          duplicates += truth == null ? 0 : 1;
          truth = truth == null ? f : truth;
        }
        case "P" -> {
          duplicates += profile == null ? 0 : 1;
          profile = profile == null ? f : profile;
        }
        case "R" -> reviews.add(f);
        case "L" -> trainedOn = true;
        case "K" -> {
          List<String> r = f.length > 1 && !f[1].isEmpty()
              ? Arrays.asList(f[1].split(String.valueOf(MetricsMapper.TOKEN_SEP))) : List.of();
          tokens.addAll(r);
          reviewTokens.add(r);
          reviewCategories.add(f.length > 2 ? f[2] : "");
        }
        default -> context.getCounter(MetricsCounters.BAD_RECORDS).increment(1);
      }
    }
    context.getCounter(MetricsCounters.DUPLICATE_USER_RECORDS).increment(duplicates);
    if (truth == null || truth.length < 4) {
      if (profile != null) {
        context.getCounter(MetricsCounters.PROFILE_WITHOUT_TRUTH).increment(1);
      }
      context.getCounter(MetricsCounters.PREDICTIONS_WITHOUT_TRUTH).increment(reviews.size());
      return;
    }
    if (!"test".equals(truth[1])) {
      context.getCounter(MetricsCounters.TRAIN_USERS).increment(1);
      return;
    }
    if (trainedOn) {
      // Scoring a user the classifiers learned from would flatter them: counted, and the driver refuses.
      context.getCounter(MetricsCounters.TEST_USERS_TRAINED_ON).increment(1);
      return;
    }
    context.getCounter(MetricsCounters.TEST_USERS).increment(1);
    Map<String, Double> weights = parseInterests(truth[2]);
    Set<String> gold = new TreeSet<>();
    String goldTop = NONE;
    double best = Double.NEGATIVE_INFINITY;
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      if (e.getValue() > minWeight) {
        gold.add(e.getKey());
      }
      if (e.getValue() > best) {
        best = e.getValue();
        goldTop = e.getKey();
      }
    }
    List<String> predicted = new ArrayList<>();
    String predictedSentiment = NONE;
    if (!hasProfiles) {
      // no profiles given at all: score the baselines only
    } else if (profile == null || profile.length < 3) {
      context.getCounter(MetricsCounters.TRUTH_WITHOUT_PROFILE).increment(1);
    } else {
      if (!profile[1].isEmpty()) {
        predicted.addAll(Arrays.asList(profile[1].split("\\|")));
      }
      predictedSentiment = profile[2];
    }
    List<String> keywords = profile == null || profile.length < 4 || profile[3].isEmpty() ? List.of()
        : Arrays.asList(profile[3].split(String.valueOf(MetricsMapper.TOKEN_SEP)));
    if (hasProfiles) {
      ours.add(gold, predicted);
      topInterest.add(goldTop, predicted.isEmpty() ? NONE : predicted.get(0));
      userSentiment.add(truth[3], predictedSentiment);
    }
    majority.add(gold, majoritySet);
    if (model != null) {
      centroid.add(gold, rule.select(model.score(tokens)));
    }
    ceiling.add(gold, reviewCategories);
    if (keywordStats != null && !reviewTokens.isEmpty()) {
      if (hasProfiles && profile != null) {
        keywordsOurs.add(keywords, gold, reviewTokens, keywordStats);
      }
      if (model != null) {
        keywordsTfidf.add(KeywordQuality.tfidfTop(reviewTokens, model::idf), gold, reviewTokens, keywordStats);
      }
    }
    userSentimentMajority.add(truth[3], majoritySentiment);
    for (String[] r : reviews) {
      if (r.length < 3 || r[1].isEmpty()) {
        context.getCounter(MetricsCounters.REVIEWS_NO_LABEL).increment(1);
        continue;
      }
      String g;
      double prob;
      try {
        g = Integer.parseInt(r[1]) > 0 ? "positive" : "negative";
        prob = Double.parseDouble(r[2]);
      } catch (NumberFormatException e) {
        context.getCounter(MetricsCounters.BAD_RECORDS).increment(1);
        continue;
      }
      reviewSentiment.add(g, prob >= reviewThreshold ? "positive" : "negative");
      reviewSentimentMajority.add(g, majorityReview);
      context.getCounter(MetricsCounters.REVIEWS_SCORED).increment(1);
    }
  }

  static Map<String, Double> parseInterests(String s) {
    Map<String, Double> m = new TreeMap<>();
    for (String part : s.split("\\|")) {
      int colon = part.lastIndexOf(':');
      if (colon > 0) {
        m.put(part.substring(0, colon), Double.parseDouble(part.substring(colon + 1)));
      }
    }
    return m;
  }

  @Override
  protected void cleanup(Context context) throws IOException, InterruptedException {
    Map<String, Long> counts = new TreeMap<>();
    if (hasProfiles) {
      ours.writeTo(MetricsSummary.OURS, counts);
    }
    majority.writeTo(MetricsSummary.MAJORITY, counts);
    if (model != null) {
      centroid.writeTo(MetricsSummary.CENTROID, counts);
    }
    ceiling.writeTo(MetricsSummary.CEILING, counts);
    keywordsOurs.writeTo(MetricsSummary.KEYWORDS, counts);
    keywordsTfidf.writeTo(MetricsSummary.KEYWORDS_TFIDF, counts);
    topInterest.writeTo("confusion.interest", counts);
    userSentiment.writeTo("sentiment.user.ours", counts);
    userSentimentMajority.writeTo("sentiment.user.majority", counts);
    reviewSentiment.writeTo("sentiment.review.ours", counts);
    reviewSentimentMajority.writeTo("sentiment.review.majority", counts);
    Text k = new Text();
    LongWritable v = new LongWritable();
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      k.set(e.getKey());
      v.set(e.getValue());
      context.write(k, v);
    }
  }
}
