package io.kontak.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontak.core.conversation.CitizenId;
import io.kontak.core.db.Database;
import io.kontak.core.testing.TestServices;
import io.kontak.whatsapp.outbox.OutboundMessage;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The channel opens the pools only it uses (the webhook's intake, the sender's settling) and closes them. */
class ChannelPoolsTest {
  Vertx metaSide;
  Pool admin;

  @BeforeEach
  void start() {
    metaSide = Vertx.vertx();
    admin = Database.pool(metaSide, TestServices.endpoints().admin(), 1);
  }

  @AfterEach
  void stop() {
    admin.close().await();
    metaSide.close().await();
  }

  @Test
  void closingTheNodeClosesEveryConnectionItsChannelOpened() {
    WhatsAppTestNode node = WhatsAppTestNode.withoutEngine(metaSide);
    try {
      // the intake pool stores the delivery, the settling pool marks the reply sent
      assertThat(node.deliver(Fixtures.messages(Fixtures.TEXT)).statusCode()).isEqualTo(200);
      long id = node.node.whatsapp().outbox().send(node.sql, CitizenId.ofWaId(Fixtures.CITIZEN),
          OutboundMessage.text("Halo")).await();
      await().atMost(Duration.ofSeconds(10))
          .until(() -> node.count("SELECT count(*) FROM wa_outbox WHERE id = $1 AND state = 'sent'", id) == 1);
      assertThat(connections(node)).isGreaterThanOrEqualTo(3);

      node.sql.close().await();
      node.node.close().await();
      await().atMost(Duration.ofSeconds(10)).until(() -> connections(node) == 0);
    } finally {
      node.vertx.close().await();
    }
  }

  private long connections(WhatsAppTestNode node) {
    return admin.preparedQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = $1")
        .execute(Tuple.of(node.database.database())).await().iterator().next().getLong(0);
  }
}
