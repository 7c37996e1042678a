package io.kontak.bot.conversation;

import io.kontak.nlu.Entity;
import io.kontak.nlu.entity.Mention;
import io.kontak.nlu.entity.NameSpotter;
import io.kontak.registry.index.RegistrySearcher;
import java.util.List;

/**
 * The active registry's names, spotted in a message for the NLU: the searcher's gazetteer is built
 * with each registry version, so a newly activated version's names are found from its first lookup.
 */
public record RegistryNames(RegistrySearcher searcher) implements NameSpotter {
  @Override
  public List<Mention> spot(String text) {
    return searcher.spot(text).stream().map(s -> new Mention(Entity.NAME, s.start(), s.end())).toList();
  }
}
