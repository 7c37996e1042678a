package io.kontak.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Routing on real Postgres through the HTTP surface: capacity, order, balance, transfers, timers. */
class DeskRoutingTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void fourChatsFillAnAgentTheFifthWaitsAndClosingOnePullsItIn() {
    try (var node = new DeskTestNode(Map.of())) {
      Browser ana = node.availableAgent("ana", 4);
      List<Long> chats = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        chats.add(node.handoff("saya mau bicara dengan petugas " + i, 0));
      }
      await().atMost(WAIT).until(() -> ana.get("/api/desk/chats").array().size() == 4);
      var mine = ana.get("/api/desk/chats").array();
      assertThat(mine.stream().map(o -> ((JsonObject) o).getLong("conversation")))
          .containsExactlyElementsOf(chats.subList(0, 4));
      JsonObject first = mine.getJsonObject(0);
      assertThat(first.fieldNames()).contains("conversation", "citizen_name", "language", "reason", "priority",
          "queued_at", "assigned_at", "waiting_since", "window_closes_at", "unread");
      assertThat(first.getString("waiting_since")).isNotNull();
      assertThat(first.getLong("unread")).isEqualTo(1);
      assertThat(node.statusOf(chats.get(4))).isEqualTo("queued");
      assertThat(node.queue().getJsonObject(0).getLong("conversation")).isEqualTo(chats.get(4));

