package io.kontak.nlu.intent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Tuning variant: the first four and the last four letters of words of five letters or more, a
 * poor man's stemmer for affixes ("terdaftar"/"daftar", "registered"/"registrada").
 * Fixed settings, public no-arg constructor.
 */
public final class PrefixFeatures implements FeatureGenerator {

  public PrefixFeatures() {
  }

  @Override
  public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
    Collection<String> out = new ArrayList<>(tokens.length * 2);
    for (String t : tokens) {
      if (t.length() >= 5 && !t.startsWith("_")) {
        out.add("pre=" + t.substring(0, 4));
        out.add("suf=" + t.substring(t.length() - 4));
      }
    }
    return out;
  }
}
