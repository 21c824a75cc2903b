package org.portrait.jobs.profile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.portrait.common.profile.InterestTaxonomy;
import org.portrait.common.profile.KeywordStats;
import org.portrait.common.profile.ProfileModel;
import org.portrait.common.profile.ProfileVocab;
import org.portrait.common.profile.SoftmaxClassifier;
import org.portrait.common.profile.WordVectors;

/** Config keys of the profile job and loading of the {@link ProfileModel} a task scores with. */
public final class ProfileConf {
  /** Vocabulary file (vocab.tsv). Set by the driver from --vocab. */
  public static final String VOCAB = "portrait.profile.vocab";
  /** Vectors file (GloVe text). Set by the driver from --vectors. */
  public static final String VECTORS = "portrait.profile.vectors";
  /** Folder with the trained classifiers (category.model, sentiment.model, sif-pc.txt); set by the driver. */
  public static final String MODELS = "portrait.profile.models";
  /**
   * Apply a trained model instead of training: the models/ folder of an earlier profile run (or that run's output
   * folder). Its classifiers, threshold, document count and weighting are used as they are. Default: none (train).
   */
  public static final String APPLY_MODEL = "portrait.profile.apply-model";
  /**
   * Taxonomy file; default: the bundled interest-taxonomy.tsv, unless the train reviews have categories it
   * does not know: then the seed terms chosen from them at training ({@code models/seed-taxonomy.tsv}).
   */
  public static final String TAXONOMY = "portrait.profile.taxonomy";
  /** Vector weighting, tfidf or sif. Default sif. */
  public static final String WEIGHTING = "portrait.profile.weighting";
  public static final String DEFAULT_WEIGHTING = "sif";
  /** SIF parameter a. Default 1e-3. */
  public static final String SIF_A = "portrait.profile.sif.a";
  public static final double DEFAULT_SIF_A = 1e-3;
  /** Keywords per user. Default 10. */
  public static final String KEYWORDS = "portrait.profile.keywords";
  public static final int DEFAULT_KEYWORDS = 10;
  /**
   * Most occurrences of a term one review adds to a user's keyword evidence, so one long review cannot carry a
   * keyword. Default {@value #DEFAULT_KEYWORD_REVIEW_CAP}.
   */
  public static final String KEYWORD_REVIEW_CAP = "portrait.profile.keywords.review-cap";
  public static final int DEFAULT_KEYWORD_REVIEW_CAP = 2;
  /** Reviews of the user a keyword must occur in (for users with support-from reviews or more). Default 2. */
  public static final String KEYWORD_MIN_SUPPORT = "portrait.profile.keywords.min-support";
  public static final int DEFAULT_KEYWORD_MIN_SUPPORT = 2;
  /** Users with fewer reviews than this keep keywords found in one review only. Default 3. */
  public static final String KEYWORD_SUPPORT_FROM = "portrait.profile.keywords.support-from";
  public static final int DEFAULT_KEYWORD_SUPPORT_FROM = 3;
  /**
   * Exponent of a term's corpus specificity (1 - normalised entropy of its category distribution over the
   * training reviews, stored with the model) in the keyword weight; 0 gives capped TF-IDF. Default 1.
   */
  public static final String KEYWORD_SPECIFICITY_POWER = "portrait.profile.keywords.specificity-power";
  public static final double DEFAULT_KEYWORD_SPECIFICITY_POWER = 1.0;
  /** Term-count entries held per user while streaming. Default 5000. */
  public static final String MAX_TERMS = "portrait.profile.max-terms";
  public static final int DEFAULT_MAX_TERMS = 5000;
  /** Supervised interest threshold; default: tuned on train users by the driver (fallback 0.15). */
  public static final String INTEREST_THRESHOLD = "portrait.profile.interest.threshold";
  public static final double DEFAULT_INTEREST_THRESHOLD = 0.15;
  /**
   * Lowest interest threshold the tuning on train users may choose (it searches [floor, 0.5]): on skewed label
   * sets a lower one gives one-review users every category. Default {@value #DEFAULT_INTEREST_THRESHOLD_FLOOR}.
   */
  public static final String INTEREST_THRESHOLD_FLOOR = "portrait.profile.interest.threshold-floor";
  public static final double DEFAULT_INTEREST_THRESHOLD_FLOOR = 0.10;
  /** Embedding-only interest threshold (cosine). Default 0.35. */
  public static final String EMBEDDING_THRESHOLD = "portrait.profile.interest.embedding-threshold";
  public static final double DEFAULT_EMBEDDING_THRESHOLD = 0.35;
  /** Train supervised classifiers when labelled train reviews exist. Default true. */
  public static final String SUPERVISED = "portrait.profile.supervised";
  /** Hashed feature bits of the classifiers. Default 18. */
  public static final String FEATURE_BITS = "portrait.profile.feature-bits";
  public static final int DEFAULT_FEATURE_BITS = 18;
  /** SGD epochs of the review classifiers. Default 6. */
  public static final String EPOCHS = "portrait.profile.train.epochs";
  public static final int DEFAULT_EPOCHS = 6;
  /** L2 shrinkage of the review classifiers. Default 1e-6. */
  public static final String L2 = "portrait.profile.train.l2";
  public static final double DEFAULT_L2 = 1e-6;
  /** Seed of classifier training. Default 1. */
  public static final String SEED = "portrait.profile.seed";
  public static final long DEFAULT_SEED = 1;
  /** Number of documents for IDF; set by the driver (counted input reviews). */
  public static final String DOC_COUNT = "portrait.profile.doc-count";
  /** Run id written into every profile. Default: derived from the time of the run. */
  public static final String RUN_ID = "portrait.profile.run-id";
  /** Model id written into every profile; set by the driver. */
  public static final String MODEL_ID = "portrait.profile.model-id";

