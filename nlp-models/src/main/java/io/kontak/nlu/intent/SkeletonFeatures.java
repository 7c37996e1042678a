package io.kontak.nlu.intent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Consonant skeletons of words (first letter kept, later vowels dropped): Indonesian chat
 * abbreviates by dropping vowels, so "gimana"/"gmn", "belum"/"blm", "terdaftar"/"trdaftar",
 * "sudah"/"sdh" share a feature. Fixed settings, public no-arg constructor.
 */
public final class SkeletonFeatures implements FeatureGenerator {

  public SkeletonFeatures() {
  }

  @Override
  public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
    Collection<String> out = new ArrayList<>(tokens.length);
    for (String t : tokens) {
      if (t.length() >= 3 && !t.startsWith("_")) {
        out.add("sk=" + skeleton(t));
      }
    }
    return out;
  }

  static String skeleton(String word) {
    StringBuilder sb = new StringBuilder(word.length());
    sb.append(word.charAt(0));
    for (int i = 1; i < word.length(); i++) {
      char c = word.charAt(i);
      if ("aeiou".indexOf(c) < 0) {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
