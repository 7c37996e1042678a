package io.kontak.registry.identity;

import java.util.ArrayList;
import java.util.List;

/**
 * A name reduced to its distinctive tokens (legal forms apart). {@link #key()} joins them without
 * spaces, so "Dana Bijak", "DanaBijak" and "PT danabijak" share the key {@code danabijak}.
 */
public record NormalizedName(List<String> tokens, List<String> legalForms) {

  public String key() {
    return String.join("", tokens);
  }

  public boolean isEmpty() {
    return tokens.isEmpty();
  }

  /**
   * Tokens plus each pair of neighbours written together: "dana bijak" also yields "danabijak",
   * so a joined spelling on either side meets the split one in the index.
   */
  public List<String> tokensWithJoins() {
    List<String> out = new ArrayList<>(tokens);
    for (int i = 0; i + 1 < tokens.size(); i++) {
      out.add(tokens.get(i) + tokens.get(i + 1));
    }
    if (tokens.size() > 2) {
      out.add(key());
    }
    return out;
  }
}
