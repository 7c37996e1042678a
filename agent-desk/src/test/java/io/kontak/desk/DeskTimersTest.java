package io.kontak.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontak.desk.timers.QueueNotices;
import io.kontak.whatsapp.fake.FakeGraphApi;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The desk's timers on real Postgres, driven by running them on demand (no waiting for the clock
 * but where a timeout of one second must pass): slow-reply alerts, the queue's own timeout, and
 * what waiting citizens are told, which reaches Meta (the channel's fake Graph API).
 */
class DeskTimersTest {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String SUPERVISORS = "kontak.desk.supervisor";

  @Test
  void aSlowReplyAlertsSupervisorsOncePerCitizenMessageAndTheChatStays() {
    try (var node = new DeskTestNode(Map.of("KONTAK_DESK_SLOW_REPLY_SECONDS", "1"))) {
      node.createAccount("sue", "supervisor", 4);
      Browser sue = node.signIn("sue");
      Browser ana = node.availableAgent("ana", 4);
      long chat = node.handoff("tolong saya ditipu", 0);
      await().atMost(WAIT).until(() -> "ana".equals(node.holderOf(chat)));
      try (var live = LiveSocket.open(node, sue.cookie())) {
        live.register(SUPERVISORS);
        // Unanswered so far: that is the first-reply timer's business, not a slow reply.
        node.desk.runTimers().await();
        assertThat(alerts(node, chat)).isZero();

        assertThat(ana.reply(chat, "Halo, saya Ana. Ada yang bisa dibantu?").status()).isEqualTo(202);
        node.citizenWrites(chat, "nomor rekeningnya 123456, bagaimana?");
        await().atMost(WAIT).until(() -> {
          node.desk.runTimers().await();
          return alerts(node, chat) == 1;
        });
        await().atMost(WAIT).until(() -> slowAlerts(live, chat).size() == 1);
        assertThat(slowAlerts(live, chat).getFirst().getString("text")).contains("ana");

        // The same unanswered message never alerts twice, and the chat is not moved.
        node.desk.runTimers().await();
        node.desk.runTimers().await();
        assertThat(alerts(node, chat)).isEqualTo(1);
        assertThat(node.holderOf(chat)).isEqualTo("ana");

        // A new message from the citizen, still unanswered: one more alert.
        node.citizenWrites(chat, "halo? masih di sana?");
        await().atMost(WAIT).until(() -> {
          node.desk.runTimers().await();
          return alerts(node, chat) == 2;
        });
        await().atMost(WAIT).until(() -> slowAlerts(live, chat).size() == 2);

        // Answered: nothing more to alert about.
        assertThat(ana.reply(chat, "Masih, sebentar saya cek").status()).isEqualTo(202);
        node.desk.runTimers().await();
        assertThat(alerts(node, chat)).isEqualTo(2);
        assertThat(node.holderOf(chat)).isEqualTo("ana");
        assertThat(node.sql("SELECT count(*) FROM desk_event WHERE conversation_id = $1 AND kind <> 'alert'", chat)
            .iterator().next().getLong(0)).isEqualTo(1);  // the assignment, nothing else
      }
    }
  }

  @Test
  void theQueueKeepsARequestUntilTheDesksOwnTimeoutThenItIsAbandoned() {
    try (var node = new DeskTestNode(Map.of("KONTAK_DESK_QUEUE_ABANDON_HOURS", "24"))) {
      long stale = node.handoff("halo, ada petugas?", 0);
      long waiting = node.handoff("halo juga", 0);
      node.sql("UPDATE conversation SET last_activity_at = now() - interval '25 hours' WHERE id = $1", stale);
      node.sql("UPDATE conversation SET last_activity_at = now() - interval '23 hours' WHERE id = $1", waiting);

      node.desk.runTimers().await();

      assertThat(node.statusOf(stale)).isEqualTo("closed");
      var outcome = node.sql("SELECT outcome, resolution FROM conversation_outcome WHERE conversation_id = $1", stale)
          .iterator().next();
      assertThat(outcome.getString("outcome")).isEqualTo("abandoned");
      assertThat(outcome.getString("resolution")).isNull();
      assertThat(node.sql("SELECT kind FROM desk_event WHERE conversation_id = $1", stale).stream()
          .map(r -> r.getString("kind")).toList()).containsExactly("abandoned");
      assertThat(node.statusOf(waiting)).isEqualTo("queued");
      assertThat(node.queue().stream().map(o -> ((JsonObject) o).getLong("conversation"))).containsExactly(waiting);
    }
  }

  @Test
  void waitingCitizensAreToldTheirPlaceInTheirLanguageAndAgainWhenItMovesALot() {
    ZoneOffset noon = noonNow();
    try (var node = DeskTestNode.sending(Map.of("KONTAK_DESK_QUEUE_NOTICES", "true", "KONTAK_TIMEZONE", noon.getId(),
        "KONTAK_DESK_OFFICE_HOURS", "mon-sun 06:00-18:00"))) {
      List<String> languages = List.of("en", "es", "id", "id", "en", "es", "id");
      List<Long> chats = new ArrayList<>();
      languages.forEach(language -> chats.add(node.handoff("help", 0, language)));
      node.desk.runTimers().await();
      for (int i = 0; i < chats.size(); i++) {
        String citizen = waId(node, chats.get(i));
        String expected = position(languages.get(i), i + 1);
        await().atMost(WAIT).until(() -> texts(node.graph(), citizen).size() == 1);
        assertThat(texts(node.graph(), citizen).getFirst()).contains(expected).doesNotContain("{");
      }
      assertThat(texts(node.graph(), waId(node, chats.get(0))).getFirst())
          .contains("You are number 1 in the queue", "expected wait is about");

      // Two leave the queue: everyone moves up by two, not a lot: nobody is told again.
      Browser ana = node.availableAgent("ana", 2);
      await().atMost(WAIT).until(() -> "ana".equals(node.holderOf(chats.get(1))));
      node.desk.runTimers().await();
      assertThat(notices(node)).isEqualTo(chats.size());

      // Two more leave: the last three moved up by four places from what they were told: told again.
      assertThat(ana.close(chats.get(0)).status()).isEqualTo(200);
      assertThat(ana.close(chats.get(1)).status()).isEqualTo(200);
      await().atMost(WAIT).until(() -> "ana".equals(node.holderOf(chats.get(3))));
      node.desk.runTimers().await();
      for (int i = 4; i < chats.size(); i++) {
        String citizen = waId(node, chats.get(i));
        String expected = position(languages.get(i), i - 3);
        await().atMost(WAIT).until(() -> texts(node.graph(), citizen).size() == 2);
        assertThat(texts(node.graph(), citizen).get(1)).contains(expected);
      }
      assertThat(notices(node)).isEqualTo(chats.size() + 3);
      // The ones an agent took are not told anything more.
      assertThat(texts(node.graph(), waId(node, chats.get(2)))).hasSize(1);
    }
  }

  @Test
  void outsideOfficeHoursTheCitizenIsToldWhenAgentsAreBackTheQueueKeepsItAndAnAvailableAgentStillGetsIt() {
    ZoneOffset noon = noonNow();
    LocalDate today = OffsetDateTime.now(noon).toLocalDate();
    // Open every day but today (a holiday): officers are back tomorrow at eight, local time.
    try (var node = DeskTestNode.sending(Map.of("KONTAK_DESK_QUEUE_NOTICES", "true", "KONTAK_TIMEZONE", noon.getId(),
        "KONTAK_DESK_OFFICE_HOURS", "mon-sun 08:00-16:00", "KONTAK_DESK_HOLIDAYS", today.toString()))) {
      long english = node.handoff("anyone there?", 0, "en");
      long spanish = node.handoff("¿hay alguien?", 0, "es");
      node.desk.runTimers().await();
      String tomorrowEn = today.plusDays(1).getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      String tomorrowEs = today.plusDays(1).getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.forLanguageTag("es"));
      await().atMost(WAIT).until(() -> texts(node.graph(), waId(node, english)).size() == 1
          && texts(node.graph(), waId(node, spanish)).size() == 1);
      assertThat(texts(node.graph(), waId(node, english)).getFirst())
          .contains("number 1", "back " + tomorrowEn + " 08:00", "your request stays in the queue");
      assertThat(texts(node.graph(), waId(node, spanish)).getFirst())
          .contains("número 2", "vuelven " + tomorrowEs + " 08:00");

      // Nobody is there: the requests stay queued, however often the timers run.
      node.desk.runTimers().await();
      node.desk.runTimers().await();
      assertThat(node.statusOf(english)).isEqualTo("queued");
      assertThat(node.statusOf(spanish)).isEqualTo("queued");
      assertThat(notices(node)).isEqualTo(2);

      // An agent who is available gets the chats, whatever the hour.
      node.availableAgent("ana", 4);
      await().atMost(WAIT).until(() -> "ana".equals(node.holderOf(english)) && "ana".equals(node.holderOf(spanish)));
    }
  }

  @Test
  void whenTheOfficeClosesWhileTheyWaitTheyAreToldWhenAgentsAreBackAndAgainWhenItOpens() {
    try (var node = DeskTestNode.sending(Map.of("KONTAK_DESK_QUEUE_NOTICES", "true", "KONTAK_TIMEZONE", "Asia/Jakarta",
        "KONTAK_DESK_OFFICE_HOURS", "mon-fri 08:00-17:00"))) {
      var clock = new MovableClock(Instant.parse("2026-12-03T09:50:00Z"));  // Thursday 16:50 in Jakarta
      var notices = new QueueNotices(node.pool, node.channel.outbox(), node.config.desk(), QueueNotices.texts(), clock);
      String citizen = waId(node, node.handoff("help", 0, "en"));
      notices.tell().await();
      await().atMost(WAIT).until(() -> texts(node.graph(), citizen).size() == 1);
      assertThat(texts(node.graph(), citizen).getFirst()).contains("number 1", "expected wait");
      notices.tell().await();
      assertThat(notices(node)).isEqualTo(1);

      clock.now = Instant.parse("2026-12-03T10:05:00Z");  // 17:05: closed until Friday morning
      notices.tell().await();
      notices.tell().await();
      await().atMost(WAIT).until(() -> texts(node.graph(), citizen).size() == 2);
      assertThat(texts(node.graph(), citizen).get(1)).contains("number 1", "back Friday 08:00");

      clock.now = Instant.parse("2026-12-04T01:05:00Z");  // Friday 08:05: open again
      notices.tell().await();
      await().atMost(WAIT).until(() -> texts(node.graph(), citizen).size() == 3);
      assertThat(texts(node.graph(), citizen).get(2)).contains("number 1", "expected wait");
      assertThat(notices(node)).isEqualTo(3);
    }
  }

  /** A clock the test sets. */
  static final class MovableClock extends Clock {
    volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** A fixed-offset zone where it is about noon now: office hours around it cannot flip during the test. */
  static ZoneOffset noonNow() {
    return ZoneOffset.ofHours(12 - OffsetDateTime.now(ZoneOffset.UTC).getHour());
  }

  static String position(String language, int position) {
    return switch (language) {
      case "en" -> "You are number " + position + " in the queue";
      case "es" -> "Usted es el número " + position + " en la cola";
      default -> "Anda berada di antrean nomor " + position + ".";
    };
  }

  static String waId(DeskTestNode node, long conversation) {
    return node.citizenOf(conversation).substring("wa:".length());
  }

  /** The texts Meta accepted for the citizen, oldest first. */
  static List<String> texts(FakeGraphApi graph, String waId) {
    return graph.accepted().stream().map(FakeGraphApi.Request::body).filter(b -> waId.equals(b.getString("to")))
        .filter(b -> b.getJsonObject("text") != null).map(b -> b.getJsonObject("text").getString("body")).toList();
  }

  /** Queue notices enqueued so far, to anyone. */
  static long notices(DeskTestNode node) {
    return node.sql("SELECT count(*) FROM wa_outbox WHERE body::text ~ 'in the queue|en la cola|antrean nomor'")
        .iterator().next().getLong(0);
  }

  static long alerts(DeskTestNode node, long conversation) {
    return node.sql("SELECT count(*) FROM desk_event WHERE conversation_id = $1 AND kind = 'alert' AND reason = 'slow_reply'",
        conversation).iterator().next().getLong(0);
  }

  static List<JsonObject> slowAlerts(LiveSocket live, long conversation) {
    return live.events(SUPERVISORS, "alert").stream().filter(a -> "slow_reply".equals(a.getString("kind"))
        && a.getLong("conversation") == conversation).toList();
  }
}
