package io.kontak.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontak.core.bus.Addresses;
import io.kontak.core.redis.RedisUrl;
import io.kontak.core.testing.TestServices;
import io.kontak.whatsapp.WhatsAppTestNode;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import io.vertx.sqlclient.Row;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Citizens talking to the bot end to end: signed deliveries into the real webhook, replies out
 * through the outbox to a fake Graph API, with the demo registry and the trained NLU.
 */
class ConversationTest {
  @AutoClose
  static WhatsAppTestNode node;
  static int nextCitizen = 100;

  @BeforeAll
  static void start() {
    node = WhatsAppTestNode.withFakeMeta(Map.of("KONTAK_DEMO_REGISTRY", "true", "KONTAK_SENDER_RATE_PER_MINUTE", "6",
        "KONTAK_SWEEP_SECONDS", "1"));
  }

  static synchronized Citizen citizen() {
    return new Citizen(node, "62812000" + (nextCitizen++));
  }

  @Test
  void greetingGetsTheMenuInTheCitizensLanguage() {
    Citizen siti = citizen();
    siti.says("halo min selamat pagi");
    JsonObject menu = awaitReplies(siti, 1).get(0);
    assertThat(menu.getString("type")).isEqualTo("interactive");
    assertThat(menu.getJsonObject("interactive").getString("type")).isEqualTo("button");
    assertThat(Citizen.text(menu)).contains("WhatsApp resmi");
    assertThat(menu.getJsonObject("interactive").getJsonObject("action").getJsonArray("buttons")).hasSize(3);

    siti.taps("menu:check", "Cek perusahaan");
    assertThat(Citizen.text(awaitReplies(siti, 2).get(1))).contains("Ketik namanya");

    String metrics = node.get("/metrics").body();
    assertThat(metrics).contains("kontak_outbox_in_flight", "kontak_outbox_handed_over", "kontak_outbox_claim_seconds_total");
    assertThat(sample(metrics, "kontak_outbox_accepted_total")).isGreaterThanOrEqualTo(2);
    // both messages answered (and those of earlier tests on this node), batches timed, nobody left waiting
    assertThat(metrics).contains("kontak_engine_in_batch", "kontak_engine_batch_seconds_total");
    assertThat(sample(metrics, "kontak_engine_messages_total")).isGreaterThanOrEqualTo(2);
    assertThat(sample(metrics, "kontak_engine_batches_total")).isGreaterThanOrEqualTo(2);
    assertThat(sample(metrics, "kontak_engine_failed_batches_total")).isZero();
    assertThat(sample(metrics, "kontak_engine_waiting")).isZero();
  }

  private static double sample(String metrics, String name) {
    return metrics.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
  }

  @Test
  void aLicensedLenderIsConfirmedInIndonesianEnglishAndSpanish() {
    Citizen id = citizen();
    id.says("min, kilaumodal legal gak?");
    assertThat(Citizen.text(awaitReplies(id, 1).get(0))).contains("PT Kilau Modal Teknologi", "terdaftar", "kilaumodal.id");

    Citizen en = citizen();
    en.says("is kilaumodal.id legit?");
    assertThat(Citizen.text(awaitReplies(en, 1).get(0))).contains("PT Kilau Modal Teknologi", "registered with OJK");

    Citizen es = citizen();
    es.says("¿Ahorro Andino está registrada?");
    assertThat(Citizen.text(awaitReplies(es, 1).get(0))).contains("Ahorro Andino", "registrada ante OJK");
  }

  @Test
  void anIllegalEntityGetsAWarningWithAdvice() {
    Citizen c = citizen();
    c.says("apakah Gadai Kilat Sejati terdaftar di ojk?");
    String reply = Citizen.text(awaitReplies(c, 1).get(0));
    assertThat(reply).startsWith("PERINGATAN").contains("Gadai Kilat Sejati", "Jangan transfer");
  }

  @Test
  void aBareLinkIsCheckedWhateverTheWordsAroundIt() {
    Citizen c = citizen();
    c.says("link https://garudaprofit-robot.net/daftar bahaya ga min?");
    assertThat(Citizen.text(awaitReplies(c, 1).get(0))).startsWith("PERINGATAN").contains("Robot Trading Garuda Profit");
  }

  @Test
  void anAmbiguousNameGetsAListAndThePickIsAnswered() {
    Citizen c = citizen();
    c.says("is Dana Lestari registered?");
    JsonObject list = awaitReplies(c, 1).get(0);
    assertThat(list.getJsonObject("interactive").getString("type")).isEqualTo("list");
    var rows = list.getJsonObject("interactive").getJsonObject("action").getJsonArray("sections")
        .getJsonObject(0).getJsonArray("rows");
    assertThat(rows.stream().map(r -> ((JsonObject) r).getString("id"))).contains("pick:DEMO-005", "pick:DEMO-033");

    c.picks("pick:DEMO-033", "Dana Lestari - Pinjaman");
    assertThat(Citizen.text(awaitReplies(c, 2).get(1))).startsWith("WARNING").contains("Do not transfer money");
  }

