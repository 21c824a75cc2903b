package org.portrait.common.profile;

/** Review-level predictions: category probabilities (null without a category model) and P(positive). */
public final class ReviewScore {
  public final double[] categoryProbs;
  public final String predictedCategory;
  public final double positiveProb;

  public ReviewScore(double[] categoryProbs, String predictedCategory, double positiveProb) {
    this.categoryProbs = categoryProbs;
    this.predictedCategory = predictedCategory;
    this.positiveProb = positiveProb;
  }

  /** Scores one review's tokens with the model's classifiers (0.5 / no category when a model is missing). */
  public static ReviewScore of(ProfileModel m, java.util.List<? extends CharSequence> tokens) {
    int[] x = m.features.encode(tokens);
    double[] cat = null;
    String predicted = null;
    if (m.categoryClassifier != null) {
      cat = m.categoryClassifier.predict(x);
      predicted = m.categoryClassifier.labels().get(SoftmaxClassifier.argmax(cat));
    }
    double pos = 0.5;
    if (m.sentimentClassifier != null) {
      double[] p = m.sentimentClassifier.predict(x);
      pos = p[m.sentimentClassifier.labels().indexOf("1")];
    }
    return new ReviewScore(cat, predicted, pos);
  }
}
