package io.kontak.core.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Redis server orphaned by a killed run is replaced by the next start on the same directory. */
class EmbeddedRedisTest {
  @Test
  void aLeftoverServerIsStoppedAndItsDataKept(@TempDir Path home) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      // A run killed with -9 never closes its server; here, one that is simply not closed.
      EmbeddedRedis leftover = EmbeddedRedis.start(home, true);
      api(vertx, leftover).set(List.of("kept", "hello")).await();
      try (EmbeddedRedis next = EmbeddedRedis.start(home, true)) {
        int leftoverPort = URI.create(leftover.url()).getPort();
        assertThatThrownBy(() -> new Socket("127.0.0.1", leftoverPort).close())
            .as("the leftover server still listens").isInstanceOf(ConnectException.class);
        // stopped with SIGTERM, it saved what it had for the new server to load
        assertThat(api(vertx, next).get("kept").await()).hasToString("hello");
        // between stops, a snapshot at most hourly (a snapshot forks and writes the whole dataset)
        assertThat(api(vertx, next).config(List.of("GET", "save")).await().get("save")).hasToString("3600 1");
      } finally {
        leftover.close();
      }
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void aStalePidFileNamingAnotherProcessIsIgnored(@TempDir Path home) throws Exception {
    Process other = new ProcessBuilder("sleep", "120").start();
    try {
      Files.writeString(home.resolve("redis.pid"), other.pid() + "\n");
      try (EmbeddedRedis redis = EmbeddedRedis.start(home, false)) {
        assertThat(redis.url()).startsWith("redis://127.0.0.1:");
        assertThat(other.isAlive()).as("a process that is not our redis-server is left alone").isTrue();
      }
      assertThat(home.resolve("redis.pid")).as("removed by a clean close").doesNotExist();
    } finally {
      other.destroyForcibly();
    }
  }

  private static RedisAPI api(Vertx vertx, EmbeddedRedis server) {
    return RedisAPI.api(Redis.createClient(vertx, server.url()));
  }
}
