package io.kontak.desk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kontak.core.testing.TestServices;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The report read from the rollups (V410: outcomes counted by trigger, concurrency kept per ended day)
 * equals the report read live from the outcome and event tables, on scripted days in Asia/Jakarta:
 * overlapping chats held across midnight, a transfer, a bot resolution relabelled on the next day, a survey
 * answered later, SLA cases, an abandonment, a conversation the bot never answered, and today (a
 * reopen re-label minutes ago, a chat still held now).
 */
class ResolutionReportRollupTest {
  static final ZoneId JAKARTA = ResolutionReportTest.JAKARTA;
  static final LocalDate MARCH_9 = LocalDate.parse("2026-03-09");
  static final LocalDate MARCH_11 = LocalDate.parse("2026-03-11");

  History history;
  ResolutionReport report;
  LocalDate today;

  @BeforeEach
  void scriptTheDays() {
    history = new History(TestServices.freshDatabase());
    report = new ResolutionReport(history.pool, ResolutionReportTest.SETTINGS);
    assertThat(Reports.configureRollups(history.pool, JAKARTA, ResolutionReportTest.SETTINGS).await()).isTrue();
    long ani = history.agent("ani");
    long budi = history.agent("budi");

    // 9 March 09:00 local: registration check the bot resolved; surveyed the next day
    long c1 = history.open("wa:6281100000101", "id", "2026-03-09T02:00:00Z", 2,
        new JsonArray().add("check_registration"), new JsonArray().add(new JsonObject().put("entity", "x").put("verdict", "registered")));
    history.botClose(c1, "resolved_by_bot", "2026-03-09T02:02:00Z");
    // 9 March 23:30: an English FAQ the bot "resolved"; the citizen is back at 08:00 on the 10th
    long c2 = history.open("wa:6281100000102", "en", "2026-03-09T16:30:00Z", "faq.contact");
    history.botClose(c2, "resolved_by_bot", "2026-03-09T16:40:00Z");
    // 9 March 23:40: asks for a person; ani holds it across midnight, transfers to budi at 00:10
    long c4 = history.open("wa:6281100000104", "id", "2026-03-09T16:40:00Z", "human_agent");
    history.handOff(c4, "requested", "2026-03-09T16:41:00Z");
    history.assign(c4, ani, "2026-03-09T16:45:00Z");
    history.agentSays(c4, ani, "2026-03-09T16:50:00Z");
    history.transfer(c4, ani, budi, "2026-03-09T17:10:00Z");
    history.agentSays(c4, budi, "2026-03-09T17:12:00Z");
    history.deskClose(c4, "resolved_by_agent", "answered", "2026-03-09T17:30:00Z", budi);
    // 9 March 23:50: a registration check ani takes alongside c4, closed at 00:05
    long c10 = history.open("wa:6281100000100", "id", "2026-03-09T16:50:00Z", "check_registration");
    history.handOff(c10, "unsure", "2026-03-09T16:51:00Z");
    history.assign(c10, ani, "2026-03-09T16:55:00Z");
    history.agentSays(c10, ani, "2026-03-09T16:56:00Z");
    history.deskClose(c10, "resolved_by_agent", "registration_checked", "2026-03-09T17:05:00Z", ani);

    long c3 = history.open("wa:6281100000102", "en", "2026-03-10T01:00:00Z", "faq.about");
    history.botClose(c3, "resolved_by_bot", "2026-03-10T01:04:00Z");
    history.survey(c1, 4, 9, "2026-03-10T01:30:00Z");
    // 10 March 10:00: a fraud report ani resolves within the SLA, overlapping budi's next chat
    long c5 = history.open("wa:6281100000105", "id", "2026-03-10T03:00:00Z", "report_fraud");
    history.handOff(c5, "fraud_report", "2026-03-10T03:01:00Z");
    history.assign(c5, ani, "2026-03-10T03:02:00Z");
    history.agentSays(c5, ani, "2026-03-10T03:05:00Z");
    history.deskClose(c5, "resolved_by_agent", "answered", "2026-03-10T03:20:00Z", ani);
    // 10 March 10:10: an unsure registration check left in the queue
    long c6 = history.open("wa:6281100000106", "id", "2026-03-10T03:10:00Z", "check_registration");
    history.handOff(c6, "unsure", "2026-03-10T03:11:00Z");
    history.botClose(c6, "abandoned", "2026-03-10T03:40:00Z");
    // 11 March: a complaint in Spanish the bot resolved; a chat budi closed as no_response; a silent citizen
    long c7 = history.open("wa:6281100000107", "es", "2026-03-11T02:00:00Z", "faq.complaint_howto");
    history.botClose(c7, "resolved_by_bot", "2026-03-11T02:05:00Z");
    history.survey(c7, 2, 3, "2026-03-11T02:06:00Z");
    long c8 = history.open("wa:6281100000108", "id", "2026-03-11T04:00:00Z", "human_agent");
    history.handOff(c8, "requested", "2026-03-11T04:00:30Z");
    history.assign(c8, budi, "2026-03-11T04:01:00Z");
    history.deskClose(c8, "resolved_by_agent", "no_response", "2026-03-11T04:30:00Z", budi);
    long c9 = history.open("wa:6281100000109", "id", "2026-03-11T05:00:00Z", 0, new JsonArray(), new JsonArray());
    history.botClose(c9, "abandoned", "2026-03-11T05:10:00Z");

    // today: a bot resolution relabelled by a return 5 minutes ago (still open), a chat ani closed,
    // a fraud report budi still holds
    Instant now = Instant.now();
    today = LocalDate.ofInstant(now, JAKARTA);
    long t1 = history.open("wa:6281100000110", "id", ago(now, 50), "check_registration");
    history.botClose(t1, "resolved_by_bot", ago(now, 45));
    history.open("wa:6281100000110", "id", ago(now, 5), "check_registration");
    long t3 = history.open("wa:6281100000111", "id", ago(now, 40), "human_agent");
    history.handOff(t3, "requested", ago(now, 39));
    history.assign(t3, ani, ago(now, 38));
    history.agentSays(t3, ani, ago(now, 36));
    history.deskClose(t3, "resolved_by_agent", "answered", ago(now, 30), ani);
    long t4 = history.open("wa:6281100000112", "id", ago(now, 20), "report_fraud");
    history.handOff(t4, "fraud_report", ago(now, 19));
    history.assign(t4, budi, ago(now, 18));
    history.agentSays(t4, budi, ago(now, 17));

    // presence: ani available 23:30 to 00:20 across the 9th's midnight; budi 10:50 to 11:40 on the
    // 11th; citra available for two days with no chat (17:00 on the 9th to 17:00 on the 11th);
    // ani available again since an hour ago (open: counts until now)
    long citra = history.agent("citra");
    history.status(ani, "available", "2026-03-09T16:30:00Z");
    history.status(ani, "away", "2026-03-09T17:20:00Z");
    history.status(budi, "available", "2026-03-11T03:50:00Z");
    history.status(budi, "offline", "2026-03-11T04:40:00Z");
    history.status(citra, "available", "2026-03-09T10:00:00Z");
    history.status(citra, "offline", "2026-03-11T10:00:00Z");
    history.status(ani, "available", ago(now, 60));

    assertThat(new ConcurrencyDays(history.pool, JAKARTA).run().await()).as("days kept").isPositive();
  }