  /** Weight reviews by classifier confidence in the supervised interest score. Default true. */
  public static final String CONFIDENCE_WEIGHTING = "portrait.profile.interest.confidence-weighting";
  /** Train users' interests for threshold tuning: categories with at least this share of their reviews. Default 0.12 (measured best on the 1,000-user corpus run). */
  public static final String TRUTH_SHARE = "portrait.profile.interest.tuning-share";
  public static final double DEFAULT_TRUTH_SHARE = 0.12;

  /** Floor ε of the user-level category prior: review probabilities are re-weighted by (user mean + ε) / corpus share before the interest score; 0 disables. Default 0.02. */
  public static final String USER_PRIOR = "portrait.profile.interest.user-prior";
  public static final double DEFAULT_USER_PRIOR = 0.02;
  /** Threshold tuning stand-in: a train user's category is an interest when its labelled count has Poisson tail probability below this under random draws; 0 uses tuning-share instead. Default 0.01. */
  public static final String TUNING_PVALUE = "portrait.profile.interest.tuning-pvalue";
  public static final double DEFAULT_TUNING_PVALUE = 0.01;
  /** Share of a user's reviews assumed drawn at random by corpus share, for that stand-in. Default 0.2. */
  public static final String TUNING_NOISE_SHARE = "portrait.profile.interest.tuning-noise-share";
  public static final double DEFAULT_TUNING_NOISE_SHARE = 0.2;

  static final String CATEGORY_MODEL = "category.model";
  static final String CATEGORY_PRIOR = "category-prior.txt";
  static final String SENTIMENT_MODEL = "sentiment.model";
  static final String SIF_PC = "sif-pc.txt";
  /** Corpus specificity of terms ({@link KeywordStats}), written by training. */
  static final String KEYWORD_STATS = "keyword-stats.tsv";
  /** The train reviews' categories and their seed terms ({@link org.portrait.common.profile.SeedTerms}). */
  static final String SEED_TAXONOMY = "seed-taxonomy.tsv";

  private ProfileConf() {}

  /** The vectors last read in this JVM: the tasks of a local run (and reused task JVMs) read them once. */
  private static final Object VECTORS_LOCK = new Object();
  private static String cachedVectorsKey;
  private static WordVectors cachedVectors;

  /** The word vectors of {@code file}, read once per JVM while the file (path, length, time) stays the same. */
  static WordVectors cachedVectors(Configuration conf, String file) throws IOException {
    Path p = new Path(file);
    FileSystem fs = p.getFileSystem(conf);
    org.apache.hadoop.fs.FileStatus st = fs.getFileStatus(p);
    String key = fs.makeQualified(p) + "|" + st.getLen() + "|" + st.getModificationTime();
    synchronized (VECTORS_LOCK) {
      if (!key.equals(cachedVectorsKey)) {
        try (InputStream in = open(conf, file)) {
          cachedVectors = WordVectors.read(in);
        }
        cachedVectorsKey = key;
      }
      return cachedVectors;
    }
  }

