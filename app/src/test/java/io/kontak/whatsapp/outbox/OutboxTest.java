package io.kontak.whatsapp.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.kontak.core.bus.Addresses;
import io.kontak.core.conversation.CitizenId;
import io.kontak.core.db.Database;
import io.kontak.core.redis.RedisUrl;
import io.kontak.core.testing.TestServices;
import io.kontak.whatsapp.Fixtures;
import io.kontak.whatsapp.WhatsAppTestNode;
import io.kontak.whatsapp.fake.FakeGraphApi;
import io.kontak.whatsapp.fake.FakeGraphApi.Request;
import io.kontak.whatsapp.fake.FakeGraphApi.ScriptedError;
import io.kontak.whatsapp.outbox.OutboundMessage.Button;
import io.kontak.whatsapp.outbox.OutboundMessage.Row;
import io.kontak.whatsapp.webhook.DeliveryStatuses;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox sender against the fake Graph API, through a real node and Postgres. */
class OutboxTest {
  static final Duration WAIT = Duration.ofSeconds(10);
  static final CitizenId SITI = CitizenId.ofWaId("6281200000001");

  Vertx metaSide;
  FakeGraphApi graph;
  final List<WhatsAppTestNode> nodes = new ArrayList<>();

  @BeforeEach
  void startMeta() {
    metaSide = Vertx.vertx();
    graph = FakeGraphApi.start(metaSide, WhatsAppTestNode.ACCESS_TOKEN).await();
  }

  @AfterEach
  void stop() {
    nodes.forEach(WhatsAppTestNode::close);
    metaSide.close().await();
  }

  WhatsAppTestNode node(Map<String, String> overrides) {
    WhatsAppTestNode node = WhatsAppTestNode.start(graph, overrides);
    nodes.add(node);
    return node;
  }

  @Test
  void aTextIsSentOnceWithTheBearerTokenAndItsWamidIsStored() {
    WhatsAppTestNode node = node(Map.of());
    long id = send(node, SITI, OutboundMessage.text("Halo Siti"));
    JsonObject row = awaitState(node, id, "sent");

    Request request = graph.requests().getFirst();
    assertThat(request.phoneNumberId()).isEqualTo(WhatsAppTestNode.PHONE_NUMBER_ID);
    assertThat(request.body()).isEqualTo(new JsonObject("""
        {"messaging_product":"whatsapp","recipient_type":"individual","to":"6281200000001","type":"text",
         "text":{"preview_url":false,"body":"Halo Siti"}}"""));
    assertThat(row.getString("wamid")).isEqualTo(request.wamid().orElseThrow()).startsWith("wamid.");
    assertThat(row.getInteger("attempts")).isEqualTo(1);
  }

