package io.kontak.core.embedded;

import io.kontak.core.db.PostgresUrl;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server owned by this process, with its cluster in a directory that survives restarts.
 *
 * <p>zonky's {@code EmbeddedPostgres} launcher cannot start as root (no way to drop privileges), so we
 * launch the same zonky-packaged binaries ourselves: initdb once, {@code postgres} as a child process,
 * {@code pg_ctl stop -m fast} on close. A server left behind by a killed previous run on the same data
 * directory is stopped first, so a second start on the same directory always works.
 */
public final class EmbeddedPostgres implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
  private static final String SUPERUSER = "postgres";
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
  /** A socket address holds 108 bytes with the terminating NUL (Linux); Postgres refuses a longer path. */
  private static final int MAX_SOCKET_PATH_BYTES = 107;

  private final Path install;
  private final Path cluster;
  private final ServerUser user;
  private final Process server;
  private final int port;
  private final Optional<Path> socketDirectory;

  private EmbeddedPostgres(Path install, Path cluster, ServerUser user, Process server, int port,
                           Optional<Path> socketDirectory) {
    this.install = install;
    this.cluster = cluster;
    this.user = user;
    this.server = server;
    this.port = port;
    this.socketDirectory = socketDirectory;
  }

  /**
   * @param home         where the cluster ({@code home/cluster}) and its log live
   * @param binaryCache  where the binaries are unpacked (shared between homes)
   * @param settings     extra server settings ({@code -c name=value})
   */
  public static EmbeddedPostgres start(Path home, Path binaryCache, Map<String, String> settings)
      throws IOException, InterruptedException {
    Path install = PostgresBinaries.install(binaryCache);
    ServerUser user = ServerUser.detect();
    Path cluster = home.resolve("cluster");
    Files.createDirectories(home);
    user.own(home);
    if (!Files.exists(cluster.resolve("PG_VERSION"))) {
      initdb(install, cluster, user);
    } else {
      stopLeftover(install, cluster, user);
    }
    int port = freePort();
    Optional<Path> socketDirectory = socketDirectory(cluster, port);
    List<String> command = user.command(install.resolve("bin/postgres").toString(),
        "-D", cluster.toString(), "-p", Integer.toString(port),
        "-c", "listen_addresses=127.0.0.1",
        "-c", "unix_socket_directories=" + socketDirectory.map(Path::toString).orElse(""));
    settings.forEach((k, v) -> command.addAll(List.of("-c", k + "=" + v)));
    Path log = home.resolve("postgres.log");
    Process server = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    var pg = new EmbeddedPostgres(install, cluster, user, server, port, socketDirectory);
    try {
      pg.awaitReady(log);
    } catch (IOException | RuntimeException e) {
      pg.close();
      throw e;
    }
    LOG.info("embedded PostgreSQL ready on 127.0.0.1:{} (cluster {})", port, cluster);
    return pg;
  }

  public int port() {
    return port;
  }

  /**
   * The server also listens on a Unix-domain socket in its cluster directory (readable by its owner
   * only, like the data), unless that path is too long for a socket address; then TCP only.
   */
  private static Optional<Path> socketDirectory(Path cluster, int port) {
    String socket = cluster.toAbsolutePath() + "/.s.PGSQL." + port;
    return socket.getBytes(StandardCharsets.UTF_8).length <= MAX_SOCKET_PATH_BYTES
        ? Optional.of(cluster.toAbsolutePath()) : Optional.empty();
  }

  /**
   * A URL for {@code database}, created if it does not exist yet; it names the socket directory
   * too, for clients that can use it.
   */
  public PostgresUrl database(String database) throws SQLException {
    var tcp = new PostgresUrl("127.0.0.1", port, "postgres", SUPERUSER, "");
    var admin = socketDirectory.map(d -> tcp.withSocketDirectory(d.toString())).orElse(tcp);
    try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), SUPERUSER, "");
         var exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, database);
      if (!exists.executeQuery().next()) {
        try (var create = c.createStatement()) {
          create.execute("CREATE DATABASE \"" + database.replace("\"", "") + "\"");
        }
      }
    }
    return admin.withDatabase(database);
  }

  @Override
  public void close() {
    if (!server.isAlive()) {
      return;
    }
    try {
      run(user.command(install.resolve("bin/pg_ctl").toString(), "stop", "-D", cluster.toString(),
          "-m", "fast", "-w", "-t", "30"), Duration.ofSeconds(40));
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      LOG.info("embedded PostgreSQL stopped");
    } catch (IOException e) {
      LOG.warn("pg_ctl stop failed, killing the server", e);
      server.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.destroyForcibly();
    }
  }

  private void awaitReady(Path log) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?connectTimeout=2";
    while (true) {
      if (!server.isAlive()) {
        throw new IOException("embedded PostgreSQL exited with " + server.exitValue() + "; see " + log);
      }
      try (Connection ignored = DriverManager.getConnection(url, SUPERUSER, "")) {
        return;
      } catch (SQLException notYet) {
        if (Instant.now().isAfter(deadline)) {
          throw new IOException("embedded PostgreSQL not ready after " + STARTUP_TIMEOUT + "; see " + log, notYet);
        }
        // Startup readiness is only observable by polling the port; a short pause between attempts.
        TimeUnit.MILLISECONDS.sleep(50);
      }
    }
  }

  private static void initdb(Path install, Path cluster, ServerUser user) throws IOException, InterruptedException {
    LOG.info("initialising embedded PostgreSQL cluster in {}", cluster);
    run(user.command(install.resolve("bin/initdb").toString(), "-A", "trust", "-U", SUPERUSER,
        "-D", cluster.toString(), "-E", "UTF-8", "--no-locale"), Duration.ofMinutes(2));
  }

  private static void stopLeftover(Path install, Path cluster, ServerUser user) throws IOException, InterruptedException {
    if (!Files.exists(cluster.resolve("postmaster.pid"))) {
      return;
    }
    String pgCtl = install.resolve("bin/pg_ctl").toString();
    if (exitCode(user.command(pgCtl, "status", "-D", cluster.toString())) == 0) {
      LOG.warn("a PostgreSQL server from an earlier run still uses {}; stopping it", cluster);
      run(user.command(pgCtl, "stop", "-D", cluster.toString(), "-m", "fast", "-w", "-t", "30"),
          Duration.ofSeconds(40));
    }
  }

  private static void run(List<String> command, Duration timeout) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", command) + " timed out");
    }
    if (p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed (" + p.exitValue() + "): " + output);
    }
  }

  private static int exitCode(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    return p.waitFor();
  }

  static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