  /** Loads vocabulary, vectors, taxonomy, classifiers and settings named in {@code conf}. */
  public static ProfileModel load(Configuration conf) throws IOException {
    ProfileVocab vocab;
    try (InputStream in = open(conf, conf.get(VOCAB))) {
      vocab = ProfileVocab.read(in);
    }
    vocab.setDocCount(conf.getLong(DOC_COUNT, 0));
    WordVectors vectors = cachedVectors(conf, conf.get(VECTORS));
    String models = conf.get(MODELS);
    InterestTaxonomy dataSeeds = models == null ? null : readSeeds(conf, new Path(models, SEED_TAXONOMY));
    InterestTaxonomy taxonomy = taxonomy(conf, dataSeeds);
    ProfileModel m = new ProfileModel(vocab, vectors, taxonomy, conf.getInt(FEATURE_BITS, DEFAULT_FEATURE_BITS));
    m.weighting = ProfileModel.Weighting.valueOf(conf.get(WEIGHTING, DEFAULT_WEIGHTING).toUpperCase());
    m.sifA = conf.getDouble(SIF_A, DEFAULT_SIF_A);
    m.keywords = conf.getInt(KEYWORDS, DEFAULT_KEYWORDS);
    m.maxTerms = conf.getInt(MAX_TERMS, DEFAULT_MAX_TERMS);
    m.keywordRule.reviewCap = conf.getInt(KEYWORD_REVIEW_CAP, DEFAULT_KEYWORD_REVIEW_CAP);
    m.keywordRule.minSupport = conf.getInt(KEYWORD_MIN_SUPPORT, DEFAULT_KEYWORD_MIN_SUPPORT);
    m.keywordRule.supportFrom = conf.getInt(KEYWORD_SUPPORT_FROM, DEFAULT_KEYWORD_SUPPORT_FROM);
    m.keywordRule.specificityPower = conf.getDouble(KEYWORD_SPECIFICITY_POWER, DEFAULT_KEYWORD_SPECIFICITY_POWER);
    m.interestThreshold = conf.getDouble(INTEREST_THRESHOLD, DEFAULT_INTEREST_THRESHOLD);
    m.embeddingThreshold = conf.getDouble(EMBEDDING_THRESHOLD, DEFAULT_EMBEDDING_THRESHOLD);
    m.confidenceWeighting = conf.getBoolean(CONFIDENCE_WEIGHTING, true);
    m.userPrior = conf.getDouble(USER_PRIOR, DEFAULT_USER_PRIOR);
    m.runId = conf.get(RUN_ID, "");
    m.modelId = conf.get(MODEL_ID, "");
    if (dataSeeds != null && dataSeeds.categories().size() == 1) {
      m.singleCategory = dataSeeds.categories().get(0);
    }
    if (models != null) {
      Path dir = new Path(models);
      FileSystem fs = dir.getFileSystem(conf);
      m.categoryClassifier = readModel(fs, new Path(dir, CATEGORY_MODEL));
      m.sentimentClassifier = readModel(fs, new Path(dir, SENTIMENT_MODEL));
      Path prior = new Path(dir, CATEGORY_PRIOR);
      if (m.categoryClassifier != null && fs.exists(prior)) {
        m.categoryPrior = readVector(fs, prior);
      }
      Path stats = new Path(dir, KEYWORD_STATS);
      if (fs.exists(stats)) {
        try (InputStream in = fs.open(stats)) {
          m.keywordStats = KeywordStats.read(in);
        }
      }
      Path pc = new Path(dir, SIF_PC);
      if (fs.exists(pc)) {
        m.commonComponent = readVector(fs, pc);
      }
    }
    return m.seal();
  }

  /**
   * The taxonomy profiles are matched against without a classifier: the named file; else the bundled one when
   * it knows every category of the train reviews (or they have none); else the data's own seeds, never the
   * bundled shopping categories for data that is about something else.
   */
  static InterestTaxonomy taxonomy(Configuration conf, InterestTaxonomy dataSeeds) throws IOException {
    String tax = conf.get(TAXONOMY);
    if (tax != null && !tax.isEmpty()) {
      try (InputStream in = open(conf, tax)) {
        return InterestTaxonomy.read(in);
      }
    }
    InterestTaxonomy bundled = InterestTaxonomy.bundled();
    return dataSeeds == null || bundled.knowsAll(dataSeeds.categories()) ? bundled : dataSeeds;
  }

  private static InterestTaxonomy readSeeds(Configuration conf, Path p) throws IOException {
    FileSystem fs = p.getFileSystem(conf);
    if (!fs.exists(p)) {
      return null;
    }
    try (InputStream in = fs.open(p)) {
      return InterestTaxonomy.read(in);
    }
  }

  private static SoftmaxClassifier readModel(FileSystem fs, Path p) throws IOException {
    if (!fs.exists(p)) {
      return null;
    }
    try (InputStream in = fs.open(p)) {
      return SoftmaxClassifier.read(in);
    }
  }

  static double[] readVector(FileSystem fs, Path p) throws IOException {
    try (InputStream in = fs.open(p)) {
      String[] f = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim().split("\\s+");
      double[] v = new double[f.length];
      for (int i = 0; i < f.length; i++) {
        v[i] = Double.parseDouble(f[i]);
      }
      return v;
    }
  }

  private static InputStream open(Configuration conf, String path) throws IOException {
    if (path == null || path.isEmpty()) {
      throw new IOException("profile job misconfigured: a required path (vocab/vectors) is not set");
    }
    Path p = new Path(path);
    return p.getFileSystem(conf).open(p);
  }
}
