package io.kontak.whatsapp.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontak.core.conversation.CitizenId;
import io.kontak.whatsapp.Fixtures;
import io.kontak.whatsapp.WhatsAppTestNode;
import io.kontak.whatsapp.fake.FakeGraphApi;
import io.vertx.core.Vertx;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stored-but-unprocessed messages as the engine's work queue. */
class InboundQueueTest {
  Vertx metaSide;
  WhatsAppTestNode node;

  @BeforeEach
  void start() {
    metaSide = Vertx.vertx();
    node = WhatsAppTestNode.start(FakeGraphApi.start(metaSide, WhatsAppTestNode.ACCESS_TOKEN).await(),
        // no conversation engine: this test plays the engine's part on the queue
        Map.of("KONTAK_CONVERSATION_ENGINE", "false"));
  }

  @AfterEach
  void stop() {
    node.close();
    metaSide.close().await();
  }

  @Test
  void unprocessedMessagesComeInArrivalOrderUntilMarkedProcessed() {
    node.deliver(Fixtures.messages(Fixtures.TEXT, Fixtures.IMAGE));
    node.deliver(Fixtures.envelope("""
        "messages":[{"from":"6281200000077","id":"wamid.OTHER","timestamp":"1767225600","type":"text","text":{"body":"x"}}]"""));

    assertThat(InboundQueue.unprocessed(node.sql, 10).await()).extracting(s -> s.message().wamid())
        .containsExactly("wamid.FX_TEXT_01", "wamid.FX_IMG_01", "wamid.OTHER");
    assertThat(InboundQueue.unprocessed(node.sql, CitizenId.ofWaId(Fixtures.CITIZEN), 10).await())
        .extracting(s -> s.message().kind()).containsExactly("text", "image");

    assertThat(InboundQueue.markProcessed(node.sql, "wamid.FX_TEXT_01").await()).isTrue();
    assertThat(InboundQueue.markProcessed(node.sql, "wamid.FX_TEXT_01").await()).isFalse();
    assertThat(InboundQueue.markProcessed(node.sql, "wamid.NOPE").await()).isFalse();
    assertThat(InboundQueue.unprocessed(node.sql, 10).await()).extracting(s -> s.message().wamid())
        .containsExactly("wamid.FX_IMG_01", "wamid.OTHER");
    assertThat(InboundQueue.load(node.sql, "wamid.FX_TEXT_01").await().orElseThrow().processedAt()).isPresent();

    // a redelivery of a processed message neither re-queues nor re-announces it
    node.deliver(Fixtures.messages(Fixtures.TEXT));
    assertThat(InboundQueue.unprocessed(node.sql, 10).await()).hasSize(2);
  }
}
