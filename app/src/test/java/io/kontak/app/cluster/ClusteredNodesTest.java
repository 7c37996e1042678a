package io.kontak.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontak.app.KontakProcess;
import io.kontak.app.NodeRole;
import io.kontak.core.bus.Addresses;
import io.kontak.core.config.ClusterConfig;
import io.kontak.core.config.KontakConfig;
import io.kontak.core.db.PostgresUrl;
import io.kontak.core.testing.TestServices;
import io.kontak.whatsapp.WhatsAppTestNode;
import io.kontak.whatsapp.WhatsAppTestNode.DeskSession;
import io.kontak.whatsapp.fake.CloudApiDelivery;
import io.kontak.whatsapp.fake.FakeGraphApi;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A deployment of three nodes, as {@code kontak bot} and {@code kontak desk} run it: a bot node and
 * two desk nodes on one Postgres and one Redis, their event buses clustered through Hazelcast on this
 * machine. The desk's timers are off, so a chat reaches an agent only through the handoff event
 * crossing from the bot's node.
 */
class ClusteredNodesTest {
  static final String PASSWORD = "correct horse battery";
  static final Duration WAIT = Duration.ofSeconds(30);
  static Vertx metaSide;
  static WhatsAppTestNode bot;
  static WhatsAppTestNode desk;
  static WhatsAppTestNode secondDesk;
  /** Held for the class: Vert.x closes a client (and its sockets) once the GC finds it unreachable. */
  static WebSocketClient liveClient;

  @BeforeAll
  static void startTwoNodes() throws IOException {
    int first = KontakProcess.freePort();
    int second = KontakProcess.freePort();
    int third = KontakProcess.freePort();
    Map<String, String> env = new HashMap<>(Map.of(
        "KONTAK_CLUSTER_NAME", "kontak-test-" + UUID.randomUUID(),
        "KONTAK_CLUSTER_MEMBERS", "127.0.0.1:" + first + ",127.0.0.1:" + second + ",127.0.0.1:" + third,
        "KONTAK_DEMO_REGISTRY", "true",
        "KONTAK_DESK_TIMER_MS", "3600000",
        "KONTAK_DESK_QUEUE_NOTICES", "false"));
    PostgresUrl database = TestServices.freshDatabase();
    String redisPrefix = TestServices.freshRedisPrefix();
    metaSide = Vertx.vertx();
    FakeGraphApi graph = FakeGraphApi.start(metaSide, WhatsAppTestNode.ACCESS_TOKEN).await();
    // the members join at once, as machines starting together would
    Future<Vertx> botSide = ClusteredVertx.start(cluster(env, first));
    Future<Vertx> deskSide = ClusteredVertx.start(cluster(env, second));
    Future<Vertx> secondDeskSide = ClusteredVertx.start(cluster(env, third));
    bot = new WhatsAppTestNode(botSide.await(), NodeRole.BOT, database, redisPrefix, graph, env);
    desk = new WhatsAppTestNode(deskSide.await(), NodeRole.DESK, database, redisPrefix, graph, env);
    secondDesk = new WhatsAppTestNode(secondDeskSide.await(), NodeRole.DESK, database, redisPrefix, graph, env);
    liveClient = metaSide.createWebSocketClient();
  }

  @AfterAll
  static void stop() {
    for (WhatsAppTestNode node : new WhatsAppTestNode[] {secondDesk, desk, bot}) {
      if (node != null) {
        node.close();
      }
    }
    if (metaSide != null) {
      metaSide.close().await();
    }
  }

