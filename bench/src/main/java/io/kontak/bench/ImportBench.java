package io.kontak.bench;

import io.kontak.core.config.KontakConfig;
import io.kontak.core.db.Database;
import io.kontak.core.db.PostgresUrl;
import io.kontak.registry.identity.PhoneNumbers;
import io.kontak.registry.importing.FileFormat;
import io.kontak.registry.importing.ParseResult;
import io.kontak.registry.importing.RegistryFile;
import io.kontak.registry.importing.RegistryParser;
import io.kontak.registry.index.LookupPolicy;
import io.kontak.registry.index.RegistryIndex;
import io.kontak.registry.index.RegistrySearcher;
import io.kontak.registry.node.ImportOutcome;
import io.kontak.registry.node.RegistryService;
import io.kontak.registry.store.RegistryStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Import-and-activate through {@link RegistryService#importFile}, exactly as {@code POST
 * /api/registry/imports} runs it: parse and validate, store the version and its diff in Postgres,
 * build the index, activate (NOTIFY) and swap. Each run starts from a fresh database in which the
 * 8,263 real rows are the active version (untimed), so every timed import diffs against it.
 */
final class ImportBench {
  private ImportBench() {
  }

  /** Timed imports, and one import's steps timed one by one (parse, store + diff, index build, activate). */
  record Result(List<Double> seconds, double parseSeconds, double storeSeconds, double buildSeconds,
                double activateSeconds, int rows) {
    double median() {
      List<Double> sorted = new ArrayList<>(seconds);
      sorted.sort(null);
      return sorted.get(sorted.size() / 2);
    }
  }

  static Result run(BenchPostgres pg, byte[] baseline, byte[] file, int runs, List<String> databases)
      throws Exception {
    KontakConfig config = KontakConfig.from(Map.of(
        "KONTAK_REGISTRY_MAX_BYTES", Long.toString(Math.max(64L << 20, file.length * 2L))));
    Vertx vertx = Vertx.vertx();
    List<Double> times = new ArrayList<>();
    int rows = 0;
    try {
      for (int run = 1; run <= runs; run++) {
        String dbName = "kontak_bench_import_" + run;
        databases.add(dbName);
        PostgresUrl url = pg.freshDatabase(dbName);
        Database.migrateBlocking(url);
        Pool pool = Database.pool(vertx, url, 4);
        var searcher = new RegistrySearcher(new PhoneNumbers("ID"), LookupPolicy.DEFAULT);
        var service = new RegistryService(vertx, config, new RegistryStore(pool), searcher);
        try {
          activated(await(service.importFile(new RegistryFile(baseline, FileFormat.JSON_LINES, "real-rows.jsonl"),
              "bench")));
          System.gc();
          long t0 = System.nanoTime();
          ImportOutcome outcome = await(service.importFile(
              new RegistryFile(file, FileFormat.JSON_LINES, "registry-100k.jsonl"), "bench"));
          double s = (System.nanoTime() - t0) / 1e9;
          var version = activated(outcome);
          rows = searcher.size();
          if (service.servingVersion() != version.version().version()) {
            throw new IllegalStateException("import did not activate on this node");
          }
          times.add(s);
          System.out.printf("  import run %d: %.2f s (v%d, %d rows, %d added / %d removed / %d changed vs v%d)%n",
              run, s, version.version().version(), rows, version.version().added(),
              version.version().removed(), version.version().statusChanged(), version.version().basedOn());
        } finally {
          await(service.close());
          await(pool.close());
        }
      }
      // Where the time goes: the same steps one at a time, each awaited before the next.
      String dbName = "kontak_bench_import_steps";
      databases.add(dbName);
      PostgresUrl url = pg.freshDatabase(dbName);
      Database.migrateBlocking(url);
      Pool pool = Database.pool(vertx, url, 4);
      try {
        var store = new RegistryStore(pool);
        var parser = new RegistryParser(Set.copyOf(config.registry().sectors()), config.registry().maxImportBytes());
        var baselineFile = new RegistryFile(baseline, FileFormat.JSON_LINES, "real-rows.jsonl");
        var base = await(store.save(baselineFile, ((ParseResult.Valid) parser.parse(baselineFile)).institutions(),
            "bench"));
        await(store.activate(base.version(), "bench"));
        var bigFile = new RegistryFile(file, FileFormat.JSON_LINES, "registry-100k.jsonl");
        System.gc();
        long p0 = System.nanoTime();
        var institutions = ((ParseResult.Valid) parser.parse(bigFile)).institutions();
        long p1 = System.nanoTime();
        var version = await(store.save(bigFile, institutions, "bench"));
        long p2 = System.nanoTime();
        var searcher = new RegistrySearcher(new PhoneNumbers("ID"), LookupPolicy.DEFAULT);
        RegistryIndex index = searcher.build(version.version(), institutions);
        long p3 = System.nanoTime();
        await(store.activate(version.version(), "bench"));
        searcher.swap(index);
        long p4 = System.nanoTime();
        System.out.printf("  steps alone: parse %.2f s, store + diff %.2f s, index build %.2f s, activate %.2f s%n",
            (p1 - p0) / 1e9, (p2 - p1) / 1e9, (p3 - p2) / 1e9, (p4 - p3) / 1e9);
        return new Result(times, (p1 - p0) / 1e9, (p2 - p1) / 1e9, (p3 - p2) / 1e9, (p4 - p3) / 1e9, rows);
      } finally {
        await(pool.close());
      }
    } finally {
      await(vertx.close());
    }
  }

  private static ImportOutcome.Activated activated(ImportOutcome outcome) {
    if (outcome instanceof ImportOutcome.Activated a) {
      return a;
    }
    var errors = ((ImportOutcome.Rejected) outcome).errors();
    throw new IllegalStateException("import rejected: " + errors.subList(0, Math.min(5, errors.size())));
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
  }
}