      assertThat(ana.close(chats.get(1)).status()).isEqualTo(200);
      await().atMost(WAIT).until(() -> "ana".equals(node.holderOf(chats.get(4))));
      var outcome = node.sql("SELECT outcome, resolution FROM conversation_outcome WHERE conversation_id = $1",
          chats.get(1)).iterator().next();
      assertThat(outcome.getString("outcome")).isEqualTo("resolved_by_agent");
      assertThat(outcome.getString("resolution")).isEqualTo("answered");
      assertThat(node.sql("SELECT kind FROM desk_event WHERE conversation_id = $1 ORDER BY id", chats.get(1))
          .stream().map(r -> r.getString("kind")).toList()).containsExactly("assigned", "closed");
    }
  }

  @Test
  void chatsGoToTheLowestLoadRatioAndTheQueueIsServedByPriorityThenAge() {
    try (var node = new DeskTestNode(Map.of())) {
      long normal = node.handoff("halo", 0);
      long fraud = node.handoff("saya ditipu pinjol", 10);
      long later = node.handoff("halo lagi", 0);
      assertThat(node.queue().stream().map(o -> ((JsonObject) o).getLong("conversation")))
          .containsExactly(fraud, normal, later);
      Browser big = node.availableAgent("big", 4);
      await().atMost(WAIT).until(() -> node.queue().isEmpty());
      assertThat(big.get("/api/desk/chats").array().stream().map(o -> ((JsonObject) o).getLong("conversation")))
          .containsExactly(fraud, normal, later);

      Browser small = node.availableAgent("small", 2);
      // big 3/4, small 0/2: small gets the next two, then big 3/4 vs small 2/2 full → big
      long a = node.handoff("a", 0);
      await().atMost(WAIT).until(() -> "small".equals(node.holderOf(a)));
      long b = node.handoff("b", 0);
      await().atMost(WAIT).until(() -> "small".equals(node.holderOf(b)));
      long c = node.handoff("c", 0);
      await().atMost(WAIT).until(() -> "big".equals(node.holderOf(c)));
      long d = node.handoff("d", 0);
      await().atMost(WAIT).until(() -> node.statusOf(d).equals("queued") && node.queue().size() == 1);
      assertThat(small.get("/api/desk/chats").array()).hasSize(2);
      assertThat(big.get("/api/desk/chats").array()).hasSize(4);
    }
  }

  @Test
  void awayAgentsKeepTheirChatsAndGetNoNewOnes() {
    try (var node = new DeskTestNode(Map.of())) {
      Browser ana = node.availableAgent("ana", 4);
      long first = node.handoff("satu", 0);
      await().atMost(WAIT).until(() -> "ana".equals(node.holderOf(first)));
      ana.status("away");
      long second = node.handoff("dua", 0);
      node.desk.runTimers().await();
      assertThat(node.statusOf(second)).isEqualTo("queued");
      assertThat(node.holderOf(first)).isEqualTo("ana");
      ana.status("available");
      await().atMost(WAIT).until(() -> "ana".equals(node.holderOf(second)));
    }
  }

  @Test
  void transfersCheckTheTargetAndSupervisorsMayOverride() {
    try (var node = new DeskTestNode(Map.of())) {
      Browser ana = node.availableAgent("ana", 4);
      long chat = node.handoff("tolong", 0);
      await().atMost(WAIT).until(() -> "ana".equals(node.holderOf(chat)));

      assertThat(ana.transfer(chat, "ghost").status()).isEqualTo(422);
      node.createAccount("off", "agent", 4);
      assertThat(ana.transfer(chat, "off").json().getString("reason")).isEqualTo("offline");
      Browser bob = node.availableAgent("bob", 1);
      bob.status("away");
      Response away = ana.transfer(chat, "bob");
      assertThat(away.status()).isEqualTo(409);
      assertThat(away.json().getString("reason")).isEqualTo("away");
      bob.status("available");
      long other = node.handoff("lain", 0);
      await().atMost(WAIT).until(() -> "bob".equals(node.holderOf(other)));
      Response full = ana.transfer(chat, "bob");
      assertThat(full.status()).isEqualTo(409);
      assertThat(full.json().getString("reason")).isEqualTo("full");
      assertThat(ana.post("/api/desk/chats/" + chat + "/transfer", new JsonObject().put("to", "bob")
          .put("override", true)).status()).isEqualTo(403);

      node.createAccount("sue", "supervisor", 4);
      Browser sue = node.signIn("sue");
      Response overridden = sue.post("/api/desk/chats/" + chat + "/transfer",
          new JsonObject().put("to", "bob").put("override", true).put("note", "VIP"));
      assertThat(overridden.status()).isEqualTo(200);
      assertThat(node.holderOf(chat)).isEqualTo("bob");
      assertThat(bob.get("/api/desk/chats").array()).hasSize(2);
      // the former holder is told the chat moved
      Response late = ana.reply(chat, "masih di sini?");
      assertThat(late.status()).isEqualTo(409);
      assertThat(late.json().getString("reason")).isEqualTo("reassigned");

      // to the queue: it keeps its place (the first asked time)
      assertThat(bob.transfer(chat, "queue").status()).isEqualTo(200);
      await().atMost(WAIT).until(() -> "ana".equals(node.holderOf(chat)));
    }
  }

  @Test
  void anAgentGoneLongerThanTheGraceLosesTheirChatsInTheirPlaces() {
    try (var node = new DeskTestNode(Map.of("KONTAK_DESK_PRESENCE_GRACE_SECONDS", "1"))) {
      Browser ana = node.availableAgent("ana", 4);
      long chat = node.handoff("tolong", 0);
      await().atMost(WAIT).until(() -> "ana".equals(node.holderOf(chat)));
      long queuedAt = node.sql("SELECT extract(epoch FROM queued_at) * 1e6 AS t FROM conversation WHERE id = $1",
          chat).iterator().next().getNumeric("t").longValue();
      await().atMost(WAIT).until(() -> {
        node.desk.runTimers().await();
        return "queued".equals(node.statusOf(chat));
      });
      assertThat(node.sql("SELECT status FROM desk_account WHERE username = 'ana'").iterator().next()
          .getString("status")).isEqualTo("offline");
      // the reports' presence history saw each change (created away, chose available, swept offline)
      assertThat(node.sql("""
          SELECT string_agg(p.status, ',' ORDER BY p.at, p.id) AS history
            FROM desk_presence p JOIN desk_account a ON a.id = p.agent WHERE a.username = 'ana'""")
          .iterator().next().getString("history")).isEqualTo("away,available,offline");
      assertThat(node.sql("SELECT extract(epoch FROM queued_at) * 1e6 AS t FROM conversation WHERE id = $1", chat)
          .iterator().next().getNumeric("t").longValue()).isEqualTo(queuedAt);
      // a sign of life makes the agent away, not available
      assertThat(ana.get("/api/desk/me").json().getString("status")).isIn("away", "offline");
    }
  }

  @Test
  void noFirstReplyMovesTheChatAndSetsTheAgentAwayThenAlertsTheSupervisor() {
    try (var node = new DeskTestNode(Map.of("KONTAK_DESK_FIRST_REPLY_SECONDS", "1", "KONTAK_DESK_MAX_MOVES", "1"))) {
      Browser ana = node.availableAgent("ana", 4);
      long chat = node.handoff("tolong", 0);
      await().atMost(WAIT).until(() -> "ana".equals(node.holderOf(chat)));
      Browser bob = node.availableAgent("bob", 4);
      await().atMost(WAIT).until(() -> {
        node.desk.runTimers().await();
        return "bob".equals(node.holderOf(chat));
      });
      assertThat(ana.get("/api/desk/me").json().getString("status")).isEqualTo("away");
      // bob does not answer either: one move made, so the supervisor is alerted and the chat stays
      await().atMost(WAIT).until(() -> {
        node.desk.runTimers().await();
        return node.sql("SELECT count(*) AS n FROM desk_event WHERE conversation_id = $1 AND kind = 'alert'", chat)
            .iterator().next().getLong("n") == 1;
      });
      assertThat(node.holderOf(chat)).isEqualTo("bob");
      assertThat(bob.get("/api/desk/me").json().getString("status")).isEqualTo("available");
    }
  }

  @Test
  void aSilentCitizensChatIsParkedAndComesBackToTheSameAgentWhenTheyWrite() {
    try (var node = new DeskTestNode(Map.of("KONTAK_DESK_PARK_SECONDS", "1"))) {
      Browser ana = node.availableAgent("ana", 1);
      long chat = node.handoff("tolong", 0);
      await().atMost(WAIT).until(() -> "ana".equals(node.holderOf(chat)));
      assertThat(ana.reply(chat, "Halo, ada yang bisa dibantu?").status()).isEqualTo(202);
      await().atMost(WAIT).until(() -> {
        node.desk.runTimers().await();
        return node.holderOf(chat) == null;
      });
      assertThat(ana.get("/api/desk/chats").array()).isEmpty();
      // the freed slot serves the queue
      long next = node.handoff("berikutnya", 0);
      await().atMost(WAIT).until(() -> "ana".equals(node.holderOf(next)));
      // the parked citizen writes: head of the queue, back to ana once she has room
      node.citizenWrites(chat, "maaf, saya kembali");
      await().atMost(WAIT).until(() -> "queued".equals(node.statusOf(chat)));
      assertThat(node.queue().getJsonObject(0).getLong("conversation")).isEqualTo(chat);
      assertThat(node.queue().getJsonObject(0).getString("returning_to")).isEqualTo("ana");
      assertThat(ana.close(next).status()).isEqualTo(200);
      await().atMost(WAIT).until(() -> "ana".equals(node.holderOf(chat)));
    }
  }

  @Test
  void parkedChatsAreClosedAsAbandonedAfterAWhile() {
    try (var node = new DeskTestNode(Map.of("KONTAK_DESK_PARK_SECONDS", "1",
        "KONTAK_DESK_ABANDON_PARKED_SECONDS", "1"))) {
      Browser ana = node.availableAgent("ana", 1);
      long chat = node.handoff("tolong", 0);
      await().atMost(WAIT).until(() -> "ana".equals(node.holderOf(chat)));
      ana.reply(chat, "Halo?");
      await().atMost(WAIT).until(() -> {
        node.desk.runTimers().await();
        return "closed".equals(node.statusOf(chat));
      });
      assertThat(node.sql("SELECT outcome FROM conversation_outcome WHERE conversation_id = $1", chat).iterator()
          .next().getString("outcome")).isEqualTo("abandoned");
    }
  }
}
