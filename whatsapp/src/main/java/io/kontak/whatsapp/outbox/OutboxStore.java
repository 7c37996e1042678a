package io.kontak.whatsapp.outbox;

import io.kontak.core.db.GroupCommit;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.DatabaseException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The sender's side of {@code wa_outbox}: claim due rows, record each outcome. Rows Meta accepted
 * are marked sent by a {@link GroupCommit}: the answers of a busy sender settle in one statement
 * per group instead of one transaction per row. Retries and failures are rare and go one by one.
 */
final class OutboxStore {
  /** Rows marked sent per statement; a pass claims at most 100, so a group usually holds a pass's worth. */
  private static final int MAX_SENT_GROUP = 256;
  private final Pool pool;
  private final Pool settlePool;
  private final GroupCommit<Accepted, Boolean> sent;
  private final Consumer<List<String>> markedSent;

  /** A row Meta accepted, with the wamid it answered (none for a mark-read). */
  private record Accepted(long id, String wamid) {
  }

  /**
   * Create it on the sender's event loop. {@code settlePool} records what Meta accepted (see
   * {@link OutboxVerticle#SETTLING_SESSION}); everything else goes through {@code pool}. After each
   * mark-sent commits, {@code markedSent} is given the wamids it saved.
   */
  OutboxStore(Pool pool, Pool settlePool, Consumer<List<String>> markedSent) {
    this.pool = pool;
    this.settlePool = settlePool;
    this.markedSent = markedSent;
    // Only an error Postgres answered can be one row's fault: without a connection, every row of the
    // group fails at once (and shows as interrupted) instead of waiting for its own retry.
    this.sent = new GroupCommit<>(MAX_SENT_GROUP, OutboxVerticle.SETTLING_CONNECTIONS, this::markAllSent,
        DatabaseException.class::isInstance);
  }

  Future<List<OutboxRow>> claim(String phoneNumberId, int limit) {
    return pool.preparedQuery(OutboxSql.CLAIM).execute(Tuple.of(phoneNumberId, limit)).map(OutboxStore::rows);
  }

  /** What a claim by id found: rows to send now, and ids held back behind an earlier row of their citizen. */
  record ClaimedById(List<OutboxRow> rows, List<Long> heldBack) {
  }

  /** Claims those of {@code ids} that may be sent now (see {@link OutboxSql#CLAIM_BY_ID}). */
  Future<ClaimedById> claim(List<Long> ids) {
    return pool.preparedQuery(OutboxSql.CLAIM_BY_ID).execute(Tuple.of(ids.toArray(Long[]::new))).map(rows -> {
      List<Long> heldBack = new ArrayList<>();
      rows.forEach(row -> {
        if (!row.getBoolean("claimed")) {
          heldBack.add(row.getLong("id"));
        }
      });
      return new ClaimedById(rows(rows), heldBack);
    });
  }

  private static List<OutboxRow> rows(RowSet<Row> rows) {
    List<OutboxRow> out = new ArrayList<>(rows.size());
    rows.forEach(row -> {
      if (row.getValue("body") != null) {
        out.add(new OutboxRow(row.getLong("id"), row.getString("citizen"), row.getString("kind"),
            json(row.getValue("body")), row.getInteger("attempts")));
      }
    });
    out.sort((a, b) -> Long.compare(a.id(), b.id()));
    return out;
  }

  /** Completes once the row is committed as sent: true when this call did it (it was still 'sending'). */
  Future<Boolean> markSent(long id, String wamid) {
    return sent.submit(new Accepted(id, wamid));
  }

  private Future<List<Boolean>> markAllSent(List<Accepted> rows) {
    Long[] ids = rows.stream().map(Accepted::id).toArray(Long[]::new);
    String[] wamids = rows.stream().map(Accepted::wamid).toArray(String[]::new);
    return settlePool.preparedQuery(OutboxSql.MARK_SENT).execute(Tuple.tuple().addValue(ids).addValue(wamids))
        .map(updated -> {
          Set<Long> marked = new HashSet<>();
          updated.forEach(row -> marked.add(row.getLong("id")));
          List<String> saved = rows.stream().filter(row -> row.wamid() != null && marked.contains(row.id()))
              .map(Accepted::wamid).toList();
          if (!saved.isEmpty()) {
            markedSent.accept(saved);
          }
          return rows.stream().map(row -> marked.contains(row.id())).toList();
        });
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
