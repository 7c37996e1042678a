package io.kontak.core.testing;

import io.kontak.core.db.Database;
import io.kontak.core.db.PostgresUrl;
import io.kontak.core.embedded.EmbeddedPostgres;
import io.kontak.core.embedded.EmbeddedRedis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * Real PostgreSQL and Redis for tests, chosen once per JVM:
 * <ol>
 *   <li>the servers in {@code KONTAK_PG_URL} / {@code KONTAK_REDIS_URL} when set;</li>
 *   <li>Testcontainers when a Docker engine answers;</li>
 *   <li>otherwise embedded servers in a temporary directory (the default on a fresh machine).</li>
 * </ol>
 * Each test isolates itself with {@link #freshDatabase()} (its own database, migrated) and
 * {@link #freshRedisPrefix()} (its own key prefix).
 */
public final class TestServices {
  private static Endpoints endpoints;

  /** Where the shared servers are; {@code admin} may create databases. */
  public record Endpoints(PostgresUrl admin, String redisUrl, String kind) {
  }

  private TestServices() {
  }

  public static synchronized Endpoints endpoints() {
    if (endpoints == null) {
      try {
        endpoints = start();
      } catch (Exception e) {
        throw new IllegalStateException("cannot start test services: " + e.getMessage(), e);
      }
    }
    return endpoints;
  }

  /** A new, empty database with every Kontak migration applied. */
  public static PostgresUrl freshDatabase() {
    PostgresUrl admin = endpoints().admin();
    String name = "kontak_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (var c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
         var s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create test database: " + e.getMessage(), e);
    }
    PostgresUrl url = admin.withDatabase(name);
    Database.migrateBlocking(url);
    return url;
  }

  /** A Redis key prefix no other test uses. */
  public static String freshRedisPrefix() {
    return "test:" + UUID.randomUUID().toString().substring(0, 8) + ":";
  }

  private static Endpoints start() throws Exception {
    Optional<String> pg = env("KONTAK_PG_URL");
    Optional<String> redis = env("KONTAK_REDIS_URL");
    if (pg.isPresent() && redis.isPresent()) {
      return new Endpoints(PostgresUrl.parse(pg.get()), redis.get(), "configured");
    }
    if (!"false".equals(System.getenv("KONTAK_TEST_DOCKER")) && dockerAvailable()) {
      return containers(pg, redis);
    }
    return embedded(pg, redis);
  }

  private static Endpoints embedded(Optional<String> pg, Optional<String> redis) throws Exception {
    // world-traversable: when the tests run as root, Postgres runs as an unprivileged user inside it
    Path home = Files.createTempDirectory("kontak-test-services-",
        java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
            java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x")));
    Path cache = Path.of(System.getProperty("java.io.tmpdir"), "kontak-embedded-binaries");
    EmbeddedPostgres postgres = pg.isPresent() ? null : EmbeddedPostgres.start(home.resolve("postgres"), cache,
        // Test data is disposable: trade durability for speed.
        Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off", "max_connections", "300"));
    EmbeddedRedis redisServer = redis.isPresent() ? null : EmbeddedRedis.start(home.resolve("redis"), false);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        if (redisServer != null) {
          redisServer.close();
        }
      } catch (IOException ignored) {
        // the JVM is exiting; the temporary directory goes anyway
      }
      if (postgres != null) {
        postgres.close();
      }
      deleteTree(home);
    }, "kontak-test-services-stop"));
    PostgresUrl admin = pg.map(PostgresUrl::parse)
        .orElseGet(() -> new PostgresUrl("127.0.0.1", postgres.port(), "postgres", "postgres", ""));
    return new Endpoints(admin, redis.orElseGet(redisServer::url), "embedded");
  }

  @SuppressWarnings("resource") // containers live as long as the JVM; Ryuk removes them
  private static Endpoints containers(Optional<String> pg, Optional<String> redis) {
    PostgresUrl admin = pg.map(PostgresUrl::parse).orElseGet(() -> {
      var container = new GenericContainer<>("postgres:17-alpine")
          .withEnv("POSTGRES_HOST_AUTH_METHOD", "trust")
          .withExposedPorts(5432)
          .waitingFor(Wait.forLogMessage(".*ready to accept connections.*\\n", 2));
      container.start();
      return new PostgresUrl(container.getHost(), container.getMappedPort(5432), "postgres", "postgres", "");
    });
    String redisUrl = redis.orElseGet(() -> {
      var container = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
      container.start();
      return "redis://" + container.getHost() + ":" + container.getMappedPort(6379);
    });
    return new Endpoints(admin, redisUrl, "testcontainers");
  }

  private static boolean dockerAvailable() {
    if (System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"))) {
      return false;  // no engine to ask: skip Testcontainers' noisy discovery
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static Optional<String> env(String name) {
    return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> all = Files.walk(root)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort: a temporary directory
    }
  }
}
