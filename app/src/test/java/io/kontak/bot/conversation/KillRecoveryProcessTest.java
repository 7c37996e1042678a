package io.kontak.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontak.app.KontakProcess;
import io.kontak.core.db.PostgresUrl;
import io.kontak.whatsapp.Fixtures;
import io.kontak.whatsapp.WhatsAppTestNode;
import io.kontak.whatsapp.fake.FakeGraphApi;
import io.kontak.whatsapp.webhook.WebhookSignature;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link RecoveryTest} with a real process and a real {@code kill -9}: a {@code kontak run} that
 * stored citizens' messages without answering them dies with SIGKILL (its shutdown hook never
 * runs, its embedded Postgres and Redis are orphaned); a restart on the same data directory
 * replaces the orphans and answers every stored message exactly once.
 */
class KillRecoveryProcessTest {
  /** One citizen question, delivered alone, and a name the bot's answer to it must mention. */
  record Question(String citizen, String wamid, String text, String answerMentions) {
    /** The webhook delivery Meta would POST for it, as bytes so a re-POST is byte-identical. */
    byte[] delivery(long timestamp) {
      JsonArray contacts = new JsonArray().add(new JsonObject()
          .put("profile", new JsonObject().put("name", "Warga")).put("wa_id", citizen));
      JsonArray messages = new JsonArray().add(new JsonObject()
          .put("from", citizen).put("id", wamid).put("timestamp", Long.toString(timestamp))
          .put("type", "text").put("text", new JsonObject().put("body", text)));
      return Fixtures.envelope("\"contacts\":" + contacts.encode() + ",\"messages\":" + messages.encode())
          .getBytes(StandardCharsets.UTF_8);
    }
  }

  // Four citizens, three registry questions each, interleaved as they would arrive.
  static final List<Question> QUESTIONS = List.of(
      question(1, 1, "apakah KilauModal legal?", "PT Kilau Modal Teknologi"),
      question(2, 1, "apakah Robot Trading Garuda Profit legal?", "Robot Trading Garuda Profit"),
      question(3, 1, "apakah Tunas Syariah legal?", "PT Tunas Pinjam Syariah"),
      question(4, 1, "apakah Ladangku legal?", "PT Ladang Tumbuh Indonesia"),
      question(1, 2, "apakah Gadai Kilat Sejati legal?", "Gadai Kilat Sejati"),
      question(2, 2, "apakah Kenanga Pay legal?", "PT Dompet Kenanga Indonesia"),
      question(3, 2, "apakah Arisan Berlian Online legal?", "Arisan Berlian Online"),
      question(4, 2, "apakah RantaiDana legal?", "PT Rantai Dana Mandiri"),
      question(1, 3, "apakah Cendana Life legal?", "PT Asuransi Jiwa Cendana Abadi"),
      question(2, 3, "apakah Pinjol Rupiah Kencang legal?", "Pinjol Rupiah Kencang"),
      question(3, 3, "apakah Mandala Trade legal?", "PT Gemilang Mandala Sekuritas"),
      question(4, 3, "apakah Purnama Life legal?", "PT Asuransi Jiwa Purnama Sentosa"));

  static Question question(int citizen, int n, String text, String answerMentions) {
    String waId = "628127770000" + citizen;
    return new Question(waId, "wamid.KILL_" + waId + "_" + n, text, answerMentions);
  }

  @Test
  void storedMessagesOfAKilledProcessAreEachAnsweredOnceAfterARestart() throws Exception {
    Vertx metaSide = Vertx.vertx();
    Path data = KontakProcess.freshDataDir("kontak-kill-");
    List<ProcessHandle> servers = new ArrayList<>();
    KontakProcess node = null;
    try {
      FakeGraphApi graph = FakeGraphApi.start(metaSide, WhatsAppTestNode.ACCESS_TOKEN).await();
      int port = KontakProcess.freePort();

      // 1. A node that stores what Meta delivers but does not answer (as if it died right after).
      node = KontakProcess.start(data, port, env(graph, false));
      node.awaitHealthy();
      List<ProcessHandle> orphans = node.servers();
      servers.addAll(orphans);
      assertThat(orphans).as("embedded postgres and redis of the first run").hasSizeGreaterThanOrEqualTo(2);

      Map<String, byte[]> deliveries = new HashMap<>();
      long timestamp = Instant.now().getEpochSecond();
      for (Question q : QUESTIONS) {
        deliveries.put(q.wamid(), q.delivery(timestamp++));
        assertStored(deliver(node, deliveries.get(q.wamid())), 1);
      }
      // Meta redelivers when it missed our 200: stored already, so nothing new.
      assertStored(deliver(node, deliveries.get(QUESTIONS.get(1).wamid())), 0);
      assertThat(count(node, "SELECT count(*) FROM wa_inbound WHERE processed_at IS NULL"))
          .as("stored and unprocessed").isEqualTo(QUESTIONS.size());
      assertThat(count(node, "SELECT count(*) FROM wa_inbound")).isEqualTo(QUESTIONS.size());
      assertThat(graph.requests()).as("nothing sent before the kill").isEmpty();

      // 2. kill -9.
      node.kill();

      // 3. A restart on the same data directory, engine on.
      node = KontakProcess.start(data, port, env(graph, true));
      node.awaitHealthy();
      servers.addAll(node.servers());
      assertThat(orphans.stream().filter(ProcessHandle::isAlive)).as("servers orphaned by the kill, after the restart")
          .isEmpty();

      KontakProcess restarted = node;
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
        assertThat(restarted.process().isAlive()).as("restarted node alive").isTrue();
        assertThat(count(restarted, "SELECT count(*) FROM wa_inbound WHERE processed_at IS NULL")).as("unprocessed").isZero();
        assertThat(count(restarted, "SELECT count(*) FROM wa_outbox WHERE state <> 'sent'")).as("outbox not sent").isZero();
      });

