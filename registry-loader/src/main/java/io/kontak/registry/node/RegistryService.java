package io.kontak.registry.node;

import io.kontak.core.config.KontakConfig;
import io.kontak.registry.Institution;
import io.kontak.registry.importing.ParseResult;
import io.kontak.registry.importing.RegistryFile;
import io.kontak.registry.importing.RegistryParser;
import io.kontak.registry.index.LookupResult;
import io.kontak.registry.index.RegistryIndex;
import io.kontak.registry.index.RegistrySearcher;
import io.kontak.registry.store.RegistryStore;
import io.kontak.registry.store.VersionInfo;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry on one node: imports, activations, and keeping this node's index on the active
 * version. Parsing and index builds run on a dedicated single-thread executor (never an event
 * loop); lookups on a separate pool, unordered, so they never queue behind a build.
 */
public final class RegistryService {
  private static final Logger LOG = LoggerFactory.getLogger(RegistryService.class);

  /** The worker pool lookups run on; shared by name with other short CPU-bound work (see KontakNode). */
  public static final String SEARCH_WORKERS = "kontak-registry-search";

  private final RegistryStore store;
  private final RegistrySearcher searcher;
  private final RegistryParser parser;
  private final WorkerExecutor indexing;
  private final WorkerExecutor searching;
  private Future<Integer> sync = Future.succeededFuture(0);

  public RegistryService(Vertx vertx, KontakConfig config, RegistryStore store, RegistrySearcher searcher) {
    this.store = store;
    this.searcher = searcher;
    this.parser = new RegistryParser(Set.copyOf(config.registry().sectors()), config.registry().maxImportBytes());
    this.indexing = vertx.createSharedWorkerExecutor("kontak-registry-index", 1,
        config.registry().reloadTimeout().toSeconds(), TimeUnit.SECONDS);
    this.searching = vertx.createSharedWorkerExecutor(SEARCH_WORKERS, config.registry().searchThreads());
  }

  public Future<LookupResult> lookup(String query) {
    return searching.executeBlocking(() -> searcher.lookup(query), false);
  }

  public Future<ParseResult> validate(RegistryFile file) {
    return indexing.executeBlocking(() -> parser.parse(file));
  }

  /** Validates, stores, indexes and activates a file; 201 semantics: active on this node when it completes. */
  public Future<ImportOutcome> importFile(RegistryFile file, String by) {
    return validate(file).compose(parsed -> switch (parsed) {
      case ParseResult.Invalid invalid -> Future.succeededFuture(new ImportOutcome.Rejected(invalid.errors()));
      case ParseResult.Valid valid -> store.save(file, valid.institutions(), by)
          .compose(version -> build(version.version(), valid.institutions())
              .compose(index -> activateWith(version.version(), index, by)))
          .map(ImportOutcome.Activated::new);
    });
  }

  /** Re-activates a stored version (rollback or roll forward). Empty if there is no such version. */
  public Future<Optional<VersionInfo>> activate(int version, String by) {
    return store.version(version).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture(Optional.empty());
      }
      return store.institutions(version)
          .compose(rows -> build(version, rows))
          .compose(index -> activateWith(version, index, by))
          .map(Optional::of);
    });
  }

  /**
   * Brings this node's index to the active version in Postgres (at start and on every
   * notification). All swaps go through this one chain, so builds never race and a slow
   * build of an older version can never replace a newer one.
   */
  public Future<Integer> syncWithActive() {
    return syncWith(null);
  }

  private synchronized Future<Integer> syncWith(RegistryIndex prebuilt) {
    sync = sync.transform(ignored -> store.activeVersion().compose(active -> {
      boolean usable = prebuilt != null && active.isPresent() && prebuilt.version() == active.get()
          && prebuilt.version() != searcher.version();
      if (prebuilt != null && !usable) {
        prebuilt.close();
      }
      if (usable) {
        install(prebuilt);
        return Future.succeededFuture(prebuilt.version());
      }
      if (active.isEmpty() || active.get() == searcher.version()) {
        return Future.succeededFuture(searcher.version());
      }
      int version = active.get();
      return store.institutions(version)
          .compose(rows -> build(version, rows))
          .map(index -> {
            install(index);
            return version;
          });
    }));
    return sync;
  }

  private void install(RegistryIndex index) {
    searcher.swap(index);
    LOG.info("registry v{} serving on this node ({} institutions)", index.version(), index.size());
  }

  public Future<Optional<Integer>> activeVersion() {
    return store.activeVersion();
  }

  public Future<List<VersionInfo>> versions() {
    return store.versions();
  }

  public RegistryStore store() {
    return store;
  }

  public int servingVersion() {
    return searcher.version();
  }

  public int servingSize() {
    return searcher.size();
  }

  public Future<Void> close() {
    return Future.all(indexing.close(), searching.close()).mapEmpty();
  }

  private Future<RegistryIndex> build(int version, List<Institution> rows) {
    return indexing.executeBlocking(() -> searcher.build(version, rows));
  }

  private Future<VersionInfo> activateWith(int version, RegistryIndex index, String by) {
    return store.activate(version, by)
        .compose(done -> syncWith(index))
        .compose(serving -> store.version(version))
        .map(Optional::orElseThrow);
  }
}