  @AfterEach
  void close() {
    history.close();
  }

  @Test
  void endedDaysGiveExactlyTheLiveFigures() {
    assertThat(history.count("SELECT count(*) FROM report_concurrency_day WHERE day BETWEEN $1 AND $2",
        MARCH_9, MARCH_11)).isEqualTo(3);
    for (var range : List.of(range(MARCH_9, MARCH_11), range(MARCH_9, MARCH_9), range(MARCH_11.minusDays(1), MARCH_11.minusDays(1)),
        range(MARCH_11, MARCH_11), range(LocalDate.parse("2026-04-01"), LocalDate.parse("2026-04-02")))) {
      JsonObject live = report.live(range).await();
      assertThat(report.compute(range).await()).as(range.toString()).isEqualTo(live);
    }
    JsonObject three = report.compute(range(MARCH_9, MARCH_11)).await();
    assertThat(three.getLong("conversations")).isEqualTo(10);
    assertThat(three.getLong("reopened")).as("c2, relabelled on the next day").isEqualTo(1);
    assertThat(three.getJsonObject("csat").getLong("answers")).isEqualTo(2);
    assertThat(three.getJsonObject("sla").getLong("within_sla")).isEqualTo(2);
    // chats 102 min; working: ani 50 + 18 (c5, away), budi 20 (c4, away) + 50, citra 48 h
    assertThat(three.getDouble("agent_concurrency")).isCloseTo(102.0 / (50 + 18 + 20 + 50 + 48 * 60), within(1e-9));
  }

