package io.kontak.registry.index;

import io.kontak.registry.identity.PhoneNumbers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The lookup every answer of the bot rests on. Thread-safe: lookups run concurrently on worker
 * threads while {@link #swap} installs a new registry version; each lookup holds a reference to
 * the index it started on (acquire … finally release), so none fails or waits during a swap, and
 * an old index is freed when its last lookup ends.
 */
public final class RegistrySearcher {
  private final AtomicReference<RegistryIndex> current = new AtomicReference<>(RegistryIndex.empty());
  private final PhoneNumbers phones;
  private final LookupPolicy policy;

  public RegistrySearcher(PhoneNumbers phones, LookupPolicy policy) {
    this.phones = phones;
    this.policy = policy;
  }

  public LookupResult lookup(String query) {
    QueryParts parts = QueryParts.parse(query, phones);
    RegistryIndex index = acquire();
    try {
      return new LookupResult(query, index.version(),
          VerdictRules.decide(index.candidates(parts, policy), policy));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      index.release();
    }
  }

  /**
   * The spans of {@code text} that spell a name of the active registry (a gazetteer for the NLU,
   * rebuilt with the index on every activation).
   */
  public List<NameSpot> spot(String text) {
    RegistryIndex index = acquire();
    try {
      return index.spot(text == null ? "" : text);
    } finally {
      index.release();
    }
  }

  /** Builds an index for this searcher's settings; blocking, call it on a worker thread. */
  public RegistryIndex build(int version, java.util.List<io.kontak.registry.Institution> institutions) {
    return RegistryIndex.build(version, institutions, phones);
  }

  /** Installs {@code next}; in-flight lookups finish on the index they hold. */
  public void swap(RegistryIndex next) {
    RegistryIndex previous = current.getAndSet(next);
    previous.release();
  }

  public int version() {
    return current.get().version();
  }

  public int size() {
    return current.get().size();
  }

  private RegistryIndex acquire() {
    while (true) {
      RegistryIndex index = current.get();
      if (index.tryAcquire()) {
        return index;
      }
      // lost a race with a swap that released this index: the new one is already installed
    }
  }
}
