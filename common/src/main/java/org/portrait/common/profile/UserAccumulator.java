package org.portrait.common.profile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.portrait.schema.UserProfile;
import org.portrait.schema.WeightedTerm;

/**
 * One user's running state while the reducer streams their reviews. Memory is bounded whatever the number of
 * reviews: running sums for the vector and sentiment, a bounded sample of review category probabilities
 * ({@link InterestAggregator}), and a term-count map capped at
 * {@link ProfileModel#maxTerms} entries (when full, the rarest terms are pruned — the top TF-IDF terms of a heavy
 * user are frequent ones, so keywords survive). No review is kept.
 */
public final class UserAccumulator {
  private final ProfileModel m;
  private final String userKey;
  private int reviews;
  private long tokens;
  private long inVocab;
  private Long firstTs;
  private Long lastTs;
  private final double[] vecSum;
  private double weightSum;
  private final Map<String, int[]> termCounts = new HashMap<>();
  private int pruneFloor;
  private final InterestAggregator interests;
  private double posSum;
  private int posCount;
  private int scored;

  public UserAccumulator(ProfileModel model, String userKey) {
    this.m = model;
    this.userKey = userKey;
    this.vecSum = new double[model.vectors.dim()];
    this.interests = model.categoryClassifier == null ? null : model.newInterestAggregator();
  }

  /** Adds one review; returns its review-level predictions. */
  public ReviewScore add(List<? extends CharSequence> toks, Long ts) {
    reviews++;
    if (ts != null) {
      firstTs = firstTs == null ? ts : Math.min(firstTs, ts);
      lastTs = lastTs == null ? ts : Math.max(lastTs, ts);
    }
    for (CharSequence cs : toks) {
      String t = cs.toString();
      if (t.isEmpty() || TextFeatures.isPlaceholder(t)) {
        continue;
      }
      tokens++;
      int id = m.vocab.id(t);
      int row = m.vectors.row(t);
      if (row >= 0) {
        inVocab++;
        double w = m.weight(id);
        m.vectors.addTo(vecSum, row, w);
        weightSum += w;
      }
      if (id >= 0 && Keywords.eligible(t)) {
        countTerm(t);
      }
    }
    ReviewScore s = ReviewScore.of(m, toks);
    if (!toks.isEmpty()) {
      scored++;
      posSum += s.positiveProb;
      if (s.positiveProb >= 0.5) {
        posCount++;
      }
      if (interests != null) {
        interests.add(s.categoryProbs);
      }
    }
    return s;
  }

  private void countTerm(String t) {
    int[] c = termCounts.get(t);
    if (c != null) {
      c[0]++;
      return;
    }
    termCounts.put(t, new int[] {1});
    if (termCounts.size() > m.maxTerms) {
      // Prune the rarest terms until a quarter of the room is free again.
      while (termCounts.size() > m.maxTerms * 3 / 4) {
        pruneFloor++;
        for (Iterator<int[]> it = termCounts.values().iterator(); it.hasNext(); ) {
          if (it.next()[0] <= pruneFloor) {
            it.remove();
          }
        }
      }
    }
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

    Map<String, Float> scores = new LinkedHashMap<>();
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

    float sentiment = scored == 0 ? 0.5f : (float) (posSum / scored);
    float share = scored == 0 ? 0f : posCount / (float) scored;
    String label = m.sentimentClassifier == null || noEvidence ? "neutral"
        : share > m.positiveAbove ? "positive" : share < m.negativeBelow ? "negative" : "neutral";
    List<WeightedTerm> kw = keywords();

    UserProfile p = new UserProfile();
    p.setUserKey(userKey);
    p.setReviewCount(reviews);
    p.setTokenCount(tokens);
    p.setInVocabTokens(inVocab);
    p.setFirstTs(firstTs);
    p.setLastTs(lastTs);
    p.setVector(vector);
    p.setKeywords(kw);
    p.setInterestScores(new LinkedHashMap<>(scores));
    p.setTopInterests(top);
    p.setInterestSource(source);
    p.setSentimentScore(sentiment);
    p.setPositiveShare(share);
    p.setSentimentLabel(label);
    p.setConfidence(confidence);
    p.setSegmentId(null);
    p.setSummary(ProfileSummary.of(top, label, kw, confidence, reviews));
    p.setModelId(m.modelId);
    p.setRunId(m.runId);
    return p;
  }

  private List<WeightedTerm> keywords() {
    PriorityQueue<WeightedTerm> heap = new PriorityQueue<>((a, b) -> Float.compare(a.getWeight(), b.getWeight()));
    if (tokens == 0) {
      return new ArrayList<>();
    }
    for (Map.Entry<String, int[]> e : termCounts.entrySet()) {
      double tf = e.getValue()[0] / (double) tokens;
      float w = (float) (tf * m.vocab.idf(m.vocab.id(e.getKey())));
      WeightedTerm t = new WeightedTerm(e.getKey(), w);
      if (heap.size() < m.keywords) {
        heap.add(t);
      } else if (heap.peek().getWeight() < w
          || (heap.peek().getWeight() == w && heap.peek().getTerm().compareTo(t.getTerm()) > 0)) {
        heap.poll();
        heap.add(t);
      }
    }
    List<WeightedTerm> out = new ArrayList<>(heap);
    out.sort((a, b) -> a.getWeight() != b.getWeight() ? Float.compare(b.getWeight(), a.getWeight())
        : a.getTerm().compareTo(b.getTerm()));
    return out;
  }
}
