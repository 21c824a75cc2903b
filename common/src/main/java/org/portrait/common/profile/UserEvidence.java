package org.portrait.common.profile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.portrait.schema.UserProfile;
import org.portrait.schema.UserState;
import org.portrait.schema.WeightedTerm;

/**
 * What one user's profile is computed from, built by streaming their reviews and kept between days as a
 * {@link UserState} row. Everything merges exactly: sums for the vector, sentiment and category probabilities, a
 * term-count map, a review sample chosen by review-id hash ({@link InterestAggregator}) and the set of review ids
 * counted. Each review carries a weight (1, or its decay weight); {@link #decay} scales every weighted sum, so
 * {@code decay(state(D-1)) + reviews(D)} equals one pass over all days with each review weighted by its age.
 *
 * <p>Memory is bounded whatever the number of reviews except for the review-id set (8 bytes per review): the
 * term map holds at most {@link ProfileModel#maxTerms} entries (when it overflows, the rarest are dropped, ties
 * by term, down to three quarters; the top TF-IDF terms of a heavy user are frequent ones, so keywords survive;
 * results equal a one-shot run exactly while a user has no more distinct terms than the cap).
 */
public final class UserEvidence {
  private final ProfileModel m;
  private final String userKey;
  private long reviews;
  private long tokens;
  private long inVocab;
  private long scored;
  private Long firstTs;
  private Long lastTs;
  private double tokenWeight;
  private final double[] vecSum;
  private double weightSum;
  private final Map<String, double[]> termCounts = new HashMap<>();
  private final InterestAggregator interests;
  private double posSum;
  private double posCount;
  private double scoredWeight;
  private ReviewIds seen = new ReviewIds();

  public UserEvidence(ProfileModel model, String userKey) {
    this.m = model;
    this.userKey = userKey;
    this.vecSum = new double[model.vectors.dim()];
    this.interests = model.categoryClassifier == null ? null : model.newInterestAggregator();
  }

  /** Adds one review without an id (weight 1, never refused as a repeat); returns its predictions. */
  public ReviewScore add(List<? extends CharSequence> toks, Long ts) {
    return addReview(ReviewIds.mix(reviews + 1), toks, ts, 1.0);
  }

  /**
   * Adds one review with weight {@code weight}; returns its predictions, or null when a review with this id was
   * already counted (a review is never counted twice).
   */
  public ReviewScore add(CharSequence reviewId, List<? extends CharSequence> toks, Long ts, double weight) {
    long h = ReviewIds.hash(reviewId);
    if (!seen.add(h)) {
      return null;
    }
    return addReview(h, toks, ts, weight);
  }

  /** Whether a review with this id is already counted. */
  public boolean counted(CharSequence reviewId) {
    return seen.contains(ReviewIds.hash(reviewId));
  }

  private ReviewScore addReview(long idHash, List<? extends CharSequence> toks, Long ts, double weight) {
    reviews++;
    if (ts != null) {
      firstTs = firstTs == null ? ts : Math.min(firstTs, ts);
      lastTs = lastTs == null ? ts : Math.max(lastTs, ts);
    }
    Map<String, Integer> reviewTerms = new TreeMap<>();
    for (CharSequence cs : toks) {
      String t = cs.toString();
      if (t.isEmpty() || TextFeatures.isPlaceholder(t)) {
        continue;
      }
      tokens++;
      tokenWeight += weight;
      int id = m.vocab.id(t);
      int row = m.vectors.row(t);
      if (row >= 0) {
        inVocab++;
        double w = weight * m.weight(id);
        m.vectors.addTo(vecSum, row, w);
        weightSum += w;
      }
      if (id >= 0 && Keywords.eligible(t)) {
        reviewTerms.merge(t, 1, Integer::sum);
      }
    }
    // Each review adds at most reviewCap occurrences of a term and one to its review count (support).
    int cap = m.keywordRule.reviewCap;
    reviewTerms.forEach((t, n) -> countTerm(t, weight * Math.min(n, cap)));
    ReviewScore s = ReviewScore.of(m, toks);
    if (!toks.isEmpty()) {
      scored++;
      scoredWeight += weight;
      posSum += weight * s.positiveProb;
      if (s.positiveProb >= 0.5) {
        posCount += weight;
      }
      if (interests != null) {
        interests.add(s.categoryProbs, idHash, weight);
      }
    }
    return s;
  }

  private void countTerm(String t, double weight) {
    double[] c = termCounts.get(t);
    if (c != null) {
      c[0] += weight;
      c[1]++;
      return;
    }
    termCounts.put(t, new double[] {weight, 1});
    if (termCounts.size() > m.maxTerms) {
      pruneTerms(m.maxTerms * 3 / 4);
    }
  }

