package io.kontak.bot.conversation;

import static io.kontak.bot.conversation.ConversationTest.awaitReplies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontak.whatsapp.WhatsAppTestNode;
import io.kontak.whatsapp.outbox.OutboundMessage;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Replies past Meta's 24-hour window become the configured reopening template, once. */
class ReplyWindowTest {
  @AutoClose
  static WhatsAppTestNode node;

  @BeforeAll
  static void start() {
    node = WhatsAppTestNode.withFakeMeta(
        Map.of("KONTAK_DEMO_REGISTRY", "true", "KONTAK_REOPEN_TEMPLATE", "kontak_reopen"));
  }

  @Test
  void messagesAnsweredAfterTheWindowGetOneTemplateInstead() {
    Citizen late = new Citizen(node, "6281277700001");
    late.sayAt(Instant.now().minus(Duration.ofHours(30)), "halo min", "kilaumodal legal gak?");
    await().atMost(Duration.ofSeconds(20)).until(() -> node.count(
        "SELECT count(*) FROM wa_inbound WHERE citizen = $1 AND processed_at IS NOT NULL", "wa:" + late.waId) == 2);

    assertThat(node.count("SELECT count(*) FROM wa_outbox WHERE citizen = $1", "wa:" + late.waId)).isEqualTo(1);
    JsonObject sent = awaitReplies(late, 1).getFirst();
    assertThat(sent.getString("type")).isEqualTo("template");
    assertThat(sent.getJsonObject("template").getString("name")).isEqualTo("kontak_reopen");
    assertThat(sent.getJsonObject("template").getJsonObject("language").getString("code")).isEqualTo("id");
  }

  @Test
  void messagesInsideTheWindowGetTheirAnswer() {
    Citizen onTime = new Citizen(node, "6281277700002");
    onTime.sayAt(Instant.now().minus(Duration.ofHours(23)), "is kilaumodal.id legit?");
    JsonObject sent = awaitReplies(onTime, 1).getFirst();
    assertThat(sent.getString("type")).isNotEqualTo("template");
    assertThat(Citizen.text(sent)).contains("PT Kilau Modal Teknologi");
  }

  @Test
  void theWindowClosesFiveMinutesEarlyAndOnlyWithATemplate() {
    Instant now = Instant.parse("2026-11-23T12:00:00Z");
    ReplyWindow window = new ReplyWindow(Optional.of("kontak_reopen"), Clock.fixed(now, ZoneOffset.UTC));
    assertThat(window.closed(now.minus(Duration.ofHours(23)).minus(Duration.ofMinutes(54)))).isFalse();
    assertThat(window.closed(now.minus(Duration.ofHours(23)).minus(Duration.ofMinutes(56)))).isTrue();
    assertThat(window.reopening("es")).isEqualTo(new OutboundMessage.Template("kontak_reopen", "es", List.of()));
    assertThat(new ReplyWindow(Optional.empty(), Clock.fixed(now, ZoneOffset.UTC)).closed(now.minus(Duration.ofDays(6))))
        .as("without a template the reply goes out and Meta's 131047 reaches the desk").isFalse();
  }
}
