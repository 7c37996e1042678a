package io.kontak.nlu.entity;

import java.util.List;

/**
 * Names the registry knows, found in a message (a gazetteer of the active registry, rebuilt when a
 * new version is activated): candidates the NLU takes besides its own name finder. Implementations
 * are thread-safe and fast (they run inside every {@code understand}).
 */
@FunctionalInterface
public interface NameSpotter {
  NameSpotter NONE = text -> List.of();

  /** The name mentions in {@code text}, by position, never overlapping. */
  List<Mention> spot(String text);
}