  @Test
  void aRateLimitThenSuccessSendsExactlyOnce() {
    WhatsAppTestNode node = node(Map.of());
    graph.failNext(1, ScriptedError.rateLimited());
    long id = send(node, SITI, OutboundMessage.text("Halo"));
    JsonObject row = awaitState(node, id, "sent");

    List<Request> requests = graph.requests();
    assertThat(requests).extracting(Request::status).containsExactly(429, 200);
    assertThat(requests.getFirst().errorCode()).isEqualTo(130429);
    assertThat(row.getString("wamid")).isEqualTo(requests.get(1).wamid().orElseThrow());
    assertThat(row.getInteger("attempts")).isEqualTo(2);
    await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> graph.requests().size() == 2);
  }

  @Test
  void outsideTheWindowIsRecordedNotRetriedAndTheDeskIsTold() {
    WhatsAppTestNode node = node(Map.of());
    graph.failNext(1, ScriptedError.outsideWindow());
    long id = send(node, SITI, OutboundMessage.text("Halo lagi"));
    JsonObject row = awaitState(node, id, "failed");

    assertThat(row.getString("failure_reason")).isEqualTo("window_closed");
    assertThat(row.getInteger("error_code")).isEqualTo(131047);
    assertThat(row.getString("error_detail")).contains("24 hours");
    await().atMost(WAIT).until(() -> node.events(Addresses.OUTBOX_FAILED).size() == 1);
    assertThat(node.events(Addresses.OUTBOX_FAILED).getFirst()).isEqualTo(new JsonObject()
        .put("outbox_id", id).put("citizen", SITI.key()).put("code", 131047).put("reason", "window_closed")
        .put("message", ScriptedError.outsideWindow().message()));
    await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> graph.requests().size() == 1);
  }

  @Test
  void serverErrorsAreRetriedWithBackoffUntilAccepted() {
    WhatsAppTestNode node = node(Map.of("KONTAK_GRAPH_RETRY_BASE_MS", "40", "KONTAK_GRAPH_RETRY_MAX_MS", "400"));
    graph.failNext(2, ScriptedError.serverError());
    graph.failNext(1, ScriptedError.unavailable());
    long id = send(node, SITI, OutboundMessage.text("Halo"));
    JsonObject row = awaitState(node, id, "sent");

    assertThat(graph.requests()).extracting(Request::status).containsExactly(500, 500, 503, 200);
    assertThat(graph.accepted()).hasSize(1);
    assertThat(row.getInteger("attempts")).isEqualTo(4);
    // full jitter: each wait lies in [0, min(max, base·2^(n-1))] plus scheduling slack
    List<Request> requests = graph.requests();
    for (int n = 1; n < requests.size(); n++) {
      long waitedMillis = (requests.get(n).nanos() - requests.get(n - 1).nanos()) / 1_000_000;
      assertThat(waitedMillis).as("wait before attempt %d", n + 1).isLessThan(Math.min(400, 40L << (n - 1)) + 500);
    }
  }

  @Test
  void retriesRunOutAndTheRowIsGivenUp() {
    WhatsAppTestNode node = node(Map.of("KONTAK_GRAPH_RETRY_ATTEMPTS", "3"));
    graph.failNext(10, ScriptedError.pairRateLimited());
    long id = send(node, SITI, OutboundMessage.text("Halo"));
    JsonObject row = awaitState(node, id, "failed");
    assertThat(row.getString("failure_reason")).isEqualTo("gave_up");
    assertThat(row.getInteger("error_code")).isEqualTo(131056);
    assertThat(graph.requests()).hasSize(3);
  }

  @Test
  void theSpamLimitPausesSendingAndAWrongTokenIsAnAuthFailure() {
    WhatsAppTestNode node = node(Map.of("KONTAK_GRAPH_SPAM_PAUSE_SECONDS", "60"));
    graph.failNext(1, ScriptedError.spamLimited());
    long first = send(node, SITI, OutboundMessage.text("satu"));
    assertThat(awaitState(node, first, "failed").getString("failure_reason")).isEqualTo("spam_limit");
    long second = send(node, CitizenId.ofWaId("6281200000009"), OutboundMessage.text("dua"));
    await().during(Duration.ofMillis(700)).atMost(WAIT).until(() -> graph.requests().size() == 1);
    assertThat(row(node, second).getString("state")).isEqualTo("pending");
    // every other node sees the pause through Redis; operators see it on /metrics
    assertThat(redis(node).pttl(pauseKey(node)).await().toLong()).isGreaterThan(50_000);
    assertThat(metric(node, "kontak_outbox_spam_limits_total")).isEqualTo(1);
    assertThat(metric(node, "kontak_outbox_paused")).isEqualTo(1);

    WhatsAppTestNode wrongToken = node(Map.of("WHATSAPP_ACCESS_TOKEN", "expired"));
    long id = send(wrongToken, SITI, OutboundMessage.text("tiga"));
    JsonObject row = awaitState(wrongToken, id, "failed");
    assertThat(row.getString("failure_reason")).isEqualTo("auth");
    assertThat(row.getInteger("error_code")).isEqualTo(190);
  }

  @Test
  void aSpamLimitPauseSetByAnotherNodeHoldsThisNodesSendsUntilItEnds() {
    WhatsAppTestNode node = node(Map.of());
    redis(node).set(List.of(pauseKey(node), "131048", "PX", "2500")).await();
    await().atMost(WAIT).until(() -> metric(node, "kontak_outbox_paused") == 1);

    long id = send(node, SITI, OutboundMessage.text("Halo"));
    await().during(Duration.ofMillis(700)).atMost(WAIT).until(() -> graph.requests().isEmpty());
    assertThat(row(node, id).getString("state")).isEqualTo("pending");

    awaitState(node, id, "sent");
    assertThat(graph.requests()).hasSize(1);
    await().atMost(WAIT).until(() -> metric(node, "kontak_outbox_paused") == 0);
  }

  private static RedisAPI redis(WhatsAppTestNode node) {
    return RedisUrl.api(RedisUrl.client(node.vertx, TestServices.endpoints().redisUrl()));
  }

  private static String pauseKey(WhatsAppTestNode node) {
    return node.redisPrefix + "outbox:paused:" + WhatsAppTestNode.PHONE_NUMBER_ID;
  }

  /** A sample of {@code /metrics} without labels. */
  private static double metric(WhatsAppTestNode node, String name) {
    return node.get("/metrics").body().lines().filter(l -> l.startsWith(name + " ")).findFirst()
        .map(l -> Double.parseDouble(l.substring(name.length() + 1))).orElseThrow();
  }

  @Test
  void buttonsListsTemplatesAndMarkReadHaveTheShapesMetaAccepts() {
    WhatsAppTestNode node = node(Map.of());
    List<OutboundMessage> messages = List.of(
        OutboundMessage.ReplyButtons.of("Pilih menu", new Button("check", "Cek izin"), new Button("report", "Lapor"),
            new Button("agent", "Bicara dgn petugas")),
        OutboundMessage.ListMessage.of("Beberapa entitas cocok:", "Lihat daftar", List.of(
            Row.of("inst-1", "PT Dana Kilat", "Berizin · P2P lending"), Row.of("inst-2", "Dana Kilat Cepat", "Ilegal"))),
        new OutboundMessage.Template("kontak_followup", "id", List.of("Siti")),
        new OutboundMessage.MarkRead("wamid.FX_TEXT_01", true));
    List<Long> ids = new ArrayList<>();
    for (OutboundMessage m : messages) {
      ids.add(send(node, CitizenId.ofWaId("62812" + ids.size()), m));
    }
    ids.forEach(id -> awaitState(node, id, "sent"));
    assertThat(graph.requests()).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
    JsonObject read = graph.requests().stream().filter(r -> r.body().containsKey("status")).findFirst().orElseThrow().body();
    assertThat(read).isEqualTo(new JsonObject("""
        {"messaging_product":"whatsapp","status":"read","message_id":"wamid.FX_TEXT_01","typing_indicator":{"type":"text"}}"""));
    assertThat(row(node, ids.get(3)).getString("wamid")).isNull();
  }

  @Test
  void aCitizensMessagesGoOutInOrder() {
    WhatsAppTestNode node = node(Map.of());
    for (int i = 0; i < 6; i++) {
      send(node, SITI, OutboundMessage.text("pesan " + i));
    }
    await().atMost(WAIT).until(() -> graph.accepted().size() == 6);
    assertThat(graph.accepted()).extracting(r -> r.body().getJsonObject("text").getString("body"))
        .containsExactly("pesan 0", "pesan 1", "pesan 2", "pesan 3", "pesan 4", "pesan 5");
  }

  @Test
  void pendingRowsAreSentAfterARestartExactlyOnce() {
    WhatsAppTestNode first = node(Map.of("KONTAK_GRAPH_RETRY_BASE_MS", "200", "KONTAK_GRAPH_RETRY_MAX_MS", "200"));
    graph.failNext(1_000, ScriptedError.serverError());
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(send(first, CitizenId.ofWaId("6281300000" + i), OutboundMessage.text("sebelum restart " + i)));
    }
    await().atMost(WAIT).until(() -> graph.requests().size() >= 3);
    first.close();
    nodes.remove(first);
    graph.clearScript();

    // Rows written while no node runs: nobody nudges, the next sender finds them by polling.
    Vertx offline = Vertx.vertx();
    Pool pool = Database.pool(offline, first.database, 2);
    Outbox outbox = new Outbox(offline, WhatsAppTestNode.PHONE_NUMBER_ID);
    for (int i = 0; i < 2; i++) {
      ids.add(outbox.enqueue(pool, CitizenId.ofWaId("6281400000" + i), OutboundMessage.text("saat mati " + i)).await());
    }
    pool.close().await();
    offline.close().await();

    WhatsAppTestNode second = new WhatsAppTestNode(first.database, graph, Map.of());
    nodes.add(second);
    ids.forEach(id -> awaitState(second, id, "sent"));
    await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> graph.accepted().size() == 5);
    Map<String, Integer> perCitizen = new HashMap<>();
    graph.accepted().forEach(r -> perCitizen.merge(r.to(), 1, Integer::sum));
    assertThat(perCitizen).hasSize(5).allSatisfy((to, n) -> assertThat(n).isEqualTo(1));
  }

  @Test
  void aRowLeftMidSendByADeadNodeIsNotRepeated() {
    WhatsAppTestNode node = node(Map.of("KONTAK_GRAPH_TIMEOUT_MS", "1000"));
    // Written as already mid-send in one transaction: the running sender's periodic poll must not
    // see (and send) it as pending in between.
    long id = node.sql.withTransaction(conn -> node.node.whatsapp().outbox()
        .enqueue(conn, SITI, OutboundMessage.text("terputus"))
        .compose(enqueued -> conn.preparedQuery("UPDATE wa_outbox SET state = 'sending', attempts = 1, "
                + "claimed_at = now() - interval '1 hour' WHERE id = $1")
            .execute(Tuple.of(enqueued)).map(enqueued))).await();
    node.node.whatsapp().deployOutbox().await();  // a second sender starts: its sweep finds the row
    JsonObject row = awaitState(node, id, "failed");
    assertThat(row.getString("failure_reason")).isEqualTo("interrupted");
    await().atMost(WAIT).until(() -> node.events(Addresses.OUTBOX_FAILED).size() == 1);
    assertThat(graph.requests()).isEmpty();
  }

  @Test
  void theSendRatePerNumberIsRespected() {
    int rate = 20;
    int burst = 2;  // a tenth of a second's worth
    WhatsAppTestNode node = node(Map.of("KONTAK_GRAPH_SEND_RATE", Integer.toString(rate)));
    Outbox outbox = node.node.whatsapp().outbox();
    int total = 50;
    node.sql.withTransaction(conn -> {
      var chain = io.vertx.core.Future.<Long>succeededFuture();
      for (int i = 0; i < total; i++) {
        CitizenId to = CitizenId.ofWaId("628150000" + String.format("%03d", i));
        chain = chain.compose(x -> outbox.enqueue(conn, to, OutboundMessage.text("serentak")));
      }
      return chain;
    }).await();
    outbox.nudge();
    await().atMost(Duration.ofSeconds(20)).until(() -> graph.accepted().size() == total);

    List<Long> nanos = graph.accepted().stream().map(Request::nanos).sorted().toList();
    // No window of one second holds more than rate + burst sends (nominally 1,050 ms; slack for the network).
    for (int i = 0; i + rate + burst < nanos.size(); i++) {
      long spanMillis = (nanos.get(i + rate + burst) - nanos.get(i)) / 1_000_000;
      assertThat(spanMillis).as("span of sends %d..%d", i, i + rate + burst).isGreaterThanOrEqualTo(900);
    }
    long totalMillis = (nanos.getLast() - nanos.getFirst()) / 1_000_000;
    assertThat(totalMillis).isGreaterThanOrEqualTo((total - burst - 1) * 1000L / rate - 100).isLessThan(6_000);
  }

  @Test
  void manyConcurrentAcceptedSendsAreAllMarkedSentWithTheirWamids() {
    WhatsAppTestNode node = node(Map.of("KONTAK_GRAPH_SEND_RATE", "100000"));
    Outbox outbox = node.node.whatsapp().outbox();
    int total = 300;
    List<Long> ids = node.sql.withTransaction(conn -> {
      var chain = Future.<List<Long>>succeededFuture(new ArrayList<>());
      for (int i = 0; i < total; i++) {
        CitizenId to = CitizenId.ofWaId("628160000" + String.format("%03d", i));
        chain = chain.compose(list -> outbox.enqueue(conn, to, OutboundMessage.text("serentak"))
            .map(id -> {
              list.add(id);
              return list;
            }));
      }
      return chain;
    }).await();
    outbox.nudge();

    await().atMost(Duration.ofSeconds(20))
        .until(() -> node.count("SELECT count(*) FROM wa_outbox WHERE state = 'sent'") == total);
    assertThat(graph.requests()).hasSize(total).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
    Map<String, String> wamidByRecipient = new HashMap<>();
    graph.accepted().forEach(r -> wamidByRecipient.put(r.to(), r.wamid().orElseThrow()));
    for (var row : node.rows("SELECT citizen, wamid FROM wa_outbox WHERE id = ANY($1::bigint[])",
        (Object) ids.toArray(Long[]::new))) {
      assertThat(row.getString("wamid")).as(row.getString("citizen"))
          .isEqualTo(wamidByRecipient.get(CitizenId.parse(row.getString("citizen")).waId().orElseThrow()));
    }
    // Settled in groups: fewer transactions than rows.
    assertThat(node.count("SELECT count(DISTINCT xmin::text) FROM wa_outbox")).isLessThan(total);
  }

  @Test
  void aGroupMarkedSentKeepsEachRowsOutcomeAndAppliesAnEarlyStatus() {
    WhatsAppTestNode node = node(Map.of());
    // Rows mid-send by a sender that is not this node's, and one (n = 2) that failed meanwhile.
    List<Long> ids = node.rows("""
        INSERT INTO wa_outbox (citizen, phone_number_id, kind, body, state, attempts, claimed_at)
        SELECT 'wa:62817000000' || n, $1, 'text', '{}', CASE WHEN n = 2 THEN 'failed' ELSE 'sending' END, 1, now()
          FROM generate_series(0, 5) AS n ORDER BY n
        RETURNING id""", WhatsAppTestNode.PHONE_NUMBER_ID).stream().map(r -> r.getLong("id")).sorted().toList();
    // Meta's 'delivered' (and for another row 'failed') overtook its answer to the send: it is
    // stored before the wamid is. Written straight to wa_status: through the webhook, its own
    // recheck of statuses without a row could race this test's steps (it is StatusTest's subject).
    node.rows("""
        INSERT INTO wa_status (wamid, status, rank, citizen, occurred_at, error_code, error_title, payload)
        VALUES ('wamid.EARLY', 'delivered', 3, 'wa:628170000003', now(), NULL, NULL, '{}'),
               ('wamid.PLAIN', 'failed', 2, 'wa:628170000005', now(), 131026, 'Message undeliverable', '{}')
        RETURNING wamid""");

    Context loop = node.vertx.getOrCreateContext();
    Promise<List<Boolean>> marked = Promise.promise();
    Promise<OutboxStore> created = Promise.promise();
    List<List<String>> markedSent = new ArrayList<>();  // on loop, read after each await below
    loop.runOnContext(v -> created.complete(new OutboxStore(node.sql, node.sql, markedSent::add)));
    OutboxStore store = created.future().await();
    loop.runOnContext(v -> {
      // Submitted in one event-loop task: the first two fill both flush slots, the other four
      // wait and go as one group.
      Future.all(List.of(
              store.markSent(ids.get(0), "wamid.A"),
              store.markSent(ids.get(1), "wamid.B"),
              store.markSent(ids.get(2), "wamid.NOT_SENDING"),
              store.markSent(ids.get(3), "wamid.EARLY"),
              store.markSent(ids.get(4), null),  // a mark-read: Meta answers no wamid
              store.markSent(ids.get(5), "wamid.PLAIN")))
          .map(all -> all.<Boolean>list())
          .onComplete(marked);
    });
    assertThat(marked.future().await()).containsExactly(true, true, false, true, true, true);

    assertThat(node.rows("SELECT count(DISTINCT xmin::text) FROM wa_outbox WHERE id = ANY($1::bigint[])",
        (Object) new Long[] {ids.get(3), ids.get(4), ids.get(5)}).getFirst().getLong(0)).isEqualTo(1);
    assertThat(states(node))
        .containsExactly("sent wamid.A null", "sent wamid.B null", "failed null null", "sent wamid.EARLY null",
            "sent null null", "sent wamid.PLAIN null");

    // After the commit, the wamids saved go to the webhook side, which applies the statuses stored
    // so far to their rows (a status committed during the mark-sent would be invisible to it).
    List<String> saved = markedSent.stream().flatMap(List::stream).toList();
    assertThat(saved).containsExactlyInAnyOrder("wamid.A", "wamid.B", "wamid.EARLY", "wamid.PLAIN");
    assertThat(DeliveryStatuses.apply(node.sql, saved).await())
        .hasExactlyElementsOfTypes(DeliveryStatuses.FailedDelivery.class)
        .extracting(r -> ((DeliveryStatuses.FailedDelivery) r).outboxId(), r -> ((DeliveryStatuses.FailedDelivery) r).code())
        .containsExactly(tuple(ids.get(5), 131026));
    assertThat(states(node))
        .containsExactly("sent wamid.A null", "sent wamid.B null", "failed null null", "sent wamid.EARLY delivered",
            "sent null null", "sent wamid.PLAIN failed");
  }

  private static List<String> states(WhatsAppTestNode node) {
    return node.rows("SELECT state, wamid, delivery FROM wa_outbox ORDER BY id").stream()
        .map(r -> r.getString(0) + " " + r.getString(1) + " " + r.getString(2)).toList();
  }

  private static long send(WhatsAppTestNode node, CitizenId to, OutboundMessage message) {
    return node.node.whatsapp().outbox().send(node.sql, to, message).await();
  }

  static JsonObject row(WhatsAppTestNode node, long id) {
    return node.rows("SELECT id, state, attempts, wamid, failure_reason, error_code, error_detail, delivery"
        + " FROM wa_outbox WHERE id = $1", id).getFirst().toJson();
  }

  static JsonObject awaitState(WhatsAppTestNode node, long id, String state) {
    await().atMost(WAIT).until(() -> state.equals(row(node, id).getString("state")));
    return row(node, id);
  }
}