      // Exactly one answer per stored message, in each citizen's order; each citizen's last message
      // is marked read (which marks the earlier ones with it, as on WhatsApp), best effort and at once.
      List<FakeGraphApi.Request> sent = graph.requests();
      assertThat(sent).as("requests Meta refused").allMatch(FakeGraphApi.Request::accepted);
      Map<String, List<String>> answers = sent.stream().filter(r -> r.to() != null).collect(Collectors.groupingBy(
          FakeGraphApi.Request::to, Collectors.mapping(r -> Citizen.text(r.body()), Collectors.toList())));
      Map<String, List<Question>> asked = QUESTIONS.stream().collect(Collectors.groupingBy(Question::citizen));
      assertThat(answers.keySet()).as("citizens answered").containsExactlyInAnyOrderElementsOf(asked.keySet());
      asked.forEach((citizen, questions) -> {
        assertThat(answers.get(citizen)).as("answers to %s", citizen).hasSameSizeAs(questions);
        for (int i = 0; i < questions.size(); i++) {
          assertThat(answers.get(citizen).get(i)).as("answer to %s", questions.get(i).text())
              .contains(questions.get(i).answerMentions());
        }
      });
      List<String> lastOfEach = asked.values().stream().map(questions -> questions.getLast().wamid()).toList();
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(graph.requests().stream()
          .filter(r -> r.to() == null).map(r -> r.body().getString("message_id")))
          .as("read receipts").containsAll(lastOfEach).doesNotHaveDuplicates().allMatch(deliveries::containsKey));
      assertThat(count(node, "SELECT count(*) FROM wa_outbox")).isEqualTo(QUESTIONS.size());

      // 4. SIGTERM ends the restarted node and every server, the replaced orphans included.
      node.stop();
      assertThat(node.process().exitValue()).as("exit after SIGTERM").isIn(0, 143);
      assertThat(servers.stream().filter(ProcessHandle::isAlive)).as("postgres/redis left running").isEmpty();
      KontakProcess.deleteRuns(data);  // kept when the test fails, for a look at kontak.log and the database
    } catch (AssertionError | Exception e) {
      throw new AssertionError(e.getMessage() + "\n--- kontak.log (tail) ---\n"
          + (node == null ? "(not started)" : node.logTail()), e);
    } finally {
      if (node != null) {
        node.process().destroyForcibly();
      }
      servers.forEach(KillRecoveryProcessTest::reap);
      metaSide.close().await();
    }
  }

  private static Map<String, String> env(FakeGraphApi graph, boolean engine) {
    return Map.of(
        "KONTAK_SIMULATOR", "false",
        "KONTAK_CONVERSATION_ENGINE", Boolean.toString(engine),
        "KONTAK_OUTBOX_POLL_MS", "100",
        "WHATSAPP_GRAPH_URL", graph.baseUrl(),
        "WHATSAPP_ACCESS_TOKEN", graph.accessToken(),
        "WHATSAPP_PHONE_NUMBER_ID", Fixtures.PHONE_NUMBER_ID,
        "WHATSAPP_APP_SECRET", WhatsAppTestNode.APP_SECRET,
        "WHATSAPP_VERIFY_TOKEN", WhatsAppTestNode.VERIFY_TOKEN);
  }

  /** POSTs a delivery to /webhook signed with the app secret, as Meta does. */
  private static HttpResponse<String> deliver(KontakProcess node, byte[] delivery) {
    return node.send(HttpRequest.newBuilder(node.uri("/webhook"))
        .header("Content-Type", "application/json")
        .header(WebhookSignature.HEADER, WebhookSignature.sign(WhatsAppTestNode.APP_SECRET, delivery))
        .POST(HttpRequest.BodyPublishers.ofByteArray(delivery)));
  }

  private static void assertStored(HttpResponse<String> response, int newMessages) {
    assertThat(response.statusCode()).as("webhook answer: %s", response.body()).isEqualTo(200);
    assertThat(new JsonObject(response.body()).getInteger("stored")).as("newly stored").isEqualTo(newMessages);
  }

  /** A count read straight from the node's embedded database. */
  private static long count(KontakProcess node, String sql) throws SQLException {
    PostgresUrl db = node.database();
    try (var c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
         var rows = c.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** Stops a server this test left behind after a failure, so it does not outlive the build. */
  private static void reap(ProcessHandle server) {
    if (!server.isAlive()) {
      return;
    }
    server.destroy();
    try {
      server.onExit().get(20, TimeUnit.SECONDS);
    } catch (Exception stillThere) {
      server.destroyForcibly();
    }
  }
}
