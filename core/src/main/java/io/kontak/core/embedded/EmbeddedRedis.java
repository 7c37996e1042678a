package io.kontak.core.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import redis.embedded.RedisServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Redis server owned by this process (codemonstur embedded-redis), persisting into {@code home}.
 * The server writes its pid to {@code home/redis.pid}: a run killed with -9 leaves its server
 * running (on its own port, so a new one would start beside it, but the orphan would live forever
 * and could later overwrite {@code dump.rdb} with older data), so a start on the same home stops it first.
 */
public final class EmbeddedRedis implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedis.class);
  private static final String PID_FILE = "redis.pid";
  /**
   * When a persistent server snapshots: after an hour with any change, and on every stop (Redis
   * saves on SIGTERM when a save point is set). Postgres holds every conversation; what the dump
   * keeps across a restart are the rate windows and the spam-limit pause, and the conversation cache
   * is checked against the row's version anyway. A snapshot forks a child that serializes the whole
   * dataset: with {@code save 60 1}, at 1,000 msg/s a child ran for 0.66 s every minute
   * (28 MB), on a 2-core machine that the webhook, Postgres and the engine already keep busy.
   */
  static final String SNAPSHOT = "save 3600 1";
  private final RedisServer server;
  private final int port;
  private final Path pidFile;

  private EmbeddedRedis(RedisServer server, int port, Path pidFile) {
    this.server = server;
    this.port = port;
    this.pidFile = pidFile;
  }

  public static EmbeddedRedis start(Path home, boolean persistent) throws IOException {
    Files.createDirectories(home);
    Path pidFile = home.resolve(PID_FILE).toAbsolutePath();
    stopLeftover(pidFile);
    int port = EmbeddedPostgres.freePort();
    RedisServer server = RedisServer.newRedisServer()
        .bind("127.0.0.1")
        .port(port)
        .setting("dir " + home.toAbsolutePath())
        .setting(persistent ? SNAPSHOT : "save \"\"")
        .setting("appendonly no")
        .setting("pidfile " + pidFile)
        .onShutdownForceStop(true)
        .build();
    server.start();
    LOG.info("embedded Redis ready on 127.0.0.1:{}", port);
    return new EmbeddedRedis(server, port, pidFile);
  }

  /**
   * Stops the server named by a pid file from an earlier run, if it is still a running redis-server
   * that started before the file was written (not a recycled pid; the start time is only known to
   * the second). SIGTERM lets it save its data before the new server loads the file.
   */
  private static void stopLeftover(Path pidFile) throws IOException {
    if (!Files.exists(pidFile)) {
      return;
    }
    Instant written = Files.getLastModifiedTime(pidFile).toInstant().plusSeconds(1);
    Optional<ProcessHandle> leftover;
    try {
      leftover = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
          .filter(p -> p.info().command().map(c -> c.contains("redis-server")).orElse(false))
          .filter(p -> p.info().startInstant().map(started -> started.isBefore(written)).orElse(false));
    } catch (NumberFormatException unreadable) {
      leftover = Optional.empty();
    }
    if (leftover.isPresent() && leftover.get().isAlive()) {
      LOG.warn("a Redis server from an earlier run (pid {}) still uses {}; stopping it", leftover.get().pid(),
          pidFile.getParent());
      stop(leftover.get());
    }
    Files.deleteIfExists(pidFile);
  }

  private static void stop(ProcessHandle server) throws IOException {
    server.destroy();
    if (!exited(server, 30)) {
      server.destroyForcibly();
      if (!exited(server, 10)) {
        throw new IOException("the Redis server from an earlier run (pid " + server.pid() + ") does not stop");
      }
    }
  }

  private static boolean exited(ProcessHandle process, long seconds) throws IOException {
    try {
      process.onExit().get(seconds, TimeUnit.SECONDS);
      return true;
    } catch (TimeoutException | ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping the Redis server from an earlier run", e);
    }
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** Kills the server (it cannot remove its pid file then, so this does: only an orphan leaves one). */
  @Override
  public void close() throws IOException {
    server.stop();
    Files.deleteIfExists(pidFile);
  }
}
