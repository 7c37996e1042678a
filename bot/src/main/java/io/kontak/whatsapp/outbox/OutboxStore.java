package io.kontak.whatsapp.outbox;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The sender's side of {@code wa_outbox}: claim due rows, record each outcome. */
final class OutboxStore {
  private final Pool pool;

  OutboxStore(Pool pool) {
    this.pool = pool;
  }

  Future<List<OutboxRow>> claim(String phoneNumberId, int limit) {
    return pool.preparedQuery(OutboxSql.CLAIM).execute(Tuple.of(phoneNumberId, limit)).map(rows -> {
      List<OutboxRow> out = new ArrayList<>(rows.size());
      rows.forEach(row -> out.add(new OutboxRow(row.getLong("id"), row.getString("citizen"), row.getString("kind"),
          json(row.getValue("body")), row.getInteger("attempts"))));
      out.sort((a, b) -> Long.compare(a.id(), b.id()));
      return out;
    });
  }

  Future<Boolean> markSent(long id, String wamid) {
    return pool.preparedQuery(OutboxSql.MARK_SENT).execute(Tuple.of(id, wamid)).map(rows -> rows.rowCount() == 1);
  }

  Future<Boolean> retryLater(long id, long delayMillis, Integer code, String title, String detail) {
    return pool.preparedQuery(OutboxSql.RETRY_LATER).execute(Tuple.of(id, delayMillis, code, title, detail))
        .map(rows -> rows.rowCount() == 1);
  }

  Future<Boolean> fail(long id, String reason, Integer code, String title, String detail) {
    return pool.preparedQuery(OutboxSql.FAIL).execute(Tuple.of(id, reason, code, title, detail))
        .map(rows -> rows.rowCount() == 1);
  }

  /** Marks rows stuck in 'sending' for longer than {@code lease} as failed ('interrupted'); returns them. */
  Future<List<Row>> failInterrupted(Duration lease) {
    return pool.preparedQuery(OutboxSql.FAIL_INTERRUPTED).execute(Tuple.of(lease.toMillis())).map(rows -> {
      List<Row> out = new ArrayList<>();
      rows.forEach(out::add);
      return out;
    });
  }

  private static JsonObject json(Object value) {
    return value instanceof JsonObject o ? o : new JsonObject(String.valueOf(value));
  }
}
