package io.kontak.nlu;

import java.util.Objects;
import java.util.Optional;

/**
 * What the NLU may know about the conversation a message belongs to.
 *
 * @param previousLanguage the language of the conversation so far ({@code id}, {@code en}, {@code es}),
 *                         used when a message is too short to tell ("ok", "halo", "gracias", an emoji)
 */
public record NluContext(Optional<String> previousLanguage) {

  public NluContext {
    Objects.requireNonNull(previousLanguage, "previousLanguage");
  }

  /** A message with no conversation behind it. */
  public static NluContext none() {
    return new NluContext(Optional.empty());
  }

  /** A message in a conversation whose last known language is {@code language}. */
  public static NluContext previous(String language) {
    return new NluContext(Optional.ofNullable(language));
  }
}
