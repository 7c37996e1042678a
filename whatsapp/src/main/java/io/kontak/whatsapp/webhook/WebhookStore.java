package io.kontak.whatsapp.webhook;

import io.kontak.core.db.GroupCommit;
import io.kontak.whatsapp.message.InboundMessage;
import io.kontak.whatsapp.message.InboundMessageJson;
import io.kontak.whatsapp.message.MetaError;
import io.kontak.whatsapp.webhook.DeliveryStatuses.FailedDelivery;
import io.kontak.whatsapp.webhook.DeliveryStatuses.Raised;
import io.kontak.whatsapp.webhook.DeliveryStatuses.WatchedDelivery;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.DatabaseException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stores deliveries: messages by wamid, statuses by (wamid, status), outbox delivery states. Each
 * delivery is stored whole in one transaction, and deliveries arriving while earlier ones are being
 * stored share the next one ({@link GroupCommit}): under load the intake costs one statement per
 * group, not per POST. One store per event loop (one per HTTP verticle instance).
 */
public final class WebhookStore {
  /** Deliveries per statement: Meta's usually hold one message or status each. */
  static final int MAX_GROUP = 64;
  /**
   * Statements in flight per event loop: with one, a delivery arriving mid-flush joins the next,
   * larger group (bench/RESULTS-whatsapp.md, "Tuning history").
   */
  static final int MAX_IN_FLIGHT = 1;
  /** A delivery with more entries than this is a group by itself and is stored alone, at once. */
  static final int STORED_ALONE_ABOVE = 64;

  private final Pool pool;
  private final GroupCommit<Delivery, Stored> commit;

  /** Create it on the event loop whose requests it stores. */
  public WebhookStore(Pool pool) {
    this.pool = pool;
    // Only an error Postgres answered can be one delivery's fault (bad data): without a
    // connection, retrying one by one would wait out the outage once per delivery.
    this.commit = new GroupCommit<>(MAX_GROUP, MAX_IN_FLIGHT, this::storeAll, DatabaseException.class::isInstance);
  }

  /** A message this delivery stored for the first time. */
  public record NewMessage(long seq, String wamid, String citizen) {
  }

  /**
   * What a delivery stored first: new messages, outbox rows whose delivery just failed (or, watched,
   * rose), and the wamids of its statuses that no outbox row had, to {@link #recheck} after the commit.
   */
  public record Stored(List<NewMessage> messages, List<Raised> raised, List<String> orphans) {
  }

  /** Completes once the delivery is committed, with what it stored first (in arrival order). */
  public Future<Stored> store(Delivery delivery) {
    int entries = delivery.messages().size() + delivery.statuses().size();
    if (entries == 0) {
      return Future.succeededFuture(new Stored(List.of(), List.of(), List.of()));
    }
    if (entries > STORED_ALONE_ABOVE) {
      return storeAll(List.of(delivery)).map(List::getFirst);
    }
    return commit.submit(delivery);
  }

  /** Applies the statuses of {@code orphans} again, now that their commit is visible ({@link DeliveryStatuses}). */
  public Future<List<Raised>> recheck(List<String> orphans) {
    return DeliveryStatuses.apply(pool, orphans);
  }

  /** One statement for all of {@code deliveries}; each is answered with what it stored. */
  private Future<List<Stored>> storeAll(List<Delivery> deliveries) {
    return pool.preparedQuery(WebhookSql.STORE_DELIVERY)
        .execute(Tuple.of(pgJson(messages(deliveries)), pgJson(statuses(deliveries))))
        .map(rows -> attribute(deliveries, rows));
  }

