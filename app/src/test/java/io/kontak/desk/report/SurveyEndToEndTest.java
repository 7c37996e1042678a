package io.kontak.desk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontak.whatsapp.WhatsAppTestNode;
import io.kontak.whatsapp.WhatsAppTestNode.DeskSession;
import io.kontak.whatsapp.fake.CloudApiDelivery;
import io.kontak.whatsapp.fake.FakeGraphApi;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The end-of-chat survey on a whole node: citizens through the signed webhook, an agent through the
 * desk API, the survey and the thanks as the fake Graph API received them, the answers in
 * {@code conversation_outcome} and in {@code /api/reports/resolution}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SurveyEndToEndTest {
  static final String PASSWORD = "correct horse battery";
  @AutoClose
  static WhatsAppTestNode node;

  @BeforeAll
  static void start() {
    node = WhatsAppTestNode.withFakeMeta(Map.of("KONTAK_DEMO_REGISTRY", "true", "KONTAK_DESK_TIMER_MS", "3600000",
        "KONTAK_DESK_QUEUE_NOTICES", "false", "KONTAK_SURVEY_BOT", "nps", "KONTAK_SURVEY_AGENT", "csat",
        "KONTAK_SWEEP_SECONDS", "1"));
  }

  @Test
  @Order(1)
  void endingsAreSurveyedAndAnswersAreRecordedOnceWithoutOpeningConversations() {
    // an agent answers and closes: CSAT as a list in the citizen's language (Spanish)
    DeskSession ani = node.availableAgent("ani", PASSWORD);
    String maria = "6281600000001";
    long helped = handedToAgent(maria, "¿Ahorro Andino está registrada?", "Hablar con agente");
    assertThat(ani.call("POST", "/api/desk/chats/" + helped + "/messages", new JsonObject().put("text", "Hola, soy Ani"))
        .statusCode()).isEqualTo(202);
    assertThat(ani.call("POST", "/api/desk/chats/" + helped + "/close", new JsonObject().put("resolution", "answered"))
        .statusCode()).isEqualTo(200);
    JsonObject csat = awaitReply(maria, SurveyEndToEndTest::isSurvey);
    JsonObject list = csat.getJsonObject("interactive");
    assertThat(list.getString("type")).isEqualTo("list");
    assertThat(list.getJsonObject("body").getString("text")).startsWith("Esta conversación ha terminado");
    JsonArray rows = list.getJsonObject("action").getJsonArray("sections").getJsonObject(0).getJsonArray("rows");
    assertThat(rows.stream().map(r -> ((JsonObject) r).getString("id")).toList()).containsExactly(
        "survey:" + helped + ":csat:5", "survey:" + helped + ":csat:4", "survey:" + helped + ":csat:3",
        "survey:" + helped + ":csat:2", "survey:" + helped + ":csat:1");

    // the tap is recorded on the ended conversation and thanked; delivered twice, tapped again: once
    String answer = delivery(maria, tap(maria, "list_reply", "survey:" + helped + ":csat:4", "4 - Satisfecho"));
    assertThat(node.deliver(answer).statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(20)).until(() -> outcome(helped).getValue("csat") != null);
    assertThat(node.deliver(answer).statusCode()).isEqualTo(200);
    String again = taps(maria, "list_reply", "survey:" + helped + ":csat:1", "1 - Muy insatisfecho");
    awaitProcessed(again);
    Row rated = outcome(helped);
    assertThat(rated.getInteger("csat")).isEqualTo(4);
    assertThat(rated.getString("outcome")).isEqualTo("resolved_by_agent");
    assertThat(rated.getValue("survey_at")).isNotNull();
    assertThat(conversations(maria)).isEqualTo(1);
    assertThat(replies(maria).stream().filter(r -> text(r).startsWith("¡Gracias por tu calificación!"))).hasSize(1);

    // the bot resolves alone: NPS in Indonesian; a bare number answers it
    String budi = "6281600000002";
    says(budi, "halo min");
    node.awaitBotAnswers(budi, 1);
    says(budi, "terima kasih");
    JsonObject nps = awaitReply(budi, SurveyEndToEndTest::isSurvey).getJsonObject("interactive");
    assertThat(nps.getJsonObject("body").getString("text")).startsWith("Seberapa besar kemungkinan");
    assertThat(nps.getJsonObject("action").getJsonArray("sections").getJsonObject(0).getJsonArray("rows")).hasSize(10);
    long resolved = node.rows("SELECT id FROM conversation WHERE citizen = $1", "wa:" + budi).getFirst().getLong(0);
    says(budi, "9");
    await().atMost(Duration.ofSeconds(20)).until(() -> outcome(resolved).getValue("nps") != null);
    assertThat(outcome(resolved).getInteger("nps")).isEqualTo(9);
    awaitReply(budi, r -> text(r).startsWith("Terima kasih atas penilaian Anda"));
    assertThat(conversations(budi)).isEqualTo(1);
    assertThat(outcome(resolved).getString("outcome")).isEqualTo("resolved_by_bot");  // not reopened

    // no answer is fine; anything else after the survey is a new message as usual
    String citra = "6281600000003";
    says(citra, "halo min");
    node.awaitBotAnswers(citra, 1);
    says(citra, "terima kasih");
    awaitReply(citra, SurveyEndToEndTest::isSurvey);
    long unanswered = node.rows("SELECT id FROM conversation WHERE citizen = $1", "wa:" + citra).getFirst().getLong(0);
    says(citra, "apakah kilaumodal legal?");
    await().atMost(Duration.ofSeconds(20)).until(() -> node.count(
        "SELECT count(*) FROM conversation WHERE citizen = $1 AND status <> 'closed' AND bot_answers >= 1",
        "wa:" + citra) == 1);
    assertThat(conversations(citra)).isEqualTo(2);
    assertThat(outcome(unanswered).getValue("nps")).isNull();
    assertThat(outcome(unanswered).getValue("survey_at")).isNull();
    assertThat(outcome(unanswered).getString("survey")).isEqualTo("nps");

    // the report counts exactly the two answers
    String today = LocalDate.now(ZoneId.of("Asia/Jakarta")).toString();
    JsonObject report = new JsonObject(node.staff("GET", "/api/reports/resolution?from=" + today + "&to=" + today, null)
        .body());
    assertThat(report.getJsonObject("csat").getInteger("answers")).isEqualTo(1);
    assertThat(report.getJsonObject("csat").getDouble("average")).isEqualTo(4.0);
    assertThat(report.getJsonObject("csat").getDouble("satisfied_share")).isEqualTo(1.0);
    assertThat(report.getJsonObject("nps").getInteger("answers")).isEqualTo(1);
    assertThat(report.getJsonObject("nps").getInteger("promoters")).isEqualTo(1);
    assertThat(report.getJsonObject("nps").getNumber("score").doubleValue()).isEqualTo(100.0);
    ani.status("away");
  }

  /** Runs after the first (whose report counts exactly its own answers). */
  @Test
  @Order(2)
  void theIdleSweepsEndingAndABotEndingAfterAnAgentAreSurveyedToo() {
    // silent for longer than the idle timeout: the sweep ends it as the bot's resolution and asks for NPS
    String dewi = "6281600000004";
    says(dewi, "halo min");
    node.awaitBotAnswers(dewi, 1);
    long idle = node.rows("SELECT id FROM conversation WHERE citizen = $1", "wa:" + dewi).getFirst().getLong(0);
    node.rows("UPDATE conversation SET last_activity_at = now() - interval '2 hours' WHERE id = $1 RETURNING id", idle);
    JsonObject nps = awaitReply(dewi, SurveyEndToEndTest::isSurvey).getJsonObject("interactive");
    assertThat(nps.getJsonObject("action").getJsonArray("sections").getJsonObject(0).getJsonArray("rows")
        .getJsonObject(0).getString("id")).startsWith("survey:" + idle + ":nps:");
    assertThat(outcome(idle).getString("outcome")).isEqualTo("resolved_by_bot");
    says(dewi, "10");
    await().atMost(Duration.ofSeconds(20)).until(() -> outcome(idle).getValue("nps") != null);
    assertThat(outcome(idle).getInteger("nps")).isEqualTo(10);
    assertThat(conversations(dewi)).isEqualTo(1);

    // an agent answers and hands the chat back to the bot, which ends it on "thanks": a human took
    // part, so it is the agent's resolution and the agent's survey (CSAT) is sent
    DeskSession eko = node.availableAgent("eko", PASSWORD);
    String fajar = "6281600000005";
    long returned = handedToAgent(fajar, "halo min", "Petugas");
    assertThat(eko.call("POST", "/api/desk/chats/" + returned + "/messages",
        new JsonObject().put("text", "Sudah saya cek, terdaftar.")).statusCode()).isEqualTo(202);
    assertThat(eko.call("POST", "/api/desk/chats/" + returned + "/return-to-bot", null).statusCode()).isEqualTo(200);
    eko.status("away");
    node.awaitStatus(fajar, "bot");
    says(fajar, "terima kasih");
    JsonObject csat = awaitReply(fajar, SurveyEndToEndTest::isSurvey).getJsonObject("interactive");
    assertThat(csat.getJsonObject("action").getJsonArray("sections").getJsonObject(0).getJsonArray("rows")
        .getJsonObject(0).getString("id")).isEqualTo("survey:" + returned + ":csat:5");
    assertThat(outcome(returned).getString("outcome")).isEqualTo("resolved_by_agent");
    taps(fajar, "list_reply", "survey:" + returned + ":csat:5", "5 - Sangat puas");
    await().atMost(Duration.ofSeconds(20)).until(() -> outcome(returned).getValue("csat") != null);
    assertThat(outcome(returned).getInteger("csat")).isEqualTo(5);
    assertThat(conversations(fajar)).isEqualTo(1);
  }

  /** The citizen writes, is answered, taps the menu's "talk to an agent" and is given to an available agent. */
  static long handedToAgent(String waId, String text, String buttonTitle) {
    says(waId, text);
    node.awaitBotAnswers(waId, 1);
    taps(waId, "button_reply", "menu:agent", buttonTitle);
    return node.awaitStatus(waId, "with_agent");
  }

  static String says(String waId, String text) {
    String wamid = node.nextWamid(waId);
    assertThat(node.deliver(delivery(waId, CloudApiDelivery.text(waId, wamid, now(), text))).statusCode())
        .isEqualTo(200);
    return wamid;
  }

  static String taps(String waId, String type, String id, String title) {
    JsonObject message = tap(waId, type, id, title);
    assertThat(node.deliver(delivery(waId, message)).statusCode()).isEqualTo(200);
    return message.getString("id");
  }

  static JsonObject tap(String waId, String type, String id, String title) {
    return CloudApiDelivery.reply(waId, node.nextWamid(waId), now(), type, id, title, Optional.empty());
  }

  static String delivery(String waId, JsonObject message) {
    return CloudApiDelivery.to("WABA-1", "15550001111", WhatsAppTestNode.PHONE_NUMBER_ID).contact(waId, "Warga")
        .message(message).encode();
  }

  static long now() {
    return System.currentTimeMillis() / 1000;
  }

  static void awaitProcessed(String wamid) {
    await().atMost(Duration.ofSeconds(20)).until(() -> node.count(
        "SELECT count(*) FROM wa_inbound WHERE wamid = $1 AND processed_at IS NOT NULL", wamid) == 1);
  }

  static Row outcome(long conversation) {
    return node.rows("SELECT outcome, csat, nps, survey, survey_at FROM conversation_outcome WHERE conversation_id = $1",
        conversation).getFirst();
  }

  static long conversations(String waId) {
    return node.count("SELECT count(*) FROM conversation WHERE citizen = $1", "wa:" + waId);
  }

  static List<JsonObject> replies(String waId) {
    return node.graph.accepted().stream().map(FakeGraphApi.Request::body).filter(b -> waId.equals(b.getString("to")))
        .toList();
  }

  static JsonObject awaitReply(String waId, java.util.function.Predicate<JsonObject> wanted) {
    return await().atMost(Duration.ofSeconds(20)).until(() -> replies(waId).stream().filter(wanted).findFirst(),
        Optional::isPresent).orElseThrow();
  }

  /** A list whose rows are survey answers (the greeting menu is interactive too). */
  static boolean isSurvey(JsonObject reply) {
    JsonObject interactive = reply.getJsonObject("interactive");
    return interactive != null && "list".equals(interactive.getString("type"))
        && interactive.getJsonObject("action").getJsonArray("sections").getJsonObject(0).getJsonArray("rows")
            .getJsonObject(0).getString("id").startsWith("survey:");
  }

  static String text(JsonObject reply) {
    return switch (reply.getString("type")) {
      case "text" -> reply.getJsonObject("text").getString("body");
      case "interactive" -> reply.getJsonObject("interactive").getJsonObject("body").getString("text");
      default -> reply.encode();
    };
  }
}
