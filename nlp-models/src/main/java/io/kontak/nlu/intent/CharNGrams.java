package io.kontak.nlu.intent;

import java.util.ArrayList;
import java.util.Collection;

/**
 * Character n-grams of tokens with word-boundary marks ({@code <legal>} gives {@code <le},
 * {@code leg}, …, {@code al>}). Shared by the feature generators, which fix the range in their
 * no-arg constructors because a doccat model stores only their class names.
 */
final class CharNGrams {
  private CharNGrams() {
  }

  static Collection<String> of(String[] tokens, int min, int max, String prefix) {
    Collection<String> out = new ArrayList<>(tokens.length * 12);
    for (String t : tokens) {
      if (t.startsWith("_")) {
        continue;  // placeholders are left to WordFeatures
      }
      String padded = "<" + t + ">";
      for (int n = min; n <= max; n++) {
        for (int i = 0; i + n <= padded.length(); i++) {
          out.add(prefix + padded.substring(i, i + n));
        }
      }
    }
    return out;
  }
}
