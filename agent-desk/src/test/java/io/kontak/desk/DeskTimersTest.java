package io.kontak.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The desk's timers on real Postgres, run on demand: the queue's own timeout. */
class DeskTimersTest {
  @Test
  void theQueueKeepsARequestUntilTheDesksOwnTimeoutThenItIsAbandoned() {
    try (var node = new DeskTestNode(Map.of("KONTAK_DESK_QUEUE_ABANDON_HOURS", "24"))) {
      long stale = node.handoff("halo, ada petugas?", 0);
      long waiting = node.handoff("halo juga", 0);
      node.sql("UPDATE conversation SET last_activity_at = now() - interval '25 hours' WHERE id = $1", stale);
      node.sql("UPDATE conversation SET last_activity_at = now() - interval '23 hours' WHERE id = $1", waiting);

      node.desk.runTimers().await();

      assertThat(node.statusOf(stale)).isEqualTo("closed");
      var outcome = node.sql("SELECT outcome, resolution FROM conversation_outcome WHERE conversation_id = $1", stale)
          .iterator().next();
      assertThat(outcome.getString("outcome")).isEqualTo("abandoned");
      assertThat(outcome.getString("resolution")).isNull();
      assertThat(node.sql("SELECT kind FROM desk_event WHERE conversation_id = $1", stale).stream()
          .map(r -> r.getString("kind")).toList()).containsExactly("abandoned");
      assertThat(node.statusOf(waiting)).isEqualTo("queued");
      assertThat(node.queue().stream().map(o -> ((JsonObject) o).getLong("conversation"))).containsExactly(waiting);
    }
  }
}
