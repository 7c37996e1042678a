package io.kontak.desk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kontak.core.config.KontakConfig;
import io.kontak.core.config.ReportsConfig;
import io.kontak.core.testing.TestServices;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A scripted day (2026-03-10 in Asia/Jakarta, UTC+7) of conversations written by the bot's and the
 * desk's own statements with chosen times; the report must give exactly these counts, rates and times,
 * from its rollups and live alike.
 */
class ResolutionReportTest {
  static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
  static final ReportRange DAY = new ReportRange(LocalDate.parse("2026-03-10"), LocalDate.parse("2026-03-10"), JAKARTA);
  static final ReportsConfig SETTINGS = KontakConfig.from(Map.of()).reports();

  History history;
  ResolutionReport report;

  @BeforeEach
  void scriptTheDay() {
    history = new History(TestServices.freshDatabase());
    report = new ResolutionReport(history.pool, SETTINGS);
    // the outcome trigger keeps the rollups from the first conversation on, as on a node (Reports.start)
    assertThat(Reports.configureRollups(history.pool, JAKARTA, SETTINGS).await()).isTrue();
    long ani = history.agent("ani");
    long budi = history.agent("budi");
    // budi was available from 23:50 the night before to 00:10; ani from 10:55, away at 11:03 with two
    // chats still open, available again 11:30 to 11:40
    history.status(budi, "available", "2026-03-09T16:50:00Z");
    history.status(budi, "away", "2026-03-09T17:10:00Z");
    history.status(ani, "available", "2026-03-10T03:55:00Z");
    history.status(ani, "away", "2026-03-10T04:03:00Z");
    history.status(ani, "available", "2026-03-10T04:30:00Z");
    history.status(ani, "offline", "2026-03-10T04:40:00Z");

    // 00:30 local (17:30 UTC the day before): registration check the bot resolved; surveyed
    long c6 = history.open("wa:6281100000006", "id", "2026-03-09T17:30:00Z", 2,
        new JsonArray().add("check_registration"), new JsonArray().add(new JsonObject().put("entity", "x").put("verdict", "registered")));
    history.botClose(c6, "resolved_by_bot", "2026-03-09T17:33:00Z");
    history.survey(c6, 5, 9, "2026-03-09T17:34:00Z");

    // 09:00 registration check resolved by the bot
    long c1 = history.open("wa:6281100000001", "id", "2026-03-10T02:00:00Z", 2,
        new JsonArray().add("check_registration"), new JsonArray().add(new JsonObject().put("entity", "y").put("verdict", "not_found")));
    history.botClose(c1, "resolved_by_bot", "2026-03-10T02:02:00Z");

    // 10:00 an FAQ answered in English; the citizen comes back at 12:00 (within 24 h): reopened
    long c2 = history.open("wa:6281100000002", "en", "2026-03-10T03:00:00Z", "faq.contact");
    history.botClose(c2, "resolved_by_bot", "2026-03-10T03:05:00Z");
    long c3 = history.open("wa:6281100000002", "en", "2026-03-10T05:00:00Z", "faq.about");
    history.botClose(c3, "resolved_by_bot", "2026-03-10T05:03:00Z");

    // 11:00 asks for a person: ani takes it at 11:01, answers at 11:02:30, transfers to budi at 11:05, closed 11:20
    long c4 = history.open("wa:6281100000004", "id", "2026-03-10T03:59:00Z", "human_agent");
    history.handOff(c4, "requested", "2026-03-10T04:00:00Z");
    history.assign(c4, ani, "2026-03-10T04:01:00Z");
    history.agentSays(c4, ani, "2026-03-10T04:02:30Z");
    history.transfer(c4, ani, budi, "2026-03-10T04:05:00Z");
    history.agentSays(c4, budi, "2026-03-10T04:06:00Z");
    history.deskClose(c4, "resolved_by_agent", "answered", "2026-03-10T04:20:00Z", budi);

    // 11:00:30 registration check handed off: ani takes it at 11:02, answers 11:03:30, closes 11:04
    long c7 = history.open("wa:6281100000007", "id", "2026-03-10T04:00:00Z", "check_registration");
    history.handOff(c7, "requested", "2026-03-10T04:00:30Z");
    history.assign(c7, ani, "2026-03-10T04:02:00Z");
    history.agentSays(c7, ani, "2026-03-10T04:03:30Z");
    history.deskClose(c7, "resolved_by_agent", "registration_checked", "2026-03-10T04:04:00Z", ani);

    // 13:00 a fraud report left waiting in the queue for 30 minutes
    long c5 = history.open("wa:6281100000005", "id", "2026-03-10T05:59:00Z", "report_fraud");
    history.handOff(c5, "fraud_report", "2026-03-10T06:00:00Z");
    history.botClose(c5, "abandoned", "2026-03-10T06:30:00Z");

    // 00:30 local on the 11th: outside the range
    long c8 = history.open("wa:6281100000008", "id", "2026-03-10T17:30:00Z", "check_registration");
    history.botClose(c8, "resolved_by_bot", "2026-03-10T17:31:00Z");
  }

