package io.kontak.nlu.intent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Tuning variant of {@link CharNGramFeatures} with character 2- to 4-grams (see TUNING.md).
 * Fixed settings, public no-arg constructor.
 */
public final class CharNGram24Features implements FeatureGenerator {
  static final int MIN = 2;
  static final int MAX = 4;

  public CharNGram24Features() {
  }

  @Override
  public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
    Collection<String> out = new ArrayList<>(tokens.length * 12);
    for (String t : tokens) {
      if (t.startsWith("_")) {
        continue;
      }
      String padded = "<" + t + ">";
      for (int n = MIN; n <= MAX; n++) {
        for (int i = 0; i + n <= padded.length(); i++) {
          out.add("c2=" + padded.substring(i, i + n));
        }
      }
    }
    return out;
  }
}
