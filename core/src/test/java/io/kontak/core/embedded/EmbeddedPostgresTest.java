package io.kontak.core.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontak.core.db.PostgresUrl;
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
