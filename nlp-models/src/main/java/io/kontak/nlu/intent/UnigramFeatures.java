package io.kontak.nlu.intent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/** Word unigrams only: the baseline of the tuning runs (see TUNING.md). */
public final class UnigramFeatures implements FeatureGenerator {

  public UnigramFeatures() {
  }

  @Override
  public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
    Collection<String> out = new ArrayList<>(tokens.length);
    for (String t : tokens) {
      out.add("w=" + t);
    }
    return out;
  }
}