  @AfterEach
  void close() {
    history.close();
  }

  @Test
  void theDayGivesExactlyTheExpectedFigures() {
    JsonObject r = report.compute(DAY).await();

    assertThat(r.getLong("conversations")).isEqualTo(7);
    assertThat(r.getLong("entered_bot")).isEqualTo(7);
    assertThat(r.getLong("resolved_by_bot")).isEqualTo(3);          // c6, c1, c3 (c2 reopened)
    assertThat(r.getDouble("bot_resolution_rate")).isEqualTo(3.0 / 7);
    assertThat(r.getLong("handed_off")).isEqualTo(3);
    assertThat(r.getDouble("handoff_rate")).isEqualTo(3.0 / 7);
    assertThat(r.getLong("resolved_by_agent")).isEqualTo(2);
    assertThat(r.getDouble("combined_resolution_rate")).isEqualTo(5.0 / 7);
    assertThat(r.getLong("abandoned")).isEqualTo(1);
    assertThat(r.getDouble("abandonment_rate")).isEqualTo(1.0 / 7);
    assertThat(r.getLong("reopened")).isEqualTo(1);

    JsonObject registration = r.getJsonObject("registration");
    assertThat(registration.getLong("conversations")).isEqualTo(3);
    assertThat(registration.getLong("resolved_by_bot")).isEqualTo(2);
    assertThat(registration.getDouble("bot_resolution_rate")).isEqualTo(2.0 / 3);
    assertThat(registration.getDouble("combined_resolution_rate")).isEqualTo(1.0);

    JsonObject english = r.getJsonObject("by_language").getJsonObject("en");
    assertThat(english.getLong("conversations")).isEqualTo(2);
    assertThat(english.getLong("resolved_by_bot")).isEqualTo(1);
    assertThat(english.getDouble("bot_resolution_rate")).isEqualTo(0.5);
    assertThat(r.getJsonObject("by_language").getJsonObject("id").getLong("conversations")).isEqualTo(5);
    assertThat(r.getJsonObject("by_intent").getJsonObject("report_fraud").getDouble("abandonment_rate")).isEqualTo(1.0);
    assertThat(r.getJsonObject("by_intent").getJsonObject("check_registration").getLong("conversations")).isEqualTo(3);

    assertThat(r.getJsonObject("queue_wait_seconds")).isEqualTo(new JsonObject().put("p50", 90).put("p90", 1800));
    assertThat(r.getJsonObject("first_response_seconds")).isEqualTo(new JsonObject().put("p50", 150).put("p90", 180));
    assertThat(r.getJsonObject("handle_seconds")).isEqualTo(
        new JsonObject().put("p50", 120).put("p90", 1140).put("average", 630.0));
    // chats: ani c4 11:01-11:05 and c7 11:02-11:04 (360 s), budi c4 11:05-11:20 (900 s); working: ani
    // 10:55-11:05 (available, then away with chats open) and 11:30-11:40, budi 00:00-00:10 and 11:05-11:20
    assertThat(r.getDouble("agent_concurrency")).isCloseTo(1260.0 / (600 + 600 + 600 + 900), within(1e-9));
    assertThat(r.getJsonObject("handoff_reasons")).isEqualTo(new JsonObject().put("fraud_report", 1).put("requested", 2));
    assertThat(r.getJsonObject("csat")).isEqualTo(
        new JsonObject().put("answers", 1).put("average", 5.0).put("satisfied_share", 1.0));
    assertThat(r.getJsonObject("nps").getDouble("score")).isEqualTo(100.0);
    assertThat(r.getJsonObject("sla")).isEqualTo(
        new JsonObject().put("hours", 72).put("cases", 1).put("within_sla", 0).put("share", 0.0));

    JsonArray hours = r.getJsonObject("volume").getJsonArray("by_hour");
    assertThat(hours.getJsonObject(0).getLong("conversations")).isEqualTo(1);   // c6, 00:30 local
    assertThat(hours.getJsonObject(10).getLong("conversations")).isEqualTo(2);  // c2, c4 (10:59)
    assertThat(hours.getJsonObject(11).getLong("conversations")).isEqualTo(1);  // c7
    assertThat(hours.getJsonObject(12).getLong("conversations")).isEqualTo(2);  // c3, c5
    assertThat(r.getJsonObject("volume").getJsonArray("by_day"))
        .isEqualTo(new JsonArray().add(new JsonObject().put("date", "2026-03-10").put("conversations", 7)));
    assertThat(r).as("from the outcome and event tables themselves").isEqualTo(report.live(DAY).await());
    assertThat(new ConcurrencyDays(history.pool, JAKARTA).run().await()).isPositive();
    assertThat(report.compute(DAY).await()).as("with the day's concurrency kept").isEqualTo(r);
  }

