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

  record Result(List<Double> seconds, double parseSeconds, double buildSeconds, int rows) {
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
          activated(await(service.importFile(new RegistryFile(baseline, FileFormat.JSON_LINES, "ojk-registry.jsonl"),
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
    } finally {
      await(vertx.close());
    }
    // Where the time goes: the two CPU-bound steps alone, in this thread (store = total - these).
    var parser = new RegistryParser(Set.copyOf(config.registry().sectors()), config.registry().maxImportBytes());
    long p0 = System.nanoTime();
    var parsed = parser.parse(new RegistryFile(file, FileFormat.JSON_LINES, "registry-100k.jsonl"));
    double parse = (System.nanoTime() - p0) / 1e9;
    var institutions = ((ParseResult.Valid) parsed).institutions();
    var searcher = new RegistrySearcher(new PhoneNumbers("ID"), LookupPolicy.DEFAULT);
    long b0 = System.nanoTime();
    RegistryIndex index = searcher.build(1, institutions);
    double build = (System.nanoTime() - b0) / 1e9;
    index.close();
    return new Result(times, parse, build, rows);
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
