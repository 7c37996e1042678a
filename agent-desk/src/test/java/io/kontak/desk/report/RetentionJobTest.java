package io.kontak.desk.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontak.core.testing.TestServices;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The retention job erases old bodies and numbers everywhere, keeps recent ones, and the figures stay. */
class RetentionJobTest {
  static final String OLD = "6281100000201";
  static final String RECENT = "6281100000202";
  static final List<String> TABLES = List.of("conversation", "conversation_outcome", "fraud_report", "wa_inbound",
      "wa_outbox", "wa_status", "desk_note", "desk_event", "desk_outbound");
  static final Clock NOW = Clock.fixed(Instant.parse("2026-09-30T00:00:00Z"), ZoneOffset.UTC);

  History history;

  @BeforeEach
  void database() {
    history = new History(TestServices.freshDatabase());
  }

  @AfterEach
  void close() {
    history.close();
  }

  @Test
  void oldConversationsLoseNumbersAndBodiesButKeepTheirFigures() {
    long agent = history.agent("ani");
    conversation(OLD, "2026-03-10T02:00:00Z", agent);      // 204 days before NOW
    conversation(RECENT, "2026-09-20T02:00:00Z", agent);   // 10 days before
    var report = new ResolutionReport(history.pool, ResolutionReportTest.SETTINGS);
    var march = new ReportRange(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"), ResolutionReportTest.JAKARTA);
    JsonObject before = report.compute(march).await();
    assertThat(mentions(OLD)).isPositive();

    var job = new RetentionJob(history.pool, Duration.ofDays(180), Duration.ofHours(1), NOW);
    assertThat(job.run().await()).isPositive();

    assertThat(mentions(OLD)).as("rows still naming the old citizen").isZero();
    assertThat(mentions("Siti Old")).as("rows still holding the old citizen's name").isZero();
    assertThat(mentions("my money is gone")).as("rows still holding what the old citizen wrote").isZero();
    assertThat(mentions(RECENT)).isPositive();
    assertThat(history.count("SELECT count(*) FROM wa_inbound WHERE citizen = $1", "wa:" + RECENT)).isEqualTo(1);
    assertThat(history.count("SELECT count(*) FROM conversation WHERE citizen LIKE 'erased:%'")).isEqualTo(1);
    assertThat(report.compute(march).await()).isEqualTo(before);
    assertThat(before.getLong("resolved_by_agent")).isEqualTo(1);
    assertThat(job.run().await()).as("a second run finds nothing left").isZero();
  }

  /** A handed-off fraud report with the citizen's message, the agent's reply, a status and a note. */
  private void conversation(String phone, String opened, long agent) {
    Instant t = Instant.parse(opened);
    String citizen = "wa:" + phone;
    String name = OLD.equals(phone) ? "Siti Old" : "Budi Recent";
    String tag = OLD.equals(phone) ? "a" : "b";  // Meta's ids do not contain the number
    String text = OLD.equals(phone) ? "my money is gone" : "is this app registered";
    long id = history.open(citizen, "id", opened, "report_fraud");
    history.run("""
        INSERT INTO wa_inbound (wamid, citizen, wa_id, phone_number_id, kind, payload, raw, sent_at, received_at, processed_at)
        VALUES ($1, $2, $3, 'pn', 'text', $4, $4, $5, $5, $5)""",
        "wamid.in." + tag, citizen, phone, new JsonObject().put("profile_name", name).put("body", text),
        History.at(t.toString()));
    history.run("INSERT INTO fraud_report (conversation_id, citizen, description, created_at) VALUES ($1, $2, $3, $4)",
        id, citizen, text, History.at(t.toString()));
    history.handOff(id, "fraud_report", t.plusSeconds(60).toString());
    history.assign(id, agent, t.plusSeconds(120).toString());
    history.agentSays(id, agent, t.plusSeconds(180).toString());
    history.run("UPDATE wa_outbox SET state = 'sent', wamid = $2 WHERE citizen = $1", citizen, "wamid.out." + tag);
    history.run("""
        INSERT INTO wa_status (wamid, status, rank, citizen, occurred_at, received_at, payload)
        VALUES ($1, 'delivered', 3, $2, $3, $3, $4)""", "wamid.out." + tag, citizen, History.at(t.plusSeconds(181).toString()),
        new JsonObject().put("recipient_id", phone));
    history.run("INSERT INTO desk_note (conversation_id, author, text, created_at) VALUES ($1, $2, $3, $4)",
        id, agent, "called " + name + " back", History.at(t.plusSeconds(200).toString()));
    history.deskClose(id, "resolved_by_agent", "fraud_report_taken", t.plusSeconds(600).toString(), agent);
  }

  /** Rows of every table holding personal data whose text contains {@code needle}. */
  private long mentions(String needle) {
    long n = 0;
    for (String table : TABLES) {
      n += history.count("SELECT count(*) FROM " + table + " t WHERE t::text LIKE '%' || $1 || '%'", needle);
    }
    return n;
  }
}
