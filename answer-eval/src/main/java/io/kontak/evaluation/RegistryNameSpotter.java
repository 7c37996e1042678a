package io.kontak.evaluation;

import io.kontak.nlu.Entity;
import io.kontak.nlu.entity.Mention;
import io.kontak.nlu.entity.NameSpotter;
import io.kontak.registry.index.RegistrySearcher;
import java.util.List;

/** The active registry's names as the NLU's spotter, as the bot wires them. */
public record RegistryNameSpotter(RegistrySearcher searcher) implements NameSpotter {
  @Override
  public List<Mention> spot(String text) {
    return searcher.spot(text).stream().map(s -> new Mention(Entity.NAME, s.start(), s.end())).toList();
  }
}
