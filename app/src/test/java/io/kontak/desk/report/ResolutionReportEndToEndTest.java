package io.kontak.desk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.kontak.whatsapp.Fixtures;
import io.kontak.whatsapp.WhatsAppTestNode;
import io.kontak.whatsapp.WhatsAppTestNode.DeskSession;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scripted citizens through the real webhook (bot, trained NLU, demo registry) and an agent through
 * the real desk API; {@code /api/reports/resolution} must count exactly what happened.
 */
class ResolutionReportEndToEndTest {
  static final String PASSWORD = "correct horse battery";
  @AutoClose
  static WhatsAppTestNode node;

  @BeforeAll
  static void start() {
    node = WhatsAppTestNode.withFakeMeta(Map.of("KONTAK_DEMO_REGISTRY", "true", "KONTAK_TIMEZONE", "Asia/Jakarta",
        "KONTAK_DESK_TIMER_MS", "3600000", "KONTAK_DESK_QUEUE_NOTICES", "false", "KONTAK_REPORT_METRICS_SECONDS", "1"));
  }

  @Test
  void scriptedConversationsGiveExactlyTheExpectedFigures() {
    // a registration check the bot answers, then thanks: resolved by the bot
    says("6281500000001", "min, kilaumodal legal gak?");
    node.awaitBotAnswers("6281500000001", 1);
    says("6281500000001", "terima kasih");
    awaitOutcome("6281500000001", "resolved_by_bot");

    // thanks, then back within the reopen window: the first conversation was not a resolution
    says("6281500000002", "halo min");
    node.awaitBotAnswers("6281500000002", 1);
    says("6281500000002", "terima kasih");
    awaitOutcome("6281500000002", "resolved_by_bot");
    says("6281500000002", "halo lagi");
    awaitOutcome("6281500000002", "reopened");

    // asks for a person while the only agent is away; a supervisor closes it unanswered: abandoned
    node.staff("POST", "/api/desk/users", new JsonObject().put("username", "ani").put("password", PASSWORD)
        .put("role", "agent").put("capacity", 4));
    node.staff("POST", "/api/desk/users", new JsonObject().put("username", "sari").put("password", PASSWORD)
        .put("role", "supervisor"));
    DeskSession sari = node.signIn("sari", PASSWORD);
    says("6281500000003", "halo");
    node.awaitBotAnswers("6281500000003", 1);
    taps("6281500000003", "menu:agent", "Petugas");
    long left = node.awaitStatus("6281500000003", "queued");
    assertThat(sari.call("POST", "/api/desk/chats/" + left + "/close", new JsonObject().put("resolution", "no_response"))
        .statusCode()).isEqualTo(200);
    awaitOutcome("6281500000003", "abandoned");

    // asks for a person, ani (now available) answers and closes: resolved by an agent
    DeskSession ani = node.signIn("ani", PASSWORD);
    ani.status("available");
    says("6281500000004", "halo");
    node.awaitBotAnswers("6281500000004", 1);
    taps("6281500000004", "menu:agent", "Petugas");
    long helped = node.awaitStatus("6281500000004", "with_agent");
    assertThat(ani.call("POST", "/api/desk/chats/" + helped + "/messages", new JsonObject().put("text", "Halo, saya Ani"))
        .statusCode()).isEqualTo(202);
    assertThat(ani.call("POST", "/api/desk/chats/" + helped + "/close", new JsonObject().put("resolution", "answered"))
        .statusCode()).isEqualTo(200);
    awaitOutcome("6281500000004", "resolved_by_agent");
    ani.status("away");

    String today = LocalDate.now(ZoneId.of("Asia/Jakarta")).toString();
    String query = "/api/reports/resolution?from=" + today + "&to=" + today;
    HttpResponse<String> response = node.staff("GET", query, null);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject r = new JsonObject(response.body());
    assertThat(r.getLong("conversations")).isEqualTo(4);
    assertThat(r.getLong("entered_bot")).isEqualTo(4);
    assertThat(r.getLong("resolved_by_bot")).isEqualTo(1);
    assertThat(r.getDouble("bot_resolution_rate")).isEqualTo(0.25);
    assertThat(r.getLong("handed_off")).isEqualTo(2);
    assertThat(r.getDouble("handoff_rate")).isEqualTo(0.5);
    assertThat(r.getLong("resolved_by_agent")).isEqualTo(1);
    assertThat(r.getDouble("combined_resolution_rate")).isEqualTo(0.5);
    assertThat(r.getLong("abandoned")).isEqualTo(1);
    assertThat(r.getDouble("abandonment_rate")).isEqualTo(0.25);
    assertThat(r.getLong("reopened")).isEqualTo(1);
    assertThat(r.getJsonObject("registration").getLong("conversations")).isEqualTo(1);
    assertThat(r.getJsonObject("registration").getDouble("bot_resolution_rate")).isEqualTo(1.0);
    assertThat(r.getJsonObject("handoff_reasons")).isEqualTo(new JsonObject().put("requested", 2));
    // ani held one chat for part of the time she was available
    double heldOverAvailable = node.rows("""
        SELECT extract(epoch FROM max(e.at) FILTER (WHERE e.kind = 'closed') - min(e.at) FILTER (WHERE e.kind = 'assigned'))
               / (SELECT extract(epoch FROM max(p.at) FILTER (WHERE p.status = 'away')
                                           - max(p.at) FILTER (WHERE p.status = 'available'))
                    FROM desk_presence p JOIN desk_account a ON a.id = p.agent WHERE a.username = 'ani')
          FROM desk_event e WHERE e.conversation_id = $1""", helped).getFirst().getDouble(0);
    assertThat(heldOverAvailable).isStrictlyBetween(0.0, 1.0);
    assertThat(r.getDouble("agent_concurrency")).isCloseTo(heldOverAvailable, within(1e-9));
    var helpedOutcome = node.rows("SELECT wait_seconds, first_response_seconds FROM conversation_outcome"
        + " WHERE conversation_id = $1", helped).getFirst();
    assertThat(r.getJsonObject("first_response_seconds").getInteger("p50")).isEqualTo(helpedOutcome.getInteger(1));
    assertThat(r.getJsonObject("queue_wait_seconds").getInteger("p90"))
        .isEqualTo(node.rows("SELECT max(wait_seconds) FROM conversation_outcome").getFirst().getInteger(0));

    HttpResponse<String> csv = node.staff("GET", query + "&format=csv", null);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(csv.body()).startsWith("breakdown,key,metric,value\n")
        .contains("total,,bot_resolution_rate,0.25\n", "registration,,conversations,1\n",
            "volume_by_day," + today + ",conversations,4\n");
    for (String body : List.of(response.body(), csv.body(), node.get("/metrics").body())) {
      assertThat(body).doesNotContain("62815000000", "Warga");
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> node.get("/metrics").body()
        .contains("kontak_conversations_today{outcome=\"resolved_by_agent\"} 1.0"));
    assertThat(node.get("/metrics").body()).contains("kontak_desk_queue_length", "kontak_handoffs_today{reason=\"requested\"} 2.0");

    // who may read it
    assertThat(node.get(query).statusCode()).isEqualTo(401);
    assertThat(ani.call("GET", query, null).statusCode()).isEqualTo(403);
    assertThat(sari.call("GET", query, null).statusCode()).isEqualTo(200);
    assertThat(node.staff("GET", "/api/reports/resolution?from=2026-02-30", null).statusCode()).isEqualTo(400);
    assertThat(node.staff("GET", "/api/reports/resolution?from=2026-03-10&to=2026-03-01", null).statusCode()).isEqualTo(400);
    assertThat(node.staff("GET", "/api/reports/nothing", null).statusCode()).isEqualTo(404);
  }

