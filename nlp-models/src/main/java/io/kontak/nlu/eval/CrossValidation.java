package io.kontak.nlu.eval;

import io.kontak.nlu.corpus.Sample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;

/**
 * k-fold cross-validation over a fixed-seed shuffle of the samples. OpenNLP's
 * {@code CrossValidationPartitioner} assigns folds by position: on a corpus written intent by
 * intent, near-duplicates would share folds and inflate accuracy.
 */
public final class CrossValidation {
  public static final int FOLDS = 10;
  public static final long SEED = 157L;

  private CrossValidation() {
  }

  /** Calls {@code fold} with (training part, test part) for each of {@code k} folds. */
  public static void run(List<Sample> samples, int k, long seed, BiConsumer<List<Sample>, List<Sample>> fold) {
    List<Sample> shuffled = new ArrayList<>(samples);
    Collections.shuffle(shuffled, new Random(seed));
    for (int f = 0; f < k; f++) {
      List<Sample> train = new ArrayList<>();
      List<Sample> test = new ArrayList<>();
      for (int i = 0; i < shuffled.size(); i++) {
        (i % k == f ? test : train).add(shuffled.get(i));
      }
      fold.accept(train, test);
    }
  }
}