  @Test
  void anEmptyRangeGivesZerosAndNoTimes() {
    JsonObject r = report.compute(new ReportRange(LocalDate.parse("2026-04-01"), LocalDate.parse("2026-04-02"), JAKARTA))
        .await();
    assertThat(r.getLong("conversations")).isZero();
    assertThat(r.getDouble("bot_resolution_rate")).isZero();
    assertThat(r.getJsonObject("registration").getLong("entered_bot")).isZero();
    assertThat(r.getJsonObject("queue_wait_seconds")).isEqualTo(new JsonObject().put("p50", null).put("p90", null));
    assertThat(r.getJsonObject("csat").getValue("average")).isNull();
    assertThat(r.getJsonObject("volume").getJsonArray("by_day")).hasSize(2);
  }

  @Test
  void outcomesCarryTheWholeStory() {
    var c4 = history.one("""
        SELECT o.outcome, o.wait_seconds, o.first_response_seconds, o.handle_seconds, o.transfers,
               cardinality(o.agents) AS agents, o.agent_messages, o.resolution, o.language, o.first_intent
          FROM conversation_outcome o JOIN conversation c ON c.id = o.conversation_id
         WHERE c.citizen = 'wa:6281100000004'""");
    assertThat(c4.getString("outcome")).isEqualTo("resolved_by_agent");
    assertThat(c4.getInteger("wait_seconds")).isEqualTo(60);
    assertThat(c4.getInteger("first_response_seconds")).isEqualTo(150);
    assertThat(c4.getInteger("handle_seconds")).isEqualTo(19 * 60);
    assertThat(c4.getInteger("transfers")).isEqualTo(1);
    assertThat(c4.getInteger("agents")).isEqualTo(2);
    assertThat(c4.getInteger("agent_messages")).isEqualTo(2);
    assertThat(c4.getString("resolution")).isEqualTo("answered");
    assertThat(c4.getString("first_intent")).isEqualTo("human_agent");
    var verdicts = history.one("SELECT verdicts FROM conversation_outcome o JOIN conversation c ON c.id = o.conversation_id"
        + " WHERE c.citizen = 'wa:6281100000001'");
    assertThat((Object[]) verdicts.getValue(0)).containsExactly("not_found");
  }
}
