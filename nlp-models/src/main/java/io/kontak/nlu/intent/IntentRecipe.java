package io.kontak.nlu.intent;

import java.util.List;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.maxent.GISTrainer;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.naivebayes.NaiveBayesTrainer;

/**
 * How the intent model is trained: OpenNLP algorithm, iterations, feature cutoff, L2 cost (for
 * {@code MAXENT_QN}) and feature generators. {@link #DEFAULT} was chosen by 10-fold cross-validation
 * on the training corpus (TUNING.md); the build trains with it.
 *
 * @param algorithm  {@code MAXENT} (GIS), {@code MAXENT_QN} (L-BFGS) or {@code NAIVEBAYES}
 * @param iterations training iterations
 * @param cutoff     minimum count of a feature (OpenNLP's default 5 drops most features of short texts)
 * @param l2         L2 regularization cost for {@code MAXENT_QN}, ignored otherwise
 * @param features   feature generator classes: public, with a public no-arg constructor
 */
public record IntentRecipe(String algorithm, int iterations, int cutoff, double l2,
    List<Class<? extends FeatureGenerator>> features) {

  public static final String GIS = GISTrainer.MAXENT_VALUE;
  public static final String QN = QNTrainer.MAXENT_QN_VALUE;
  public static final String NAIVE_BAYES = NaiveBayesTrainer.NAIVE_BAYES_VALUE;

  public static final IntentRecipe DEFAULT = new IntentRecipe(QN, 300, 0, 0.2,
      List.of(WordFeatures.class, CharNGramFeatures.class, SkeletonFeatures.class, LengthFeatures.class));

  public IntentRecipe {
    features = List.copyOf(features);
  }

  public IntentRecipe with(String algorithm, int iterations, int cutoff, double l2) {
    return new IntentRecipe(algorithm, iterations, cutoff, l2, features);
  }

  public IntentRecipe withFeatures(List<Class<? extends FeatureGenerator>> generators) {
    return new IntentRecipe(algorithm, iterations, cutoff, l2, generators);
  }

  /** A short description for reports: "MAXENT_QN it=300 cutoff=0 l2=0.5 [Word,CharNGram,Length]". */
  public String describe() {
    StringBuilder sb = new StringBuilder(algorithm).append(" it=").append(iterations).append(" cutoff=").append(cutoff);
    if (QN.equals(algorithm)) {
      sb.append(" l2=").append(l2);
    }
    sb.append(" [");
    for (int i = 0; i < features.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(features.get(i).getSimpleName().replace("Features", ""));
    }
    return sb.append(']').toString();
  }
}