  /** Keeps the {@code keep} most frequent terms (ties: the smaller term). */
  private void pruneTerms(int keep) {
    List<Map.Entry<String, double[]>> all = new ArrayList<>(termCounts.entrySet());
    all.sort((a, b) -> a.getValue()[0] != b.getValue()[0] ? Double.compare(b.getValue()[0], a.getValue()[0])
        : a.getKey().compareTo(b.getKey()));
    for (int i = keep; i < all.size(); i++) {
      termCounts.remove(all.get(i).getKey());
    }
  }

  /** Multiplies every weighted sum by {@code factor} (one day of decay: 2^(-1/half-life)). */
  public void decay(double factor) {
    if (factor == 1.0) {
      return;
    }
    tokenWeight *= factor;
    for (int i = 0; i < vecSum.length; i++) {
      vecSum[i] *= factor;
    }
    weightSum *= factor;
    posSum *= factor;
    posCount *= factor;
    scoredWeight *= factor;
    for (double[] c : termCounts.values()) {
      c[0] *= factor;
    }
    if (interests != null) {
      interests.decay(factor);
    }
  }

  /** Reviews counted. */
  public long reviews() {
    return reviews;
  }

  /** Tokens counted (placeholders and blanks left out). */
  public long tokens() {
    return tokens;
  }

  /** Tokens counted that had a word vector. */
  public long inVocabTokens() {
    return inVocab;
  }

  /** Distinct terms currently held (bounded by maxTerms). */
  public int heldTerms() {
    return termCounts.size();
  }

  /** The weighted mean word vector before common-component removal and normalisation (zeros without evidence). */
  public double[] rawVector() {
    double[] v = vecSum.clone();
    if (weightSum > 0) {
      for (int i = 0; i < v.length; i++) {
        v[i] /= weightSum;
      }
    }
    return v;
  }

  /** Builds the profile from what was added. */
  public UserProfile finish() {
    double[] v = rawVector();
    if (m.weighting == ProfileModel.Weighting.SIF && m.commonComponent != null && inVocab > 0) {
      VectorMath.removeComponent(v, m.commonComponent);
    }
    VectorMath.normalise(v);
    List<Float> vector = new ArrayList<>(v.length);
    for (double x : v) {
      vector.add((float) x);
    }
    String confidence = inVocab < m.lowEvidenceTokens ? "low" : inVocab < m.highEvidenceTokens ? "medium" : "high";
    // Without a single in-vocabulary token nothing the classifiers say is backed by known words: no labels.
    boolean noEvidence = scored == 0 || inVocab == 0;

    Map<String, Float> scores = new java.util.LinkedHashMap<>();
    List<String> top = new ArrayList<>();
    String source;
    if (interests != null) {
      source = "supervised";
      List<String> labels = m.categoryClassifier.labels();
      double[] sc = interests.scores();
      for (int i = 0; i < labels.size(); i++) {
        scores.put(labels.get(i), (float) sc[i]);
      }
      if (!noEvidence) {
        top = Interests.top(scores, m.interestThreshold, 0, true);
        // Evidence floor: each review speaks for about one category, so a user gets no more interests than
        // reviews (one review never yields eight interests).
        if (top.size() > scored) {
          top = new ArrayList<>(top.subList(0, (int) scored));
        }
      }
    } else if (m.singleCategory != null) {
      // One category in the data: nothing to tell apart, so it is every user's interest (the driver says so).
      source = "single-category";
      scores.put(m.singleCategory, inVocab > 0 ? 1f : 0f);
      if (inVocab > 0) {
        top.add(m.singleCategory);
      }
    } else {
      source = "embedding";
      for (Map.Entry<String, double[]> e : m.centroids().entrySet()) {
        scores.put(e.getKey(), (float) Math.max(0, VectorMath.cosine(v, e.getValue())));
      }
      if (inVocab > 0) {
        top = Interests.top(scores, m.embeddingThreshold, m.embeddingRelative, true);
      }
    }

    float sentiment = scored == 0 || scoredWeight <= 0 ? 0.5f : (float) (posSum / scoredWeight);
    float share = scored == 0 || scoredWeight <= 0 ? 0f : (float) (posCount / scoredWeight);
    String label = m.sentimentClassifier == null || noEvidence ? "neutral"
        : share > m.positiveAbove ? "positive" : share < m.negativeBelow ? "negative" : "neutral";
    List<WeightedTerm> kw = keywords();

    UserProfile p = new UserProfile();
    p.setUserKey(userKey);
    p.setReviewCount((int) Math.min(Integer.MAX_VALUE, reviews));
    p.setTokenCount(tokens);
    p.setInVocabTokens(inVocab);
    p.setFirstTs(firstTs);
    p.setLastTs(lastTs);
    p.setVector(vector);
    p.setKeywords(kw);
    p.setInterestScores(new java.util.LinkedHashMap<>(scores));
    p.setTopInterests(top);
    p.setInterestSource(source);
    p.setSentimentScore(sentiment);
    p.setPositiveShare(share);
    p.setSentimentLabel(label);
    p.setConfidence(confidence);
    p.setSegmentId(null);
    p.setSummary(ProfileSummary.of(top, label, kw, confidence, (int) Math.min(Integer.MAX_VALUE, reviews)));
    p.setModelId(m.modelId);
    p.setRunId(m.runId);
    return p;
  }

