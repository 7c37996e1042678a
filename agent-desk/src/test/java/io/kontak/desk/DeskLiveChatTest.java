package io.kontak.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kontak.core.bus.Addresses;
import io.kontak.core.bus.OutboxFailed;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chats API and the live channel: transcript, replies, notes, authorization, window, live events. */
class DeskLiveChatTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String ANA = "kontak.desk.agent.ana";
  private static final String BOB = "kontak.desk.agent.bob";
  private static final String SUPERVISORS = "kontak.desk.supervisor";

  @Test
  void anAgentGetsTheChatLiveRepliesThroughTheOutboxAndSeesTheCitizenLive() {
    try (var node = new DeskTestNode(Map.of())) {
      Browser ana = node.availableAgent("ana", 4);
      try (var live = LiveSocket.open(node, ana.cookie())) {
        live.register(ANA);
        await().atMost(WAIT).until(() -> !live.events(ANA, "queue").isEmpty());
        long chat = node.handoff("<img src=x onerror=alert(1)>", 0);
        await().atMost(WAIT).until(() -> !live.events(ANA, "chat.assigned").isEmpty());
        JsonObject assigned = live.events(ANA, "chat.assigned").get(0);
        assertThat(assigned.getLong("conversation")).isEqualTo(chat);
        assertThat(assigned.getJsonObject("chat").getLong("conversation")).isEqualTo(chat);
        assertThat(assigned.getJsonObject("chat").getString("citizen_name")).startsWith("Citizen ");

        JsonObject detail = ana.get("/api/desk/chats/" + chat).json();
        assertThat(detail.getJsonArray("intents").getString(0)).isEqualTo("human_agent");
        assertThat(detail.getJsonArray("lookups")).isEmpty();
        assertThat(detail.getJsonArray("earlier")).isEmpty();
        JsonObject first = detail.getJsonArray("messages").getJsonObject(0);
        assertThat(first.getString("from")).isEqualTo("citizen");
        assertThat(first.getString("text")).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(first.fieldNames()).contains("id", "from", "type", "text", "at", "status", "error");

        Response sent = ana.reply(chat, "Selamat siang, saya Ana.");
        assertThat(sent.status()).isEqualTo(202);
        String messageId = sent.json().getString("id");
        var row = node.sql("SELECT o.kind, o.body, o.state FROM wa_outbox o JOIN desk_outbound d ON d.outbox_id = o.id "
            + "WHERE d.conversation_id = $1", chat).iterator().next();
        assertThat(row.getString("kind")).isEqualTo("text");
        assertThat(row.getJsonObject("body").getJsonObject("text").getString("body")).isEqualTo("Selamat siang, saya Ana.");
        await().atMost(WAIT).until(() -> !live.events(ANA, "chat.message").isEmpty());

        node.citizenWrites(chat, "terima kasih");
        await().atMost(WAIT).until(() -> live.events(ANA, "chat.message").stream()
            .anyMatch(e -> "terima kasih".equals(e.getJsonObject("message").getString("text"))));

        // Meta refuses the reply: the agent sees it on that message
        long outboxId = Long.parseLong(messageId.substring(4));
        node.sql("UPDATE wa_outbox SET state = 'failed', failure_reason = 'undeliverable', error_title = 'Undeliverable' "
            + "WHERE id = $1", outboxId);
        node.vertx.eventBus().publish(Addresses.OUTBOX_FAILED,
            new OutboxFailed(outboxId, node.citizenOf(chat), 131026, "undeliverable", "Undeliverable").toJson());
        await().atMost(WAIT).until(() -> !live.events(ANA, "chat.status").isEmpty());
        JsonObject status = live.events(ANA, "chat.status").get(0);
        assertThat(status.getString("message_id")).isEqualTo(messageId);
        assertThat(status.getString("status")).isEqualTo("failed");
        JsonObject agentMessage = ana.get("/api/desk/chats/" + chat).json().getJsonArray("messages").stream()
            .map(o -> (JsonObject) o).filter(m -> messageId.equals(m.getString("id"))).findFirst().orElseThrow();
        assertThat(agentMessage.getString("from")).isEqualTo("agent");
        assertThat(agentMessage.getString("agent")).isEqualTo("ana");
        assertThat(agentMessage.getString("status")).isEqualTo("failed");
        assertThat(agentMessage.getString("error")).contains("undeliverable");

        assertThat(ana.post("/api/desk/chats/" + chat + "/notes", new JsonObject().put("text", "cek KTP")).status())
            .isEqualTo(201);
        assertThat(ana.get("/api/desk/chats/" + chat).json().getJsonArray("messages").stream()
            .map(o -> (JsonObject) o).filter(m -> "note".equals(m.getString("from"))).map(m -> m.getString("agent")))
            .containsExactly("ana");
        assertThat(node.sql("SELECT count(*) AS n FROM wa_outbox WHERE body::text LIKE '%cek KTP%'").iterator().next()
            .getLong("n")).isZero();

        assertThat(ana.post("/api/desk/chats/" + chat + "/close", new JsonObject().put("resolution", "nope"))
            .status()).isEqualTo(422);
        assertThat(ana.close(chat).status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> live.events(ANA, "chat.removed").stream()
            .anyMatch(e -> "closed".equals(e.getString("reason"))));
      }
    }
  }

  @Test
  void anAgentCannotReadWriteOrListenToAnotherAgentsChats() {
    try (var node = new DeskTestNode(Map.of())) {
      Browser ana = node.availableAgent("ana", 1);
      long chat = node.handoff("rahasia", 0);
      await().atMost(WAIT).until(() -> "ana".equals(node.holderOf(chat)));
      Browser bob = node.availableAgent("bob", 1);
      assertThat(bob.get("/api/desk/chats/" + chat).status()).isEqualTo(404);
      assertThat(bob.reply(chat, "hai").status()).isEqualTo(404);
      assertThat(bob.post("/api/desk/chats/" + chat + "/notes", new JsonObject().put("text", "x")).status())
          .isEqualTo(404);
      assertThat(bob.close(chat).status()).isEqualTo(404);
      assertThat(bob.get("/api/desk/chats/999999").status()).isEqualTo(404);
      assertThat(bob.get("/api/desk/queue").status()).isEqualTo(403);
      assertThat(bob.get("/api/desk/agents").status()).isEqualTo(403);

      try (var bobLive = LiveSocket.open(node, bob.cookie()); var anaLive = LiveSocket.open(node, ana.cookie())) {
        anaLive.register(ANA);
        bobLive.register(ANA);
        bobLive.register(SUPERVISORS);
        bobLive.send(ANA, new JsonObject().put("type", "chat.message"));
        await().atMost(WAIT).until(() -> bobLive.errors().size() == 3);
        assertThat(bobLive.errors()).allMatch(e -> List.of("access_denied", "rejected").contains(e.getString("body")));
        node.citizenWrites(chat, "nomor rekening saya 123");
        await().atMost(WAIT).until(() -> !anaLive.events(ANA, "chat.message").isEmpty());
        assertThat(bobLive.events(ANA, "chat.message")).isEmpty();
      }
      // no cookie, no socket
      assertThatThrownBy(() -> LiveSocket.open(node, null)).isNotNull();
    }
  }

  @Test
  void supervisorsSeeQueueAgentsAndEveryLiveChat() {
    try (var node = new DeskTestNode(Map.of())) {
      node.createAccount("sue", "supervisor", 4);
      Browser sue = node.signIn("sue");
      Browser ana = node.availableAgent("ana", 1);
      long held = node.handoff("satu", 0);
      await().atMost(WAIT).until(() -> "ana".equals(node.holderOf(held)));
      long waiting = node.handoff("dua", 0);
      try (var live = LiveSocket.open(node, sue.cookie())) {
        live.register(SUPERVISORS);
        await().atMost(WAIT).until(() -> live.events(SUPERVISORS, "agents").stream()
            .anyMatch(e -> e.getJsonArray("agents").stream().anyMatch(a -> "ana".equals(((JsonObject) a)
                .getString("username")) && ((JsonObject) a).getLong("open_chats") == 1)));
        await().atMost(WAIT).until(() -> live.events(SUPERVISORS, "queue").stream()
            .anyMatch(e -> e.getLong("waiting") == 1));
        node.citizenWrites(held, "halo?");
        await().atMost(WAIT).until(() -> !live.events(SUPERVISORS, "chat.message").isEmpty());
      }
      var queue = sue.get("/api/desk/queue").array();
      assertThat(queue.getJsonObject(0).getLong("conversation")).isEqualTo(waiting);
      var agents = sue.get("/api/desk/agents").array();
      JsonObject a = agents.stream().map(o -> (JsonObject) o).filter(x -> "ana".equals(x.getString("username")))
          .findFirst().orElseThrow();
      assertThat(a.getString("status")).isEqualTo("available");
      assertThat(a.getInteger("capacity")).isEqualTo(1);
      assertThat(a.getLong("open_chats")).isEqualTo(1);
      assertThat(sue.get("/api/desk/chats/" + held).json().getBoolean("read_only")).isTrue();
      assertThat(sue.get("/api/desk/chats?scope=all").array()).hasSize(1);
    }
  }

  @Test
  void outsideTheWindowTheComposerIsLockedAndTheReopeningTemplateGoes() {
    try (var node = new DeskTestNode(Map.of("KONTAK_REOPEN_TEMPLATE", "kontak_reopen"))) {
      Browser ana = node.availableAgent("ana", 1);
      long chat = node.handoff("halo", 0);
      await().atMost(WAIT).until(() -> "ana".equals(node.holderOf(chat)));
      node.sql("UPDATE wa_inbound SET sent_at = now() - interval '25 hours' WHERE citizen = $1", node.citizenOf(chat));
      Response locked = ana.reply(chat, "maaf terlambat");
      assertThat(locked.status()).isEqualTo(409);
      assertThat(locked.json().getString("reason")).isEqualTo("window_closed");
      Response template = ana.post("/api/desk/chats/" + chat + "/messages", new JsonObject().put("template", true));
      assertThat(template.status()).isEqualTo(202);
      assertThat(node.sql("SELECT kind FROM wa_outbox").iterator().next().getString("kind")).isEqualTo("template");
    }
  }

  @Test
  void returnToBotAndEarlierConversationsOfTheSameCitizen() {
    try (var node = new DeskTestNode(Map.of())) {
      Browser ana = node.availableAgent("ana", 2);
      long first = node.handoff("pertama", 0);
      await().atMost(WAIT).until(() -> "ana".equals(node.holderOf(first)));
      assertThat(ana.close(first).status()).isEqualTo(200);
      String citizen = node.citizenOf(first);
      node.inbound(citizen, "kedua", "Citizen");
      long second = node.sql("""
          INSERT INTO conversation (citizen, status, language, handoff_reason, queued_at)
          VALUES ($1, 'queued', 'id', 'asked', clock_timestamp()) RETURNING id""", citizen).iterator().next()
          .getLong("id");
      node.desk.runTimers().await();
      await().atMost(WAIT).until(() -> "ana".equals(node.holderOf(second)));
      var earlier = ana.get("/api/desk/chats/" + second).json().getJsonArray("earlier");
      assertThat(earlier.getJsonObject(0).getLong("conversation")).isEqualTo(first);
      assertThat(earlier.getJsonObject(0).getString("outcome")).isEqualTo("resolved_by_agent");
      assertThat(ana.get("/api/desk/chats/" + first).status()).isEqualTo(200);
      assertThat(ana.post("/api/desk/chats/" + second + "/return-to-bot", null).status()).isEqualTo(200);
      assertThat(node.statusOf(second)).isEqualTo("bot");
      assertThat(ana.get("/api/desk/chats").array()).isEmpty();
    }
  }
}
