package org.portrait.common.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Collects labelled TRAIN reviews (the caller must pass only split=train reviews; test labels must never
 * reach here) and fits the review-level category and sentiment classifiers. Encoded examples are kept in
 * memory up to {@code maxExamples}; beyond that a seeded reservoir sample keeps the set bounded.
 */
public final class ClassifierTrainer {
  private final TextFeatures features;
  private final int maxExamples;
  private final java.util.Random rnd;
  private final List<int[]> catX = new ArrayList<>();
  private final List<String> catY = new ArrayList<>();
  private final List<int[]> sentX = new ArrayList<>();
  private final List<String> sentY = new ArrayList<>();
  private long seenCat;
  private long seenSent;

  public ClassifierTrainer(TextFeatures features, int maxExamples, long seed) {
    this.features = features;
    this.maxExamples = maxExamples;
    this.rnd = new java.util.Random(seed);
  }

  /** Adds one train review; a null category or label leaves it out of that classifier. */
  public void add(List<? extends CharSequence> tokens, String category, Integer label) {
    if (tokens.isEmpty()) {
      return;
    }
    int[] x = features.encode(tokens);
    if (category != null && !category.isEmpty()) {
      seenCat = reservoir(catX, catY, x, category, ++seenCat);
    }
    if (label != null && (label == 0 || label == 1)) {
      seenSent = reservoir(sentX, sentY, x, Integer.toString(label), ++seenSent);
    }
  }

  private long reservoir(List<int[]> xs, List<String> ys, int[] x, String y, long seen) {
    if (xs.size() < maxExamples) {
      xs.add(x);
      ys.add(y);
    } else {
      long j = (long) (rnd.nextDouble() * seen);
      if (j < maxExamples) {
        xs.set((int) j, x);
        ys.set((int) j, y);
      }
    }
    return seen;
  }

  public int categoryExamples() {
    return catX.size();
  }

  public int sentimentExamples() {
    return sentX.size();
  }

  /** Share of each of {@code labels} among the held category examples (the corpus prior of the train labels). */
  public double[] categoryPrior(List<String> labels) {
    double[] p = new double[labels.size()];
    for (String y : catY) {
      int i = labels.indexOf(y);
      if (i >= 0) {
        p[i]++;
      }
    }
    for (int i = 0; i < p.length; i++) {
      p[i] = catY.isEmpty() ? 0 : p[i] / catY.size();
    }
    return p;
  }

  /** The category classifier, or null with fewer than two categories among the train reviews. */
  public SoftmaxClassifier trainCategory(SoftmaxClassifier.Settings s) {
    return fit(catX, catY, s);
  }

  /** The sentiment classifier (classes "0", "1"), or null unless both labels occur. */
  public SoftmaxClassifier trainSentiment(SoftmaxClassifier.Settings s) {
    return fit(sentX, sentY, s);
  }

  private SoftmaxClassifier fit(List<int[]> xs, List<String> ys, SoftmaxClassifier.Settings s) {
    List<String> labels = new ArrayList<>(new TreeSet<>(ys));
    if (labels.size() < 2) {
      return null;
    }
    int[] y = new int[ys.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = labels.indexOf(ys.get(i));
    }
    SoftmaxClassifier c = new SoftmaxClassifier(labels, features.bits());
    c.train(xs, y, s);
    return c;
  }
}