  @Test
  void anUnknownNameIsNotFoundWithHowToReport() {
    Citizen c = citizen();
    c.says("¿Prestamos Relámpago Feliz está registrada?");
    assertThat(Citizen.text(awaitReplies(c, 1).get(0))).contains("no está en el registro", "denuncia");
  }

  @Test
  void aDuplicateDeliveryIsAnsweredOnce() {
    Citizen c = citizen();
    String message = c.message("wamid.DUP_" + c.waId, "\"type\":\"text\",\"text\":{\"body\":\"halo\"}");
    c.deliver(message);
    c.deliver(message);
    c.deliver(message, message);
    awaitReplies(c, 1);
    c.says("terima kasih");  // a later message is answered after, so the duplicates had their chance
    awaitReplies(c, 2);
    assertThat(c.replies()).hasSize(2);
  }

  @Test
  void nonTextGetsAPoliteNudgeAndReactionsNoReply() {
    Citizen c = citizen();
    c.says("good morning, I want to check whether an online lender is registered");
    awaitReplies(c, 1);
    String image = c.sendsImage();
    assertThat(Citizen.text(awaitReplies(c, 2).get(1))).contains("only read text");
    c.reacts(image);
    c.says("thank you very much for the help");
    List<JsonObject> replies = awaitReplies(c, 3);
    assertThat(Citizen.text(replies.get(2))).contains("You are welcome");
  }

  @Test
  void aFraudReportIsCollectedThenHandedOffWithHighPriority() {
    Citizen c = citizen();
    c.says("saya ditipu investasi bodong, mau lapor");
    assertThat(Citizen.text(awaitReplies(c, 1).get(0))).contains("Ceritakan singkat");
    c.says("Robot Trading Garuda Profit ambil 5 juta dari saya minggu lalu dan tidak bisa ditarik");
    assertThat(Citizen.text(awaitReplies(c, 2).get(1))).contains("laporan Anda sudah dicatat");

    List<io.vertx.sqlclient.Row> conversation = node.rows(
        "SELECT status, handoff_reason, priority FROM conversation WHERE citizen = $1", "wa:" + c.waId);
    assertThat(conversation).singleElement().satisfies(r -> {
      assertThat(r.getString("status")).isEqualTo("queued");
      assertThat(r.getString("handoff_reason")).isEqualTo("fraud_report");
      assertThat(r.getInteger("priority")).isEqualTo(Turn.Handoff.HIGH);
    });
    assertThat(node.count("SELECT count(*) FROM fraud_report WHERE citizen = $1", "wa:" + c.waId)).isEqualTo(1);

    c.says("halo? ada orang?");  // with the desk now: the bot stays quiet
    await().atMost(Duration.ofSeconds(10)).until(() ->
        node.count("SELECT count(*) FROM wa_inbound WHERE citizen = $1 AND processed_at IS NULL", "wa:" + c.waId) == 0);
    assertThat(c.replies()).hasSize(2);
  }

  @Test
  void beingUnsureTwiceOffersAnAgent() {
    Citizen c = citizen();
    c.says("xqzv blorp");
    awaitReplies(c, 1);
    c.says("mmmh zzzt");
    JsonObject offer = awaitReplies(c, 2).get(1);
    assertThat(offer.getJsonObject("interactive").getString("type")).isEqualTo("button");
    c.taps("agent:yes", "Ya, petugas");
    assertThat(Citizen.text(awaitReplies(c, 3).get(2))).contains("Petugas");
    assertThat(node.rows("SELECT status FROM conversation WHERE citizen = $1", "wa:" + c.waId).get(0).getString("status"))
        .isEqualTo("queued");
  }

  @Test
  void thanksClosesTheConversationAsResolvedByTheBot() {
    Citizen c = citizen();
    c.says("is kilaumodal.id legit?");
    awaitReplies(c, 1);
    c.says("ok thank you so much, bye");
    awaitReplies(c, 2);
    await().atMost(Duration.ofSeconds(10)).until(() ->
        node.count("SELECT count(*) FROM conversation_outcome WHERE citizen = $1 AND outcome = 'resolved_by_bot'",
            "wa:" + c.waId) == 1);
    assertThat(node.rows("SELECT first_intent FROM conversation_outcome WHERE citizen = $1", "wa:" + c.waId)
        .get(0).getString("first_intent")).isEqualTo("check_registration");
  }

  @Test
  void aFloodIsStoredButAnsweredOnlyUpToTheLimitWithOneNotice() {
    Citizen c = citizen();
    String[] messages = new String[10];
    for (int i = 0; i < messages.length; i++) {
      messages[i] = c.message("wamid.FLOOD_" + i + "_" + c.waId, "\"type\":\"text\",\"text\":{\"body\":\"halo " + i + "\"}");
    }
    c.deliver(messages);
    await().atMost(Duration.ofSeconds(20)).until(() ->
        node.count("SELECT count(*) FROM wa_inbound WHERE citizen = $1 AND processed_at IS NOT NULL", "wa:" + c.waId) == 10);
    await().atMost(Duration.ofSeconds(10)).until(() -> c.replies().size() >= 7);
    assertThat(node.count("SELECT count(*) FROM wa_outbox WHERE citizen = $1 AND kind <> 'mark_read'", "wa:" + c.waId))
        .isEqualTo(7);  // 6 answers + 1 notice
    assertThat(c.replies().stream().map(Citizen::text).filter(t -> t.contains("banyak pesan"))).hasSize(1);
  }

