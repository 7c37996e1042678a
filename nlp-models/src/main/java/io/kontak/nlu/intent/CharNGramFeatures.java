package io.kontak.nlu.intent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Character 3- to 5-grams of each token with word-boundary marks ({@code <legal>} gives
 * {@code <le}, {@code leg}, …, {@code al>}), so typos, slang spellings and affixes ("trdaftar",
 * "terdaftar", "didaftarkan") share features. Placeholders are left to {@link WordFeatures}.
 * Fixed settings, public no-arg constructor (the model stores the class name only).
 */
public final class CharNGramFeatures implements FeatureGenerator {
  static final int MIN = 3;
  static final int MAX = 5;

  public CharNGramFeatures() {
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
          out.add("c=" + padded.substring(i, i + n));
        }
      }
    }
    return out;
  }
}
