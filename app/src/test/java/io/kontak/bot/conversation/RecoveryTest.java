package io.kontak.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontak.core.db.PostgresUrl;
import io.kontak.core.testing.TestServices;
import io.kontak.whatsapp.WhatsAppTestNode;
import io.kontak.whatsapp.fake.FakeGraphApi;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Messages stored but never processed (the node died after answering Meta 200) are answered
 * after a restart, each exactly once.
 */
class RecoveryTest {
  @Test
  void storedButUnprocessedMessagesAreAnsweredOnceAfterARestart() {
    Vertx metaSide = Vertx.vertx();
    try {
      FakeGraphApi graph = FakeGraphApi.start(metaSide, WhatsAppTestNode.ACCESS_TOKEN).await();
      PostgresUrl database = TestServices.freshDatabase();

      // A node that stores what Meta delivers but dies before its engine handles any of it.
      var crashed = new WhatsAppTestNode(database, graph, Map.of("KONTAK_CONVERSATION_ENGINE", "false"));
      Citizen a = new Citizen(crashed, "6281299900001");
      Citizen b = new Citizen(crashed, "6281299900002");
      a.says("halo");
      b.says("hello");
      a.says("terima kasih");
      assertThat(crashed.count("SELECT count(*) FROM wa_inbound WHERE processed_at IS NULL")).isEqualTo(3);
      crashed.close();
      assertThat(graph.accepted()).isEmpty();

      try (var restarted = new WhatsAppTestNode(database, graph, Map.of("KONTAK_SWEEP_SECONDS", "1"))) {
        await().atMost(Duration.ofSeconds(20)).until(() ->
            restarted.count("SELECT count(*) FROM wa_inbound WHERE processed_at IS NULL") == 0);
        await().atMost(Duration.ofSeconds(20)).until(() ->
            restarted.count("SELECT count(*) FROM wa_outbox WHERE state = 'sent' AND kind <> 'mark_read'") == 3);
        // later traffic (and the sweeps meanwhile) must not answer anything twice
        Citizen c = new Citizen(restarted, "6281299900003");
        c.says("halo");
        await().atMost(Duration.ofSeconds(20)).until(() -> c.replies().size() == 1);
        assertThat(restarted.count("SELECT count(*) FROM wa_outbox WHERE kind <> 'mark_read'")).isEqualTo(4);
        assertThat(new Citizen(restarted, "6281299900001").replies()).hasSize(2);
        assertThat(new Citizen(restarted, "6281299900002").replies()).hasSize(1);
      }
    } finally {
      metaSide.close().await();
    }
  }
}
