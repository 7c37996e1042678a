package io.kontak.bench;

import io.kontak.core.db.PostgresUrl;
import io.kontak.core.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The Postgres server of a bench run: the one {@code KONTAK_PG_URL} names (its role needs
 * CREATEDB; the bench creates and drops its own {@code kontak_bench_*} databases there), or an
 * embedded one under the bench's work directory with default settings.
 */
final class BenchPostgres implements AutoCloseable {
  private final EmbeddedPostgres embedded;
  private final PostgresUrl admin;

  private BenchPostgres(EmbeddedPostgres embedded, PostgresUrl admin) {
    this.embedded = embedded;
    this.admin = admin;
  }

  static BenchPostgres start(Path workDir) throws IOException, InterruptedException, SQLException {
    String url = System.getenv("KONTAK_PG_URL");
    if (url != null && !url.isBlank()) {
      return new BenchPostgres(null, PostgresUrl.parse(url));
    }
    Path home = workDir.resolve("postgres");
    Files.createDirectories(home);
    EmbeddedPostgres pg = EmbeddedPostgres.start(home, workDir.resolve("runtime"), Map.of());
    try {
      return new BenchPostgres(pg, pg.database("postgres"));
    } catch (SQLException e) {
      pg.close();
      throw e;
    }
  }

  /** The existing database {@code name}. */
  PostgresUrl database(String name) {
    return admin.withDatabase(name);
  }

  /** An empty database {@code name}, dropped first if an earlier run left it. */
  PostgresUrl freshDatabase(String name) throws SQLException {
    try (Connection c = connect(admin); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + name);
    }
    return admin.withDatabase(name);
  }

  void drop(List<String> names) {
    try (Connection c = connect(admin); Statement s = c.createStatement()) {
      for (String name : names) {
        s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    } catch (SQLException e) {
      System.err.println("could not drop bench databases: " + e.getMessage());
    }
  }

  static Connection connect(PostgresUrl url) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", url.user());
    if (!url.password().isEmpty()) {
      p.setProperty("password", url.password());
    }
    p.setProperty("reWriteBatchedInserts", "true");
    return DriverManager.getConnection(url.jdbcUrl(), p);
  }

  String describe() {
    String version = "?";
    try (Connection c = connect(admin); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SHOW server_version")) {
      rs.next();
      version = rs.getString(1);
    } catch (SQLException e) {
      version = "unknown (" + e.getMessage() + ")";
    }
    return (embedded != null ? "embedded PostgreSQL " : "PostgreSQL ") + version
        + (embedded != null ? " (zonky binaries, default settings), same machine" : " at " + admin.display());
  }

  /** CPU time (user + system) of a local server process, from /proc; -1 when it cannot be read. */
  static long processCpuNanos(int pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);  // utime, stime (fields 14, 15)
      return ticks * (1_000_000_000L / 100);  // USER_HZ is 100 on Linux
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }
}
