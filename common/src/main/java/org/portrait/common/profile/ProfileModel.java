package org.portrait.common.profile;

import java.util.List;
import java.util.Map;

/**
 * Everything a profile is scored with, loaded once per task: vocabulary (IDF, p(w)), word vectors, taxonomy
 * centroids, the optional supervised classifiers, and the settings. Immutable after {@link #seal()}.
 */
public final class ProfileModel {
  /** Weighting of word vectors in the user vector. */
  public enum Weighting { TFIDF, SIF }

  public final ProfileVocab vocab;
  public final WordVectors vectors;
  public final TextFeatures features;
  private final InterestTaxonomy taxonomy;
  private Map<String, double[]> centroids;
  /** Review-level category classifier, or null when no labelled train reviews exist. */
  public SoftmaxClassifier categoryClassifier;
  /** Review-level sentiment classifier (classes "0", "1"), or null. */
  public SoftmaxClassifier sentimentClassifier;

  public Weighting weighting = Weighting.SIF;
  /** SIF's a in a/(a + p(w)). */
  public double sifA = 1e-3;
  /** SIF common component removed from every user vector (unit length), or null. */
  public double[] commonComponent;
  public int keywords = 10;
  /** How keywords are chosen (count is taken from {@link #keywords}). */
  public final Keywords.Rule keywordRule = new Keywords.Rule();
  /** Corpus specificity of terms, measured at training time; null: IDF only. */
  public KeywordStats keywordStats;
  /** Term-count entries kept per user (bounded memory for heavy users). */
  public int maxTerms = 5000;
  /** Supervised interest threshold on the mean per-review category probability. */
  public double interestThreshold = 0.15;
  /** Embedding-only interest threshold on the cosine to the category centroid. */
  public double embeddingThreshold = 0.35;
  /** Embedding-only: also require a score of at least this share of the best category's. */
  public double embeddingRelative = 0.9;
  /**
   * The one category of the train reviews when there is only one (no classifier can be trained): every user
   * with evidence gets it as their interest, source {@code single-category}; null otherwise.
   */
  public String singleCategory;
  /** Sentiment label from the share of reviews predicted positive: above this → positive. */
  public double positiveAbove = 0.5;
  /** Below this share → negative; in between (a tie) → neutral. Truth is the user's majority label. */
  public double negativeBelow = 0.5;
  /** Weight each review's category probabilities by its confidence (max probability squared). */
  public boolean confidenceWeighting = true;
  /** Share of each category among the train reviews' labels, in the category classifier's label order, or null. */
  public double[] categoryPrior;
  /** The ε floor of the user-level category prior ({@link InterestAggregator}); ≤ 0 disables it. */
  public double userPrior = 0.02;
  /** Most reviews per user whose category probabilities are held for the user prior. */
  public int maxInterestRows = 2000;
  /** Fewer in-vocabulary tokens than this: confidence low. */
  public int lowEvidenceTokens = 10;
  /** At least this many in-vocabulary tokens: confidence high. */
  public int highEvidenceTokens = 100;
  public String modelId = "";
  public String runId = "";

  public ProfileModel(ProfileVocab vocab, WordVectors vectors, InterestTaxonomy taxonomy, int featureBits) {
    this.vocab = vocab;
    this.vectors = vectors;
    this.taxonomy = taxonomy;
    this.features = new TextFeatures(featureBits);
  }

  /** Computes derived state (taxonomy centroids); call after setting fields, before scoring. */
  public ProfileModel seal() {
    centroids = taxonomy.centroids(vectors);
    return this;
  }

  public Map<String, double[]> centroids() {
    return centroids;
  }

  public List<String> taxonomyCategories() {
    return taxonomy.categories();
  }

  /** A fresh per-user interest aggregator with this model's settings (requires the category classifier). */
  public InterestAggregator newInterestAggregator() {
    return new InterestAggregator(categoryClassifier.labels().size(), categoryPrior, userPrior, confidenceWeighting,
        maxInterestRows);
  }

  /** Weight of one occurrence of vocabulary word {@code id} in the user vector. */
  public double weight(int id) {
    if (weighting == Weighting.SIF) {
      return sifA / (sifA + vocab.probability(id));
    }
    return vocab.idf(id);
  }
}