  @Test
  void askingForAPersonInTheFirstMessageQueuesTheNewConversationWithItsTriage() {
    Citizen c = citizen();
    c.says("sambungkan ke manusia pls");
    awaitReplies(c, 1);
    Row row = node.rows("SELECT id, status, handoff_reason FROM conversation WHERE citizen = $1", "wa:" + c.waId).get(0);
    assertThat(row.getString("status")).isEqualTo("queued");
    await().atMost(Duration.ofSeconds(5)).until(() -> node.events(Addresses.HANDOFF_QUEUED).stream()
        .anyMatch(e -> ("wa:" + c.waId).equals(e.getString("citizen"))));
    JsonObject handoff = node.events(Addresses.HANDOFF_QUEUED).stream()
        .filter(e -> ("wa:" + c.waId).equals(e.getString("citizen"))).findFirst().orElseThrow();
    assertThat(handoff.getLong("conversation")).isEqualTo(row.getLong("id"));
    assertThat(handoff.getString("reason")).isEqualTo(row.getString("handoff_reason"));
    assertThat(handoff.getString("language")).isEqualTo("id");
    assertThat(handoff.getJsonArray("intents")).contains("human_agent");
  }

  @Test
  void theHotStateIsKeptInRedisAndAStaleCopyNeverAnswersForTheDesk() {
    Citizen c = citizen();
    String key = node.redisPrefix + "conversation:wa:" + c.waId;
    RedisAPI redis = RedisUrl.api(RedisUrl.client(node.vertx, TestServices.endpoints().redisUrl()));
    c.says("halo min");
    awaitReplies(c, 1);
    await().atMost(Duration.ofSeconds(5)).until(() -> redis.get(key).await() != null);
    JsonObject cached = new JsonObject(redis.get(key).await().toString());
    Row row = node.rows("SELECT id, version FROM conversation WHERE citizen = $1", "wa:" + c.waId).get(0);
    assertThat(cached.getLong("id")).isEqualTo(row.getLong("id"));
    assertThat(cached.getLong("version")).isEqualTo(row.getLong("version"));
    assertThat(cached.getString("status")).isEqualTo("BOT");
    assertThat(cached.getJsonObject("state").getString("language")).isEqualTo("id");

    // An agent takes the conversation; the copy in Redis still says the bot answers.
    node.rows("UPDATE conversation SET status = 'with_agent', assigned_at = now() WHERE id = $1 RETURNING id",
        row.getLong("id"));
    String wamid = c.says("apakah kilaumodal legal?");
    await().atMost(Duration.ofSeconds(10)).until(() -> node.events(Addresses.DESK_INBOUND).stream()
        .anyMatch(e -> wamid.equals(e.getString("wamid"))));
    assertThat(node.count("SELECT count(*) FROM wa_outbox WHERE citizen = $1", "wa:" + c.waId)).isEqualTo(1);
    assertThat(c.replies()).hasSize(1);
    await().atMost(Duration.ofSeconds(5)).until(() ->
        "WITH_AGENT".equals(new JsonObject(redis.get(key).await().toString()).getString("status")));
  }

  @Test
  void theIdleSweepEndsAnIdleBotConversationButLeavesARequestWaitingForTheDesk() {
    Citizen waiting = citizen();
    waiting.says("sambungkan ke manusia pls");
    awaitReplies(waiting, 1);
    Citizen idle = citizen();
    idle.says("halo min");
    awaitReplies(idle, 1);
    // both untouched for two hours, well past the bot's idle time (30 min); no agent on this node
    node.rows("UPDATE conversation SET last_activity_at = now() - interval '2 hours' WHERE citizen = ANY($1)",
        (Object) new String[] {"wa:" + waiting.waId, "wa:" + idle.waId});
    await().atMost(Duration.ofSeconds(20)).until(() -> node.count("SELECT count(*) FROM conversation_outcome"
        + " WHERE citizen = $1 AND outcome = 'resolved_by_bot'", "wa:" + idle.waId) == 1);
    assertThat(node.rows("SELECT status FROM conversation WHERE citizen = $1", "wa:" + waiting.waId).get(0)
        .getString("status")).isEqualTo("queued");
    assertThat(node.count("SELECT count(*) FROM conversation_outcome WHERE citizen = $1", "wa:" + waiting.waId))
        .isZero();
  }

  static List<JsonObject> awaitReplies(Citizen c, int n) {
    await().atMost(Duration.ofSeconds(20)).until(() -> c.replies().size() >= n);
    return c.replies();
  }
}
