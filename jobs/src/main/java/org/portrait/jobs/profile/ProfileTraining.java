package org.portrait.jobs.profile;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.portrait.common.UserSplit;
import org.portrait.common.io.AvroFiles;
import org.portrait.common.profile.ClassifierTrainer;
import org.portrait.common.profile.InterestAggregator;
import org.portrait.common.profile.InterestTaxonomy;
import org.portrait.common.profile.KeywordStats;
import org.portrait.common.profile.SoftmaxClassifier;
import org.portrait.common.profile.TextFeatures;
import org.portrait.common.profile.ThresholdTuner;
import org.portrait.schema.TokenizedReview;

/**
 * Driver-side step before the profile job: counts the input reviews (IDF's N), trains the review-level category
 * and sentiment classifiers on split=train reviews ONLY, tunes the interest threshold on train users, and writes
 * the models (and the terms' corpus specificity, {@link KeywordStats}, and the categories' seed terms) into the run's models folder, from which the tasks load them.
 */
public final class ProfileTraining {
  /** What training produced. */
  public static final class Result {
    public long docCount;
    public long trainReviews;
    public long testReviewsSkipped;
    public int categoryExamples;
    public int sentimentExamples;
    public boolean category;
    public boolean sentiment;
    public double interestThreshold = Double.NaN;
    public int tuningUsers;
    /** Categories of the train reviews (sorted); one alone cannot train a classifier. */
    public List<String> categories = List.of();
  }

  /** Seed terms per category chosen from the train reviews (see {@link KeywordStats.Builder#seedTaxonomy}). */
  static final int SEEDS_PER_CATEGORY = 20;

  /** Most train users the threshold tuning holds (their score sums). */
  static final int MAX_TUNING_USERS = 50_000;
  /** Most encoded train reviews held per classifier. */
  static final int MAX_EXAMPLES = 1_000_000;
  /** Most reviews per tuning user whose probabilities are held (see InterestAggregator). */
  static final int MAX_TUNING_ROWS = 500;

  private ProfileTraining() {}

