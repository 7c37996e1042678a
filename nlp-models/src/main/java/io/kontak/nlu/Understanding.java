package io.kontak.nlu;

import java.util.List;

/**
 * What a message means.
 *
 * @param language {@code id}, {@code en} or {@code es}
 * @param intent   the intent and its confidence ({@link IntentGuess#unsure()} when below the threshold)
 * @param entities the spans to look up, in the order they appear in the message
 */
public record Understanding(String language, IntentGuess intent, List<Entity> entities) {

  public Understanding {
    entities = List.copyOf(entities);
  }
}
