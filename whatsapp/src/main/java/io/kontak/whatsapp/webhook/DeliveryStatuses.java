package io.kontak.whatsapp.webhook;

import io.kontak.core.bus.Addresses;
import io.kontak.core.bus.KontakEvent;
import io.kontak.core.bus.OutboxFailed;
import io.kontak.core.bus.OutboxStatus;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies stored delivery statuses to outbox rows, and tells the desk when one became failed or a
 * watched row's status rose.
 *
 * <p>A status can arrive while the row it belongs to is being marked sent: the webhook's statement
 * finds no row with that wamid yet, and the mark-sent statement, working from a snapshot taken
 * before the status committed, does not see the status either. Whichever of the two commits last
 * therefore applies the stored statuses once more afterwards ({@link #apply}): the webhook for
 * statuses that found no row ("orphans"), the sender for the rows it just marked sent. By then both
 * commits are visible to it, so no interleaving loses a status.
 */
public final class DeliveryStatuses {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryStatuses.class);

  /**
   * The update raising {@code wa_outbox o} to the best status {@code b}; shared by the webhook's
   * statement and {@link #APPLY} so both raise it the same way, never lowering it.
   */
  static final String RAISE = """
      UPDATE wa_outbox o
         SET delivery = b.status, delivery_rank = b.rank, delivery_at = b.occurred_at, updated_at = now(),
             error_code = CASE WHEN b.status = 'failed' THEN b.error_code ELSE o.error_code END,
             error_title = CASE WHEN b.status = 'failed' THEN b.error_title ELSE o.error_title END
        FROM best b
       WHERE o.wamid = b.wamid AND o.delivery_rank < b.rank
      RETURNING o.id, o.wamid, o.citizen, o.delivery, o.error_code, o.error_title, o.watched""";

  /** The best stored status of each wamid in $1 raised onto its outbox row. */
  static final String APPLY = """
      WITH best AS (
        SELECT DISTINCT ON (wamid) wamid, status, rank, occurred_at, error_code, error_title
          FROM wa_status WHERE wamid = ANY($1::text[]) AND rank > 0
         ORDER BY wamid, rank DESC
      ), raised AS (
      """ + RAISE + """
      )
      SELECT id, citizen, delivery, error_code, error_title FROM raised WHERE delivery = 'failed' OR watched""";

  private DeliveryStatuses() {
  }

  /** A rise of an outbox row's delivery status that is announced. */
  public sealed interface Raised permits FailedDelivery, WatchedDelivery {
  }

  /** An outbox row whose delivery status just became {@code failed}. */
  public record FailedDelivery(long outboxId, String citizen, Integer code, String title) implements Raised {
  }

  /** A watched outbox row whose delivery status just rose to {@code status} (not failed). */
  public record WatchedDelivery(long outboxId, String citizen, String status) implements Raised {
  }

  /** Raises the rows of {@code wamids} to their best stored status; returns those that became failed or are watched. */
  public static Future<List<Raised>> apply(SqlClient sql, Collection<String> wamids) {
    if (wamids.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return sql.preparedQuery(APPLY).execute(Tuple.of(wamids.toArray(String[]::new))).map(rows -> {
      List<Raised> raised = new ArrayList<>();
      rows.forEach(row -> raised.add("failed".equals(row.getString("delivery"))
          ? new FailedDelivery(row.getLong("id"), row.getString("citizen"), row.getInteger("error_code"),
              row.getString("error_title"))
          : new WatchedDelivery(row.getLong("id"), row.getString("citizen"), row.getString("delivery"))));
      return raised;
    });
  }

  /**
   * The desk hears of a failed delivery ({@link Addresses#OUTBOX_FAILED}) or of a watched row's new
   * status ({@link Addresses#OUTBOX_STATUS}).
   */
  public static void announce(EventBus bus, Raised raised) {
    switch (raised) {
      case FailedDelivery f -> {
        LOG.warn("outbox row {} to {} failed delivery: {} {}", f.outboxId(), f.citizen(), f.code(), f.title());
        KontakEvent.publish(bus, new OutboxFailed(f.outboxId(), f.citizen(), f.code(), "delivery_failed", f.title()));
      }
      case WatchedDelivery w -> KontakEvent.publish(bus, new OutboxStatus(w.outboxId(), w.citizen(), w.status()));
    }
  }
}