  @Test
  void eachNodeServesItsRole() {
    assertThat(bot.get("/desk/").statusCode()).isEqualTo(404);
    assertThat(bot.get("/api/desk/me").statusCode()).isEqualTo(404);
    assertThat(desk.deliver(CloudApiDelivery.to("WABA-1", "15550001111", WhatsAppTestNode.PHONE_NUMBER_ID)
        .contact("6281800000009", "Warga").message(text("6281800000009", "halo", desk)).encode()).statusCode())
        .isEqualTo(404);
    assertThat(desk.get("/desk/").statusCode()).isEqualTo(200);
    for (WhatsAppTestNode node : new WhatsAppTestNode[] {bot, desk}) {
      assertThat(node.get("/api/registry/search?q=kilau").statusCode()).isEqualTo(200);
      assertThat(node.get("/health").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aCitizenOnTheBotsNodeIsAnsweredByAnAgentOnTheDesksNode() {
    DeskSession ani = desk.availableAgent("ani", PASSWORD);
    String citizen = "6281800000001";

    // the engine on the bot's node announced the handoff; the desk's node heard it and assigned the chat
    long chat = handedToAgent(citizen);
    assertThat(desk.events(Addresses.HANDOFF_QUEUED)).anySatisfy(e -> assertThat(e.getLong("conversation"))
        .isEqualTo(chat));
    assertThat(desk.count("SELECT count(*) FROM conversation c JOIN desk_account a ON a.id = c.desk_agent"
        + " WHERE c.id = $1 AND a.username = 'ani'", chat)).isEqualTo(1);

    // the agent answers from the desk's node: Meta receives it
    assertThat(ani.call("POST", "/api/desk/chats/" + chat + "/messages", new JsonObject().put("text", "Halo, saya Ani"))
        .statusCode()).isEqualTo(202);
    await().atMost(WAIT).until(() -> bot.graph.accepted().stream().map(FakeGraphApi.Request::body)
        .anyMatch(b -> citizen.equals(b.getString("to")) && "text".equals(b.getString("type"))
            && "Halo, saya Ani".equals(b.getJsonObject("text").getString("body"))));

    // the citizen's next message, stored by the bot's node, reaches the desk's node for the agent
    String next = says(citizen, "terima kasih, bu");
    await().atMost(WAIT).until(() -> desk.events(Addresses.DESK_INBOUND).stream()
        .anyMatch(e -> e.encode().contains(next)));
    assertThat(ani.call("GET", "/api/desk/chats/" + chat, null).body()).contains("terima kasih, bu");
  }

  @Test
  void anAgentOnTheSecondDeskNodeIsToldLiveWhatTheOtherNodesDid() {
    DeskSession budi = desk.availableAgent("budi", PASSWORD);
    budi.status("away");
    List<JsonObject> live = new CopyOnWriteArrayList<>();
    WebSocket socket = liveClient.connect(new WebSocketConnectOptions().setHost("127.0.0.1")
        .setPort(secondDesk.node.httpPort()).setURI("/eventbus/websocket").addHeader("Cookie", budi.cookie())).await();
    socket.handler(buffer -> live.add(new JsonObject(buffer.toString())));
    String address = "kontak.desk.agent.budi";
    socket.writeTextMessage(new JsonObject().put("type", "register").put("address", address).encode()).await();
    // the socket's subscription reaches the other nodes' view of the cluster a moment later: until the
    // first desk node's publications reach it, nothing published there could
    JsonObject probe = new JsonObject().put("type", "probe");
    await().atMost(WAIT).until(() -> {
      desk.vertx.eventBus().publish(address, probe);
      return !received(live, address, "probe").isEmpty();
    });

    // the status changes on the first desk node (its API); the socket on the second hears it
    budi.status("available");
    await().atMost(WAIT).until(() -> received(live, address, "agent.status").stream()
        .anyMatch(e -> "available".equals(e.getString("status"))));

    // a handoff on the bot's node, routed by one of the desk nodes, reaches the socket
    String citizen = "6281800000002";
    long chat = handedToAgent(citizen);
    await().atMost(WAIT).until(() -> received(live, address, "chat.assigned").stream()
        .anyMatch(e -> e.getLong("conversation") == chat));
    socket.close().await();
  }

  /** Each test's agent takes no chat of the next test's, whether the test passed or not. */
  @AfterEach
  void nobodyAvailable() {
    desk.rows("UPDATE desk_account SET status = 'away' WHERE status = 'available' RETURNING id");
  }

  /** The bodies of type {@code type} the live socket received on {@code address}. */
  static List<JsonObject> received(List<JsonObject> frames, String address, String type) {
    return frames.stream().filter(f -> "rec".equals(f.getString("type")) && address.equals(f.getString("address")))
        .map(f -> f.getJsonObject("body")).filter(b -> b != null && type.equals(b.getString("type"))).toList();
  }

  /** The citizen greets the bot's node, taps "agent" in its menu, and is given to an agent; the chat. */
  static long handedToAgent(String citizen) {
    says(citizen, "halo min");
    bot.awaitBotAnswers(citizen, 1);
    JsonObject tap = CloudApiDelivery.reply(citizen, bot.nextWamid(citizen), now(), "button_reply", "menu:agent",
        "Petugas", Optional.empty());
    assertThat(bot.deliver(delivery(citizen, tap)).statusCode()).isEqualTo(200);
    return bot.awaitStatus(citizen, "with_agent");
  }

  static String says(String waId, String body) {
    JsonObject message = text(waId, body, bot);
    assertThat(bot.deliver(delivery(waId, message)).statusCode()).isEqualTo(200);
    return message.getString("id");
  }

  static JsonObject text(String waId, String body, WhatsAppTestNode node) {
    return CloudApiDelivery.text(waId, node.nextWamid(waId), now(), body);
  }

  static String delivery(String waId, JsonObject message) {
    return CloudApiDelivery.to("WABA-1", "15550001111", WhatsAppTestNode.PHONE_NUMBER_ID).contact(waId, "Warga")
        .message(message).encode();
  }

  static long now() {
    return System.currentTimeMillis() / 1000;
  }

  static ClusterConfig cluster(Map<String, String> env, int port) {
    Map<String, String> own = new HashMap<>(env);
    own.put("KONTAK_CLUSTER_PORT", Integer.toString(port));
    return KontakConfig.from(own).cluster();
  }
}
