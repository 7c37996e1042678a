package io.kontak.nlu.intent;

import io.kontak.nlu.corpus.Sample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.function.Function;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.AbstractEventTrainer;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains the intent model: a function of samples and recipe to an immutable {@link DoccatModel}.
 * Deterministic: single-threaded, in-memory indexing, samples in the given order.
 */
public final class IntentTrainer {

  private IntentTrainer() {
  }

  public static DoccatModel train(List<Sample> samples, IntentRecipe recipe) {
    return train(samples, recipe, IntentText::tokens);
  }

  /**
   * Trains on tokens made by {@code tokenizer} instead of {@link IntentText#tokens(String)}: for the
   * tuning runs that measure masking and normalization only (serving always uses IntentText).
   */
  public static DoccatModel train(List<Sample> samples, IntentRecipe recipe, Function<String, String[]> tokenizer) {
    List<DocumentSample> docs = samples.stream()
        .map(s -> new DocumentSample(s.intent(), tokenizer.apply(s.text())))
        .toList();
    TrainingParameters params = new TrainingParameters();
    params.put(TrainingParameters.ALGORITHM_PARAM, recipe.algorithm());
    params.put(TrainingParameters.ITERATIONS_PARAM, recipe.iterations());
    params.put(TrainingParameters.CUTOFF_PARAM, recipe.cutoff());
    params.put(TrainingParameters.THREADS_PARAM, 1);
    params.put(AbstractEventTrainer.DATA_INDEXER_PARAM, AbstractEventTrainer.DATA_INDEXER_ONE_PASS_VALUE);
    if (IntentRecipe.QN.equals(recipe.algorithm())) {
      params.put(QNTrainer.L1COST_PARAM, 0.0);
      params.put(QNTrainer.L2COST_PARAM, recipe.l2());
    }
    try {
      return DocumentCategorizerME.train("mul", ObjectStreamUtils.createObjectStream(docs), params,
          new DoccatFactory(generators(recipe)));
    } catch (IOException e) {
      throw new UncheckedIOException("intent training failed", e);
    }
  }

  private static FeatureGenerator[] generators(IntentRecipe recipe) {
    FeatureGenerator[] out = new FeatureGenerator[recipe.features().size()];
    for (int i = 0; i < out.length; i++) {
      try {
        out[i] = recipe.features().get(i).getConstructor().newInstance();
      } catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException e) {
        throw new IllegalArgumentException("feature generators need a public no-arg constructor: "
            + recipe.features().get(i), e);
      }
    }
    return out;
  }
}
