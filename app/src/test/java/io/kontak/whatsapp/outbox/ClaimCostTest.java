package io.kontak.whatsapp.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontak.whatsapp.WhatsAppTestNode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a claim costs Postgres when many replies are open, with the statistics as stale as they get
 * on a busy node (analyzed while the table was empty). The held-back rule ("no earlier open row of
 * the citizen") was once planned as an anti-join that read every open row once per claimed row: a
 * backlog made each claim slower, which grew the backlog. The work of a claim must follow the rows
 * it claims, not the rows that are open.
 */
class ClaimCostTest {
  static final String OTHER_NUMBER = "300000000000003";
  static final int SENT = 20_000;
  static final int OPEN = 3_000;
  static final int CLAIMED = 100;
  /** Buffer reads per claimed row, generously: an index probe or two and the row itself, not a scan. */
  static final int BUFFERS_PER_ROW = 20;

  Vertx metaSide;
  WhatsAppTestNode node;

  @BeforeEach
  void start() {
    metaSide = Vertx.vertx();
    node = WhatsAppTestNode.withoutEngine(metaSide);
    // Statistics taken when every reply had been sent, as after a quiet spell; then a backlog.
    node.rows("""
        INSERT INTO wa_outbox (citizen, phone_number_id, kind, body, state, wamid)
        SELECT 'wa:62811' || lpad(n::text, 8, '0'), $1, 'text', '{}'::jsonb, 'sent', 'wamid.S' || n
          FROM generate_series(1, $2) AS n""", OTHER_NUMBER, SENT);
    node.rows("ANALYZE wa_outbox");
    // Replies of another business number: this node's sender neither polls nor is handed them.
    node.rows("""
        INSERT INTO wa_outbox (citizen, phone_number_id, kind, body)
        SELECT 'wa:62812' || lpad(n::text, 8, '0'), $1, 'text', '{}'::jsonb FROM generate_series(1, $2) AS n""",
        OTHER_NUMBER, OPEN);
  }

  @AfterEach
  void stop() {
    node.close();
    metaSide.close().await();
  }

  @Test
  void claimingHandedOverRowsReadsAboutTheRowsClaimedNotEveryOpenRow() {
    Long[] ids = node.rows("SELECT id FROM wa_outbox WHERE state = 'pending' ORDER BY id LIMIT $1", CLAIMED).stream()
        .map(row -> row.getLong("id")).toArray(Long[]::new);

    JsonObject plan = explain(OutboxSql.CLAIM_BY_ID, Tuple.of(ids));

    assertThat(plan.getLong("Actual Rows")).isEqualTo(CLAIMED);
    assertThat(plan.getLong("Shared Hit Blocks") + plan.getLong("Shared Read Blocks"))
        .isLessThan((long) CLAIMED * BUFFERS_PER_ROW);
  }

  @Test
  void pollingForDueRowsReadsAboutTheRowsClaimedNotEveryOpenRow() {
    JsonObject plan = explain(OutboxSql.CLAIM, Tuple.of(OTHER_NUMBER, CLAIMED));

    assertThat(plan.getLong("Actual Rows")).isEqualTo(CLAIMED);
    assertThat(plan.getLong("Shared Hit Blocks") + plan.getLong("Shared Read Blocks"))
        .isLessThan((long) CLAIMED * BUFFERS_PER_ROW);
  }

  /** The executed plan's top node; the statement runs for real, in a transaction rolled back. */
  JsonObject explain(String statement, Tuple params) {
    return node.sql.withConnection(conn -> conn.query("BEGIN").execute()
            .compose(begun -> conn.preparedQuery("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + statement).execute(params))
            .compose(rows -> conn.query("ROLLBACK").execute().map(rolledBack -> rows.iterator().next().getValue(0))))
        .map(value -> (value instanceof JsonArray a ? a : new JsonArray(String.valueOf(value)))
            .getJsonObject(0).getJsonObject("Plan"))
        .await();
  }
}
