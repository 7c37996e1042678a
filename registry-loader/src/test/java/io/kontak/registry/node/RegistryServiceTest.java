package io.kontak.registry.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontak.core.config.KontakConfig;
import io.kontak.core.db.Database;
import io.kontak.core.db.PostgresUrl;
import io.kontak.core.testing.TestServices;
import io.kontak.registry.OjkRegistry;
import io.kontak.registry.identity.PhoneNumbers;
import io.kontak.registry.importing.FileFormat;
import io.kontak.registry.importing.RegistryFile;
import io.kontak.registry.index.LookupPolicy;
import io.kontak.registry.index.LookupResult;
import io.kontak.registry.index.RegistrySearcher;
import io.kontak.registry.store.RegistryStore;
import io.kontak.registry.store.VersionInfo;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Imports, versions, diffs, rollback and live swaps against a real Postgres. */
class RegistryServiceTest {
  static final KontakConfig CONFIG = KontakConfig.from(Map.of());

  Vertx vertx;
  PostgresUrl database;
  Pool pool;
  RegistrySearcher searcher;
  RegistryService registry;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    database = TestServices.freshDatabase();
    pool = Database.pool(vertx, database, 4);
    searcher = new RegistrySearcher(new PhoneNumbers("ID"), LookupPolicy.DEFAULT);
    registry = new RegistryService(vertx, CONFIG, new RegistryStore(pool), searcher);
  }

  @AfterEach
  void tearDown() {
    vertx.close().await();
  }

  @Test
  void importStoresAVersionWithItsDiffAndServesIt() {
    VersionInfo v1 = activated(registry.importFile(jsonl(row("A", "Dana Kilat", "licensed"), row("B", "Uang Cepat", "illegal"),
        row("C", "Modal Kita", "registered")), "alice").await());
    assertThat(v1.version()).isEqualTo(1);
    assertThat(v1.diff()).containsExactly(3, 0, 0);
    assertThat(searcher.lookup("dana kilat").verdict().name()).isEqualTo("legal");

    VersionInfo v2 = activated(registry.importFile(jsonl(row("A", "Dana Kilat", "revoked"), row("C", "Modal Kita", "registered"),
        row("D", "Rupiah Cepat", "illegal")), "bob").await());
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.basedOn()).isEqualTo(1);
    assertThat(v2.diff()).containsExactly(1, 1, 1);
    assertThat(v2.createdBy()).isEqualTo("bob");
    assertThat(v2.countsByStatus().getInteger("illegal")).isEqualTo(1);
    assertThat(searcher.lookup("dana kilat").verdict().name()).isEqualTo("warning");
    assertThat(registry.store().changes(2, 10).await()).extracting(o -> ((io.vertx.core.json.JsonObject) o).getString("change"))
        .containsExactly("added", "removed", "status_changed");
  }

  @Test
  void aRejectedFileLeavesTheActiveVersionAnswering() {
    activated(registry.importFile(jsonl(row("A", "Dana Kilat", "licensed")), "alice").await());
    ImportOutcome outcome = registry.importFile(jsonl(row("A", "Dana Kilat", "licensed"), "{not json"), "alice").await();
    assertThat(outcome).isInstanceOf(ImportOutcome.Rejected.class);
    assertThat(registry.activeVersion().await()).contains(1);
    assertThat(registry.versions().await()).hasSize(1);
    assertThat(searcher.lookup("Dana Kilat").verdict().name()).isEqualTo("legal");
  }

  @Test
  void rollbackReactivatesAnEarlierVersion() {
    activated(registry.importFile(jsonl(row("A", "Dana Kilat", "licensed")), "alice").await());
    activated(registry.importFile(jsonl(row("A", "Dana Kilat", "illegal")), "alice").await());
    assertThat(searcher.lookup("Dana Kilat").verdict().name()).isEqualTo("warning");

    assertThat(registry.activate(1, "carol").await()).isPresent();
    assertThat(searcher.version()).isEqualTo(1);
    assertThat(searcher.lookup("Dana Kilat").verdict().name()).isEqualTo("legal");
    assertThat(registry.versions().await()).filteredOn(VersionInfo::active).extracting(VersionInfo::version).containsExactly(1);
    assertThat(registry.activate(99, "carol").await()).isEmpty();
  }

  @Test
  void lookupsNeverFailDuringFiveReloads() throws Exception {
    List<io.kontak.registry.Institution> real = OjkRegistry.registry();
    RegistryFile realFile = OjkRegistry.registryFile();
    activated(registry.importFile(realFile, "loader").await());
    activated(registry.importFile(jsonl(row("A", "Dana Kilat", "licensed")), "loader").await());

    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger lookups = new AtomicInteger();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    List<Thread> clients = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      Thread client = new Thread(() -> {
        while (running.get()) {
          try {
            LookupResult r = searcher.lookup(lookups.get() % 2 == 0 ? "kredivo" : "Dana Kilat");
            if (r.registryVersion() != 1 && r.registryVersion() != 2) {
              failures.add("unexpected version " + r.registryVersion());
            }
            lookups.incrementAndGet();
          } catch (RuntimeException e) {
            failures.add(e.toString());
          }
        }
      }, "lookup-client-" + t);
      clients.add(client);
      client.start();
    }
    for (int reload = 0; reload < 5; reload++) {
      int target = reload % 2 == 0 ? 1 : 2;
      int before = lookups.get();
      assertThat(registry.activate(target, "reloader").await()).isPresent();
      assertThat(searcher.version()).isEqualTo(target);
      await().atMost(Duration.ofSeconds(10)).until(() -> lookups.get() > before + 100);
    }
    running.set(false);
    for (Thread client : clients) {
      client.join();
    }
    assertThat(failures).isEmpty();
    assertThat(lookups.get()).isGreaterThan(500);
    assertThat(real).hasSize(8263);
  }

  @Test
  void anotherNodeFollowsActivationsThroughNotify() {
    Vertx otherVertx = Vertx.vertx();
    try {
      Pool otherPool = Database.pool(otherVertx, database, 2);
      var otherSearcher = new RegistrySearcher(new PhoneNumbers("ID"), LookupPolicy.DEFAULT);
      var other = new RegistryService(otherVertx, CONFIG, new RegistryStore(otherPool), otherSearcher);
      otherVertx.deployVerticle(new RegistryVerticle(other, database, false)).await();

      activated(registry.importFile(jsonl(row("A", "Dana Kilat", "licensed")), "alice").await());
      await().atMost(Duration.ofSeconds(10)).until(() -> otherSearcher.version() == 1);
      assertThat(otherSearcher.lookup("danakilat").verdict().name()).isEqualTo("legal");

      activated(registry.importFile(jsonl(row("A", "Dana Kilat", "illegal")), "alice").await());
      await().atMost(Duration.ofSeconds(10)).until(() -> otherSearcher.version() == 2);
      assertThat(otherSearcher.lookup("danakilat").verdict().name()).isEqualTo("warning");
    } finally {
      otherVertx.close().await();
    }
  }

  @Test
  void anEmptyDatabaseGetsTheDemoRegistry() {
    vertx.deployVerticle(new RegistryVerticle(registry, database, true)).await();
    assertThat(searcher.version()).isEqualTo(1);
    assertThat(searcher.size()).isGreaterThanOrEqualTo(30);
    assertThat(registry.versions().await().get(0).createdBy()).isEqualTo("demo");
  }

  static VersionInfo activated(ImportOutcome outcome) {
    assertThat(outcome).isInstanceOf(ImportOutcome.Activated.class);
    return ((ImportOutcome.Activated) outcome).version();
  }

  static String row(String id, String name, String status) {
    return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"sector\":\"p2p_lending\",\"status\":\"" + status + "\"}";
  }

  static RegistryFile jsonl(String... lines) {
    return new RegistryFile(String.join("\n", lines).getBytes(StandardCharsets.UTF_8), FileFormat.JSON_LINES, "t.jsonl");
  }
}
