package io.kontak.desk.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontak.core.testing.TestServices;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Exactly one outcome per ended conversation, however often or concurrently its ending arrives. */
class OutcomeOnceTest {
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
  void anEndingDeliveredTwiceWritesOneOutcome() {
    long id = history.open("wa:6281100000101", "id", "2026-03-10T02:00:00Z", "faq.contact");
    assertThat(history.botClose(id, "resolved_by_bot", "2026-03-10T02:01:00Z")).isEqualTo(1);
    assertThat(history.botClose(id, "abandoned", "2026-03-10T02:02:00Z")).isZero();
    assertThat(history.rows("SELECT outcome FROM conversation_outcome WHERE conversation_id = $1", id))
        .extracting(r -> r.getString(0)).containsExactly("resolved_by_bot");
  }

  @Test
  void twoNodesRacingToEndWriteOneOutcome() {
    long id = history.open("wa:6281100000102", "id", "2026-03-10T02:00:00Z", "human_agent");
    history.handOff(id, "requested", "2026-03-10T02:00:10Z");
    SqlConnection first = history.pool.getConnection().await();
    SqlConnection second = history.pool.getConnection().await();
    try {
      Transaction firstTx = first.begin().await();
      Transaction secondTx = second.begin().await();
      // the bot's idle sweep on one node, the desk's close on another, both inside their transactions
      assertThat(History.botClose(first, id, "abandoned", "2026-03-10T02:30:00Z")).isEqualTo(1);
      Future<RowSet<Row>> racing = second.preparedQuery(History.DESK_CLOSE)
          .execute(Tuple.of(id, "resolved_by_agent", "answered", History.at("2026-03-10T02:30:01Z"), null));
      // the second waits for the first's row lock, then finds the conversation closed
      Awaitility.await().during(200, TimeUnit.MILLISECONDS).atMost(2, TimeUnit.SECONDS).until(() -> !racing.isComplete());
      firstTx.commit().await();
      assertThat(racing.await().size()).isZero();
      secondTx.commit().await();
    } finally {
      first.close().await();
      second.close().await();
    }
    assertThat(history.rows("SELECT outcome, wait_seconds FROM conversation_outcome WHERE conversation_id = $1", id))
        .extracting(r -> r.getString(0) + " " + r.getInteger(1)).containsExactly("abandoned 1790");
  }

  @Test
  void aCloseThatForgetsTheOutcomeGetsOneAtCommit() {
    long id = history.open("wa:6281100000103", "en", "2026-03-10T02:00:00Z", "greeting");
    history.run("UPDATE conversation SET status = 'closed', closed_at = $2 WHERE id = $1", id,
        History.at("2026-03-10T02:10:00Z"));
    assertThat(history.rows("SELECT outcome, handle_seconds, language FROM conversation_outcome WHERE conversation_id = $1", id))
        .extracting(r -> r.getString(0) + " " + r.getInteger(1) + " " + r.getString(2))
        .containsExactly("resolved_by_bot 600 en");
  }

  @Test
  void aBotResolutionIsRelabelledOnlyWhenTheCitizenReturnsWithinTheWindow() {
    history.run("UPDATE report_setting SET reopen_window = interval '1 hour'");
    long early = history.open("wa:6281100000104", "id", "2026-03-10T02:00:00Z", "faq.contact");
    history.botClose(early, "resolved_by_bot", "2026-03-10T02:05:00Z");
    long back = history.open("wa:6281100000104", "id", "2026-03-10T03:00:00Z", "faq.contact");  // 55 min later
    history.botClose(back, "resolved_by_bot", "2026-03-10T03:05:00Z");
    long late = history.open("wa:6281100000104", "id", "2026-03-10T04:05:01Z", "faq.contact");  // 1 h 1 s later
    assertThat(history.rows("SELECT outcome, reopened_by FROM conversation_outcome ORDER BY conversation_id"))
        .extracting(r -> r.getString(0) + " " + r.getLong(1))
        .containsExactly("reopened " + back, "resolved_by_bot null");
    assertThat(late).isGreaterThan(back);
  }

  @Test
  void aHandedOffConversationIsNeverTheBotsResolution() {
    long id = history.open("wa:6281100000105", "id", "2026-03-10T02:00:00Z", "human_agent");
    history.handOff(id, "requested", "2026-03-10T02:00:10Z");
    long agent = history.agent("ani");
    history.assign(id, agent, "2026-03-10T02:01:00Z");
    history.agentSays(id, agent, "2026-03-10T02:02:00Z");
    // returned to the bot, which later ends it as its own
    history.run("UPDATE conversation SET status = 'bot', desk_agent = NULL WHERE id = $1", id);
    history.botClose(id, "resolved_by_bot", "2026-03-10T02:40:00Z");
    assertThat(history.one("SELECT outcome FROM conversation_outcome WHERE conversation_id = $1", id).getString(0))
        .isEqualTo("resolved_by_agent");
  }
}
