package io.kontak.whatsapp.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontak.core.bus.Addresses;
import io.kontak.core.db.Database;
import io.kontak.core.testing.TestServices;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Statuses that raced their rows' mark-sent, applied once the sender hands the wamids over. */
class StatusRecheckTest {
  Vertx vertx;
  Pool pool;
  final List<JsonObject> failures = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    pool = Database.pool(vertx, TestServices.freshDatabase(), 2);
    vertx.eventBus().<JsonObject>consumer(Addresses.OUTBOX_FAILED, m -> failures.add(m.body()));
  }

  @AfterEach
  void stop() {
    pool.close().await();
    vertx.close().await();
  }

  @Test
  void aStatusStoredBeforeItsRowWasMarkedSentIsAppliedAndAFailureAnnouncedOnce() {
    long early = sentRow("wa:6281200000001", "wamid.EARLY");
    long failed = sentRow("wa:6281200000002", "wamid.FAILED");
    long untouched = sentRow("wa:6281200000003", "wamid.NOT_HANDED_OVER");
    status("wamid.EARLY", "delivered", 3, null);
    status("wamid.FAILED", "failed", 2, 131026);
    status("wamid.NOT_HANDED_OVER", "read", 4, null);
    StatusRecheck recheck = new StatusRecheck(pool);
    vertx.deployVerticle(recheck).await();

    recheck.markedSent(List.of("wamid.EARLY", "wamid.FAILED"));
    await().atMost(Duration.ofSeconds(5)).until(() -> "failed".equals(delivery(failed)));
    assertThat(delivery(early)).isEqualTo("delivered");
    assertThat(delivery(untouched)).as("only the wamids handed over are rechecked").isNull();
    await().atMost(Duration.ofSeconds(5)).until(() -> failures.size() == 1);
    assertThat(failures.getFirst()).isEqualTo(new JsonObject().put("outbox_id", failed).put("citizen", "wa:6281200000002")
        .put("code", 131026).put("reason", "delivery_failed").put("message", "Message undeliverable"));

    recheck.markedSent(List.of("wamid.FAILED"));  // a failure already applied is not announced again
    await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(5)).until(() -> failures.size() == 1);
  }

  private long sentRow(String citizen, String wamid) {
    return pool.preparedQuery("""
            INSERT INTO wa_outbox (citizen, phone_number_id, kind, body, state, attempts, wamid, sent_at)
            VALUES ($1, '200000000000002', 'text', '{}', 'sent', 1, $2, now()) RETURNING id""")
        .execute(Tuple.of(citizen, wamid)).await().iterator().next().getLong("id");
  }

  private void status(String wamid, String status, int rank, Integer code) {
    pool.preparedQuery("""
            INSERT INTO wa_status (wamid, status, rank, citizen, occurred_at, error_code, error_title, payload)
            VALUES ($1, $2, $3, NULL, now(), $4, CASE WHEN $4::int IS NULL THEN NULL ELSE 'Message undeliverable' END, '{}')""")
        .execute(Tuple.of(wamid, status, rank, code)).await();
  }

  private String delivery(long id) {
    return pool.preparedQuery("SELECT delivery FROM wa_outbox WHERE id = $1").execute(Tuple.of(id)).await()
        .iterator().next().getString("delivery");
  }
}