  /**
   * Hands each new row to the first delivery of the group that carried it, so a message Meta
   * delivered twice at once is announced once, by whichever copy came first.
   */
  private static List<Stored> attribute(List<Delivery> deliveries, RowSet<Row> rows) {
    Map<String, NewMessage> messages = new HashMap<>();
    Map<String, FailedDelivery> failures = new HashMap<>();
    Map<String, WatchedDelivery> watched = new HashMap<>();
    Set<String> orphans = new HashSet<>();
    for (Row row : rows) {
      switch (row.getString("what")) {
        case "inbound" -> messages.put(row.getString("wamid"),
            new NewMessage(row.getLong("id"), row.getString("wamid"), row.getString("citizen")));
        case "failed" -> failures.put(row.getString("wamid"), new FailedDelivery(row.getLong("id"),
            row.getString("citizen"), row.getInteger("code"), row.getString("title")));
        case "watched" -> watched.put(row.getString("wamid"), new WatchedDelivery(row.getLong("id"),
            row.getString("citizen"), row.getString("title")));
        default -> orphans.add(row.getString("wamid"));
      }
    }
    List<Stored> out = new ArrayList<>(deliveries.size());
    for (Delivery delivery : deliveries) {
      List<NewMessage> stored = new ArrayList<>();
      for (Delivery.Message m : delivery.messages()) {
        NewMessage first = messages.remove(m.message().wamid());
        if (first != null) {
          stored.add(first);
        }
      }
      stored.sort(Comparator.comparingLong(NewMessage::seq));
      List<Raised> raised = new ArrayList<>();
      List<String> unmatched = new ArrayList<>();
      for (Delivery.Status s : delivery.statuses()) {
        FailedDelivery failure = "failed".equals(s.status()) ? failures.remove(s.wamid()) : null;
        if (failure != null) {
          raised.add(failure);
        }
        WatchedDelivery rise = watched.get(s.wamid());
        if (rise != null && rise.status().equals(s.status())) {
          raised.add(watched.remove(s.wamid()));
        }
        if (orphans.remove(s.wamid())) {
          unmatched.add(s.wamid());
        }
      }
      out.add(new Stored(stored, raised, unmatched));
    }
    return out;
  }

  private static JsonArray messages(List<Delivery> deliveries) {
    JsonArray out = new JsonArray(new ArrayList<>());
    deliveries.forEach(d -> messages(d, out));
    return out;
  }

  private static JsonArray statuses(List<Delivery> deliveries) {
    JsonArray out = new JsonArray(new ArrayList<>());
    deliveries.forEach(d -> statuses(d, out));
    return out;
  }

  private static void messages(Delivery delivery, JsonArray out) {
    for (Delivery.Message m : delivery.messages()) {
      InboundMessage message = m.message();
      out.add(new JsonObject()
          .put("wamid", message.wamid())
          .put("citizen", message.citizen().key())
          .put("wa_id", message.citizen().waId().orElse(null))
          .put("user_id", message.header().userId().orElse(null))
          .put("phone_number_id", message.header().phoneNumberId())
          .put("kind", message.kind())
          .put("ts", message.header().timestamp().getEpochSecond())
          .put("payload", InboundMessageJson.toJson(message))
          .put("raw", m.raw()));
    }
  }

  private static void statuses(Delivery delivery, JsonArray out) {
    for (Delivery.Status s : delivery.statuses()) {
      MetaError first = s.errors().isEmpty() ? null : s.errors().getFirst();
      out.add(new JsonObject()
          .put("wamid", s.wamid())
          .put("status", s.status())
          .put("rank", s.rank())
          .put("citizen", s.recipient().map(c -> c.key()).orElse(null))
          .put("ts", s.timestamp().getEpochSecond())
          .put("error_code", first == null ? null : first.code())
          .put("error_title", first == null ? null : first.title())
          .put("raw", s.raw()));
    }
  }

  /**
   * JSON text Postgres accepts as jsonb: jsonb refuses the NUL character ({@code \u0000}), which a
   * hostile or broken client can put in any string, so it is dropped. Cheap check first: the rare
   * body that has one pays for the rewrite.
   */
  static String pgJson(JsonArray array) {
    String encoded = array.encode();
    return encoded.contains("\\u0000") ? withoutNul(array).encode() : encoded;
  }

  @SuppressWarnings("unchecked")
  private static <T> T withoutNul(T value) {
    if (value instanceof String s) {
      return (T) s.replace("\u0000", "");
    }
    if (value instanceof JsonObject o) {
      JsonObject copy = new JsonObject();
      for (Map.Entry<String, Object> e : o) {
        copy.put(withoutNul(e.getKey()), withoutNul(e.getValue()));
      }
      return (T) copy;
    }
    if (value instanceof JsonArray a) {
      JsonArray copy = new JsonArray();
      a.forEach(v -> copy.add(withoutNul(v)));
      return (T) copy;
    }
    return value;
  }
}
