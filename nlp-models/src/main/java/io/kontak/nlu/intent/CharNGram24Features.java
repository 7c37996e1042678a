package io.kontak.nlu.intent;

import java.util.Collection;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/** Tuning variant of {@link CharNGramFeatures} with character 2- to 4-grams (see TUNING.md). */
public final class CharNGram24Features implements FeatureGenerator {
  static final int MIN = 2;
  static final int MAX = 4;

  public CharNGram24Features() {
  }

  @Override
  public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
    return CharNGrams.of(tokens, MIN, MAX, "c2=");
  }
}
