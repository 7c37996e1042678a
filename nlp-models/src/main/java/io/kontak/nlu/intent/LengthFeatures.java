package io.kontak.nlu.intent;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * The message length in words, bucketed (1, 2, 3, 4–6, 7+): greetings, thanks and "agent" requests
 * are short, questions about a named institution long. Fixed settings, public no-arg constructor.
 */
public final class LengthFeatures implements FeatureGenerator {

  public LengthFeatures() {
  }

  @Override
  public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
    int n = tokens.length;
    String bucket = n <= 3 ? Integer.toString(n) : n <= 6 ? "4-6" : "7+";
    return List.of("len=" + bucket);
  }
}