  static void says(String waId, String text) {
    String quoted = new JsonArray().add(text).encode();
    deliver(waId, "\"type\":\"text\",\"text\":{\"body\":" + quoted.substring(1, quoted.length() - 1) + "}");
  }

  static void taps(String waId, String id, String title) {
    deliver(waId, "\"type\":\"interactive\",\"interactive\":{\"type\":\"button_reply\",\"button_reply\":{\"id\":\""
        + id + "\",\"title\":\"" + title + "\"}}");
  }

  static void deliver(String waId, String typeAndContent) {
    String message = "{\"from\":\"" + waId + "\",\"id\":\"" + node.nextWamid(waId)
        + "\",\"timestamp\":\"" + (System.currentTimeMillis() / 1000) + "\"," + typeAndContent + "}";
    HttpResponse<String> response = node.deliver(Fixtures.envelope(
        "\"contacts\":[{\"profile\":{\"name\":\"Warga\"},\"wa_id\":\"" + waId + "\"}],\"messages\":[" + message + "]"));
    assertThat(response.statusCode()).isEqualTo(200);
  }

  static void awaitOutcome(String waId, String outcome) {
    await().atMost(Duration.ofSeconds(20)).until(() -> node.count(
        "SELECT count(*) FROM conversation_outcome o JOIN conversation c ON c.id = o.conversation_id"
            + " WHERE c.citizen = $1 AND o.outcome = $2", "wa:" + waId, outcome) == 1);
  }
}
