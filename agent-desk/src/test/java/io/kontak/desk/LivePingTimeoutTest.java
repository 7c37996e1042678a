package io.kontak.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The live channel closes a socket whose browser stopped pinging, after the configured timeout, and only that one. */
class LivePingTimeoutTest {
  @Test
  void aSilentSocketIsClosedAfterThePingTimeoutAPingingOneStays() {
    try (var node = new DeskTestNode(Map.of("KONTAK_DESK_LIVE_PING_TIMEOUT_SECONDS", "2",
        "KONTAK_DESK_PRESENCE_GRACE_SECONDS", "30"))) {
      Browser ana = node.availableAgent("ana", 4);
      LiveSocket silent = LiveSocket.open(node, ana.cookie());  // closed by the node
      try (var pinging = LiveSocket.open(node, ana.cookie())) {
        AtomicBoolean silentClosed = new AtomicBoolean();
        AtomicBoolean pingingClosed = new AtomicBoolean();
        silent.socket.closeHandler(v -> silentClosed.set(true));
        pinging.socket.closeHandler(v -> pingingClosed.set(true));
        String ping = new JsonObject().put("type", "ping").encode();
        long timer = node.vertx.setPeriodic(500, id -> pinging.socket.writeTextMessage(ping));
        try {
          long opened = System.nanoTime();
          await().atMost(Duration.ofSeconds(15)).untilTrue(silentClosed);
          // not before the timeout: the bridge measures from the last ping (here: the socket's opening)
          assertThat(Duration.ofNanos(System.nanoTime() - opened)).isGreaterThanOrEqualTo(Duration.ofMillis(1_900));
          assertThat(pingingClosed).isFalse();
          pinging.register("kontak.desk.agent.ana");
          await().atMost(Duration.ofSeconds(10)).until(() -> !pinging.events("kontak.desk.agent.ana", "queue").isEmpty());
          assertThat(pingingClosed).isFalse();
          // (also keeps the silent socket's client reachable: Vert.x closes a client the GC collects)
          assertThat(silent.socket.isClosed()).isTrue();
        } finally {
          node.vertx.cancelTimer(timer);
        }
      }
    }
  }
}
