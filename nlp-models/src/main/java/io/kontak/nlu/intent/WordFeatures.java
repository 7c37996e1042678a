package io.kontak.nlu.intent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Word unigrams and bigrams of the normalized tokens, plus the first word ("halo …", "cek …").
 * Fixed settings and a public no-arg constructor: OpenNLP stores only the class name in the model
 * and re-creates it on load.
 */
public final class WordFeatures implements FeatureGenerator {

  public WordFeatures() {
  }

  @Override
  public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
    Collection<String> out = new ArrayList<>(tokens.length * 2 + 1);
    for (int i = 0; i < tokens.length; i++) {
      out.add("w=" + tokens[i]);
      if (i + 1 < tokens.length) {
        out.add("b=" + tokens[i] + "_" + tokens[i + 1]);
      }
    }
    if (tokens.length > 0) {
      out.add("first=" + tokens[0]);
    }
    return out;
  }
}
