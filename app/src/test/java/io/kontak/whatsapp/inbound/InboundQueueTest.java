package io.kontak.whatsapp.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontak.core.conversation.CitizenId;
import io.kontak.whatsapp.Fixtures;
import io.kontak.whatsapp.WhatsAppTestNode;
import io.vertx.core.Vertx;
import java.util.List;
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
    // no conversation engine: this test plays the engine's part on the queue
    node = WhatsAppTestNode.withoutEngine(metaSide);
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

    assertThat(InboundQueue.sweep(node.sql, 10).await()).extracting(s -> s.message().wamid())
        .containsExactly("wamid.FX_TEXT_01", "wamid.FX_IMG_01", "wamid.OTHER");
    assertThat(InboundQueue.unprocessed(node.sql, CitizenId.ofWaId(Fixtures.CITIZEN), 10).await())
        .extracting(s -> s.message().kind()).containsExactly("text", "image");

    assertThat(InboundQueue.markProcessed(node.sql, "wamid.FX_TEXT_01").await()).isTrue();
    assertThat(InboundQueue.markProcessed(node.sql, "wamid.FX_TEXT_01").await()).isFalse();
    assertThat(InboundQueue.markProcessed(node.sql, "wamid.NOPE").await()).isFalse();
    assertThat(InboundQueue.sweep(node.sql, 10).await()).extracting(s -> s.message().wamid())
        .containsExactly("wamid.FX_IMG_01", "wamid.OTHER");
    assertThat(InboundQueue.load(node.sql, "wamid.FX_TEXT_01").await().orElseThrow().processedAt()).isPresent();

    // a redelivery of a processed message neither re-queues nor re-announces it
    node.deliver(Fixtures.messages(Fixtures.TEXT));
    assertThat(InboundQueue.sweep(node.sql, 10).await()).hasSize(2);
  }

  @Test
  void theSweepWatermarkPassesOnlyMessagesProcessedLongAgo() {
    node.deliver(Fixtures.messages(Fixtures.TEXT, Fixtures.IMAGE, Fixtures.AUDIO));
    long first = node.count("SELECT min(seq) FROM wa_inbound");
    long last = node.count("SELECT max(seq) FROM wa_inbound");

    // processed but just received: a lower seq could in principle still be committing
    InboundQueue.markProcessed(node.sql, "wamid.FX_TEXT_01").await();
    assertThat(InboundQueue.sweep(node.sql, 10).await()).hasSize(2);
    assertThat(settledSeq()).isLessThan(first);

    // received long ago: the watermark moves up to just below the first message still unprocessed
    node.sql.query("UPDATE wa_inbound SET received_at = received_at - interval '10 minutes'").execute().await();
    assertThat(InboundQueue.sweep(node.sql, 10).await()).extracting(s -> s.message().wamid())
        .containsExactly("wamid.FX_IMG_01", "wamid.FX_AUD_01");
    assertThat(settledSeq()).isEqualTo(first);

    // and past everything once all is processed; a later message is still found above it
    InboundQueue.markProcessed(node.sql, List.of("wamid.FX_IMG_01", "wamid.FX_AUD_01")).await();
    assertThat(InboundQueue.sweep(node.sql, 10).await()).isEmpty();
    assertThat(settledSeq()).isEqualTo(last);
    node.deliver(Fixtures.envelope("""
        "messages":[{"from":"6281200000077","id":"wamid.LATER","timestamp":"1767225600","type":"text","text":{"body":"x"}}]"""));
    assertThat(InboundQueue.sweep(node.sql, 10).await()).extracting(s -> s.message().wamid())
        .containsExactly("wamid.LATER");
    assertThat(settledSeq()).isEqualTo(last);
  }

  private long settledSeq() {
    return node.count("SELECT settled_seq FROM wa_inbound_sweep");
  }
}
