package io.kontak.bench;

import io.kontak.registry.index.LookupResult;
import io.kontak.registry.index.Match;
import io.kontak.registry.index.RegistrySearcher;
import java.util.ArrayList;
import java.util.List;

/** Kontak's in-memory Lucene lookup ({@link RegistrySearcher}), called as the bot calls it. */
final class KontakEngine implements Engine {
  private final RegistrySearcher searcher;

  KontakEngine(RegistrySearcher searcher) {
    this.searcher = searcher;
  }

  @Override
  public String name() {
    return "Kontak (Lucene)";
  }

  @Override
  public Answer lookup(String query) {
    LookupResult result = searcher.lookup(query);
    List<Match> matches = result.verdict().matches();
    List<String> ids = new ArrayList<>(matches.size());
    List<String> statuses = new ArrayList<>(matches.size());
    List<Double> scores = new ArrayList<>(matches.size());
    for (Match m : matches) {
      ids.add(m.institution().id());
      statuses.add(m.institution().status().wire());
      scores.add(m.score());
    }
    return new Answer(result.verdict().name(), ids, statuses, scores);
  }
}