  private List<WeightedTerm> keywords() {
    if (tokens == 0) {
      return new ArrayList<>();
    }
    m.keywordRule.count = m.keywords;
    return Keywords.select(termCounts, tokenWeight, reviews, t -> m.vocab.idf(m.vocab.id(t)), m.keywordStats,
        m.keywordRule);
  }

  /** This evidence as a user state row, recording the model that produced it and the day it is as of. */
  public UserState toState(String asOf) {
    UserState s = new UserState();
    s.setUserKey(userKey);
    s.setModelId(m.modelId);
    s.setAsOf(asOf);
    s.setReviewCount(reviews);
    s.setTokenCount(tokens);
    s.setInVocabTokens(inVocab);
    s.setScoredReviews(scored);
    s.setFirstTs(firstTs);
    s.setLastTs(lastTs);
    s.setTokenWeight(tokenWeight);
    s.setVectorSum(VectorMath.toList(vecSum));
    s.setVectorWeight(weightSum);
    s.setPositiveProbSum(posSum);
    s.setPositiveWeight(posCount);
    s.setScoredWeight(scoredWeight);
    Map<String, Double> terms = new TreeMap<>();
    Map<String, Long> termReviews = new TreeMap<>();
    termCounts.forEach((t, c) -> {
      terms.put(t, c[0]);
      termReviews.put(t, (long) c[1]);
    });
    s.setTerms(terms);
    s.setTermReviews(termReviews);
    if (interests != null) {
      interests.writeTo(s);
    } else {
      s.setCategoryProbSum(List.of());
      s.setWeightedProbSum(List.of());
      s.setSample(List.of());
    }
    s.setReviewIds(seen.toBytes());
    return s;
  }

  /**
   * The evidence a user state row holds, to merge new reviews into. The row must come from this model: evidence
   * of another model's vectors or classifiers does not mix (the caller rebuilds the state from history instead).
   */
  public static UserEvidence fromState(ProfileModel model, UserState s) {
    if (!model.modelId.equals(s.getModelId().toString())) {
      throw new IllegalArgumentException("user state of " + s.getUserKey() + " was built with model "
          + s.getModelId() + ", not " + model.modelId);
    }
    UserEvidence e = new UserEvidence(model, s.getUserKey().toString());
    if (s.getVectorSum().size() != e.vecSum.length) {
      throw new IllegalArgumentException("user state of " + s.getUserKey() + " has vectors of dimension "
          + s.getVectorSum().size() + ", the model " + e.vecSum.length);
    }
    e.reviews = s.getReviewCount();
    e.tokens = s.getTokenCount();
    e.inVocab = s.getInVocabTokens();
    e.scored = s.getScoredReviews();
    e.firstTs = s.getFirstTs();
    e.lastTs = s.getLastTs();
    e.tokenWeight = s.getTokenWeight();
    for (int i = 0; i < e.vecSum.length; i++) {
      e.vecSum[i] = s.getVectorSum().get(i);
    }
    e.weightSum = s.getVectorWeight();
    e.posSum = s.getPositiveProbSum();
    e.posCount = s.getPositiveWeight();
    e.scoredWeight = s.getScoredWeight();
    Map<? extends CharSequence, Long> termReviews = s.getTermReviews();
    s.getTerms().forEach((t, c) -> {
      Long n = termReviews == null ? null : termReviews.get(t);
      // A row written before review counts were kept: estimate them from the count (at most the reviews).
      double support = n != null ? n : Math.min(e.reviews, Math.max(1, Math.ceil(c)));
      e.termCounts.put(t.toString(), new double[] {c, support});
    });
    if (e.interests != null) {
      e.interests.readFrom(s);
    }
    e.seen = ReviewIds.fromBytes(s.getReviewIds());
    return e;
  }
}
