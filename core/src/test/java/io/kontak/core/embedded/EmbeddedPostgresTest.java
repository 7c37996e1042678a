package io.kontak.core.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontak.core.db.Database;
import io.kontak.core.db.PostgresUrl;
import io.kontak.core.runtime.KontakVertx;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The embedded default keeps its data across runs and recovers from a run that was killed. */
class EmbeddedPostgresTest {
  static final Path CACHE = Path.of(System.getProperty("java.io.tmpdir"), "kontak-embedded-binaries");

  @Test
  void dataSurvivesARestartAndALeftoverServerIsReplaced() throws Exception {
    Path home = Files.createTempDirectory("kontak-pg-",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x"))).resolve("pg");

    try (EmbeddedPostgres first = EmbeddedPostgres.start(home, CACHE, Map.of())) {
      execute(first.database("kontak"), "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('hello')");
    }

    // A run killed with -9 leaves its server behind: the next start on the same directory stops it.
    EmbeddedPostgres leftover = EmbeddedPostgres.start(home, CACHE, Map.of());
    try (EmbeddedPostgres next = EmbeddedPostgres.start(home, CACHE, Map.of())) {
      assertThat(next.port()).isNotEqualTo(leftover.port());
      assertThat(query(next.database("kontak"), "SELECT v FROM kept")).isEqualTo("hello");
    } finally {
      leftover.close();
    }
  }

  @Test
  void aClientOnTheNativeTransportUsesTheUnixSocketAndOthersTcp() throws Exception {
    Path home = Files.createTempDirectory("kontak-pg-",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x"))).resolve("pg");
    try (EmbeddedPostgres pg = EmbeddedPostgres.start(home, CACHE, Map.of())) {
      // the configuration carries the URL as text: the socket directory must survive that
      PostgresUrl url = PostgresUrl.parse(pg.database("kontak").url());
      assertThat(url.socketDirectory()).isPresent();

      Vertx nativeVertx = KontakVertx.create();
      Vertx nioVertx = Vertx.vertx();
      try {
        assertThat(nativeVertx.isNativeTransportEnabled()).isTrue();
        // inet_server_addr() is NULL on a Unix-domain socket connection
        assertThat(serverAddress(nativeVertx, url)).isNull();
        assertThat(serverAddress(nioVertx, url)).isEqualTo("127.0.0.1/32");
        // JDBC (Flyway) keeps using TCP
        assertThat(query(url, "SELECT host(inet_server_addr())")).isEqualTo("127.0.0.1");
      } finally {
        nativeVertx.close().await();
        nioVertx.close().await();
      }
    }
  }

  private static String serverAddress(Vertx vertx, PostgresUrl url) {
    Pool pool = Database.pool(vertx, url, 1);
    try {
      Object address = pool.query("SELECT inet_server_addr()::text AS a").execute().await().iterator().next().getValue("a");
      return address == null ? null : address.toString();
    } finally {
      pool.close().await();
    }
  }

  private static void execute(PostgresUrl url, String sql) throws Exception {
    try (var c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password()); var s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static String query(PostgresUrl url, String sql) throws Exception {
    try (var c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password()); var s = c.createStatement();
         var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
