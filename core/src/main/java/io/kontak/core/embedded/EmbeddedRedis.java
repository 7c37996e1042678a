package io.kontak.core.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A Redis server owned by this process (codemonstur embedded-redis), persisting into {@code home}. */
public final class EmbeddedRedis implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedis.class);
  private final RedisServer server;
  private final int port;

  private EmbeddedRedis(RedisServer server, int port) {
    this.server = server;
    this.port = port;
  }

  public static EmbeddedRedis start(Path home, boolean persistent) throws IOException {
    Files.createDirectories(home);
    int port = EmbeddedPostgres.freePort();
    RedisServer server = RedisServer.newRedisServer()
        .bind("127.0.0.1")
        .port(port)
        .setting("dir " + home.toAbsolutePath())
        .setting(persistent ? "save 60 1" : "save \"\"")
        .setting("appendonly no")
        .onShutdownForceStop(true)
        .build();
    server.start();
    LOG.info("embedded Redis ready on 127.0.0.1:{}", port);
    return new EmbeddedRedis(server, port);
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  @Override
  public void close() throws IOException {
    server.stop();
  }
}