  public static Result run(Configuration conf, Path input, Path modelsDir, boolean supervised, boolean tune)
      throws IOException {
    Result res = new Result();
    int bits = conf.getInt(ProfileConf.FEATURE_BITS, ProfileConf.DEFAULT_FEATURE_BITS);
    long seed = conf.getLong(ProfileConf.SEED, ProfileConf.DEFAULT_SEED);
    TextFeatures features = new TextFeatures(bits);
    ClassifierTrainer trainer = new ClassifierTrainer(features, MAX_EXAMPLES, seed);
    KeywordStats.Builder keywordStats = new KeywordStats.Builder();
    res.docCount = AvroFiles.forEach(conf, input, TokenizedReview.class, r -> {
      if (!UserSplit.TRAIN.equals(r.getSplit())) {
        res.testReviewsSkipped++;
        return; // test users' labels never reach training
      }
      res.trainReviews++;
      keywordStats.add(r.getCategory(), r.getTokens());
      if (supervised) {
        trainer.add(r.getTokens(), r.getCategory(), r.getLabel());
      }
    });
    FileSystem fs = modelsDir.getFileSystem(conf);
    fs.mkdirs(modelsDir);
    // How generic each term is, measured on the train reviews (keywords are weighted by it).
    try (OutputStream out = fs.create(new Path(modelsDir, ProfileConf.KEYWORD_STATS), true)) {
      keywordStats.build().write(out);
    }
    // The data's own categories and seed terms: profiles match these when the taxonomy lacks the categories.
    InterestTaxonomy seeds = keywordStats.seedTaxonomy(SEEDS_PER_CATEGORY);
    if (seeds != null) {
      res.categories = seeds.categories();
      try (OutputStream out = fs.create(new Path(modelsDir, ProfileConf.SEED_TAXONOMY), true)) {
        seeds.write(out);
      }
    }
    if (!supervised) {
      return res;
    }
    res.categoryExamples = trainer.categoryExamples();
    res.sentimentExamples = trainer.sentimentExamples();
    SoftmaxClassifier.Settings s = new SoftmaxClassifier.Settings();
    s.seed = seed;
    s.epochs = conf.getInt(ProfileConf.EPOCHS, ProfileConf.DEFAULT_EPOCHS);
    s.l2 = conf.getDouble(ProfileConf.L2, ProfileConf.DEFAULT_L2);
    SoftmaxClassifier cat = trainer.trainCategory(s);
    SoftmaxClassifier sent = trainer.trainSentiment(s);
    double[] prior = null;
    if (cat != null) {
      write(fs, new Path(modelsDir, ProfileConf.CATEGORY_MODEL), cat);
      prior = trainer.categoryPrior(cat.labels());
      StringBuilder sb = new StringBuilder();
      for (double x : prior) {
        sb.append(sb.length() == 0 ? "" : " ").append(x);
      }
      try (OutputStream out = fs.create(new Path(modelsDir, ProfileConf.CATEGORY_PRIOR), true)) {
        out.write((sb + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      res.category = true;
    }
    if (sent != null) {
      write(fs, new Path(modelsDir, ProfileConf.SENTIMENT_MODEL), sent);
      res.sentiment = true;
    }
    if (cat != null && tune) {
      tuneThreshold(conf, input, features, cat, prior, res);
    }
    return res;
  }

  private static void tuneThreshold(Configuration conf, Path input, TextFeatures features, SoftmaxClassifier cat,
      double[] prior, Result res) throws IOException {
    List<String> labels = cat.labels();
    int k = labels.size();
    boolean weighted = conf.getBoolean(ProfileConf.CONFIDENCE_WEIGHTING, true);
    double userPrior = conf.getDouble(ProfileConf.USER_PRIOR, ProfileConf.DEFAULT_USER_PRIOR);
    // Train users are scored exactly as profiles are (same aggregator), so the tuned threshold fits the scores.
    Map<String, InterestAggregator> scores = new HashMap<>();
    Map<String, int[]> counts = new HashMap<>();
    AvroFiles.forEach(conf, input, TokenizedReview.class, r -> {
      if (!UserSplit.TRAIN.equals(r.getSplit()) || r.getCategory() == null || r.getTokens().isEmpty()) {
        return;
      }
      InterestAggregator agg = scores.get(r.getUserKey());
      if (agg == null) {
        if (scores.size() >= MAX_TUNING_USERS) {
          return;
        }
        agg = new InterestAggregator(k, prior, userPrior, weighted, MAX_TUNING_ROWS);
        scores.put(r.getUserKey(), agg);
        counts.put(r.getUserKey(), new int[k]);
      }
      agg.add(cat.predict(features.encode(r.getTokens())));
      int li = labels.indexOf(r.getCategory());
      if (li >= 0) {
        counts.get(r.getUserKey())[li]++;
      }
    });
    ThresholdTuner tuner = new ThresholdTuner(labels,
        conf.getDouble(ProfileConf.TRUTH_SHARE, ProfileConf.DEFAULT_TRUTH_SHARE), prior,
        conf.getDouble(ProfileConf.TUNING_NOISE_SHARE, ProfileConf.DEFAULT_TUNING_NOISE_SHARE),
        conf.getDouble(ProfileConf.TUNING_PVALUE, ProfileConf.DEFAULT_TUNING_PVALUE));
    // Sorted keys: the tuner's result must not depend on hash order.
    new java.util.TreeMap<>(scores).forEach((u, agg) -> tuner.addUser(agg.scores(), counts.get(u)));
    res.tuningUsers = tuner.users();
    res.interestThreshold = tuner.best(ProfileConf.DEFAULT_INTEREST_THRESHOLD,
        conf.getDouble(ProfileConf.INTEREST_THRESHOLD_FLOOR, ProfileConf.DEFAULT_INTEREST_THRESHOLD_FLOOR));
  }

  private static void write(FileSystem fs, Path p, SoftmaxClassifier c) throws IOException {
    try (OutputStream out = fs.create(p, true)) {
      c.write(out);
    }
  }
}