  @Test
  void todayAndRangesReachingItGiveTheLiveFigures() {
    for (var range : List.of(range(today, today), range(MARCH_9, today), range(MARCH_11, today))) {
      JsonObject live = report.live(range).await();
      JsonObject fast = report.compute(range).await();
      // budi's open chat counts until now(): the two statements ran a few milliseconds apart
      assertThat(fast.getDouble("agent_concurrency")).isCloseTo(live.getDouble("agent_concurrency"), within(1e-4));
      fast.remove("agent_concurrency");
      live.remove("agent_concurrency");
      assertThat(fast).as(range.toString()).isEqualTo(live);
    }
    JsonObject now = report.compute(range(today.minusDays(1), today)).await();
    assertThat(now.getLong("conversations")).as("t1 (reopened), t3; t2 and t4 are still open").isEqualTo(2);
    assertThat(now.getLong("reopened")).isEqualTo(1);
    assertThat(now.getLong("resolved_by_bot")).isZero();
  }

  @Test
  void theReportReadsTheRollupsAndARebuildCountsTheSame() {
    var days = range(MARCH_9, MARCH_11);
    JsonObject before = report.compute(days).await();
    List<String> rows = rollupRows();
    history.run("SELECT report_rollup_rebuild()");
    assertThat(rollupRows()).isEqualTo(rows);

    history.run("UPDATE report_day SET conversations = conversations + 1 WHERE day = $1", MARCH_9);
    assertThat(report.compute(days).await().getLong("conversations")).as("read from report_day")
        .isGreaterThan(before.getLong("conversations"));
    history.run("SELECT report_rollup_rebuild()");
    assertThat(report.compute(days).await()).isEqualTo(before);
  }

  @Test
  void aNewTimeZoneRebuildsTheRollupsInIt() {
    ZoneId newYork = ZoneId.of("America/New_York");
    assertThat(Reports.configureRollups(history.pool, newYork, ResolutionReportTest.SETTINGS).await()).isTrue();
    assertThat(new ConcurrencyDays(history.pool, newYork).run().await()).isPositive();
    // 8 March is 23 hours long in New York (daylight saving time starts)
    var range = new ReportRange(LocalDate.parse("2026-03-08"), LocalDate.parse("2026-03-11"), newYork);
    assertThat(report.compute(range).await()).isEqualTo(report.live(range).await());
    assertThat(report.compute(range).await().getLong("conversations")).isEqualTo(10);
    var jakarta = range(MARCH_9, MARCH_11);
    assertThat(history.one("SELECT rollup_zone FROM report_setting").getString(0)).isEqualTo("America/New_York");
    assertThat(report.compute(jakarta).await()).as("another zone than the rollups': live")
        .isEqualTo(report.live(jakarta).await());
  }

  @Test
  void retentionKeepsTheRolledUpFigures() {
    var days = range(MARCH_9, MARCH_11);
    JsonObject before = report.compute(days).await();
    Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(400)), ZoneOffset.UTC);
    assertThat(new RetentionJob(history.pool, Duration.ofDays(180), Duration.ofHours(1), later).run().await()).isPositive();
    assertThat(history.count("SELECT count(*) FROM conversation_outcome WHERE citizen NOT LIKE 'erased:%'")).isZero();
    assertThat(report.compute(days).await()).isEqualTo(before);
  }

  private List<String> rollupRows() {
    return history.rows("SELECT r::text FROM report_day r ORDER BY day, language, intent, handoff_reason").stream()
        .map(row -> row.getString(0)).toList();
  }

  private static ReportRange range(LocalDate from, LocalDate to) {
    return new ReportRange(from, to, JAKARTA);
  }

  private static String ago(Instant now, int minutes) {
    return now.minus(Duration.ofMinutes(minutes)).toString();
  }
}
