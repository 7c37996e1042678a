package io.kontak.nlu.intent;

import java.util.Collection;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Character 3- to 5-grams of each token, so typos, slang spellings and affixes ("trdaftar",
 * "terdaftar", "didaftarkan") share features. Fixed settings, public no-arg constructor (the
 * model stores the class name only).
 */
public final class CharNGramFeatures implements FeatureGenerator {
  static final int MIN = 3;
  static final int MAX = 5;

  public CharNGramFeatures() {
  }

  @Override
  public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
    return CharNGrams.of(tokens, MIN, MAX, "c=");
  }
}
