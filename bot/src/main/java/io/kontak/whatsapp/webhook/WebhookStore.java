package io.kontak.whatsapp.webhook;

import io.kontak.core.conversation.InboundMessage;
import io.kontak.core.conversation.InboundMessageJson;
import io.kontak.core.conversation.MetaError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Stores a whole delivery in one transaction: messages by wamid, statuses by (wamid, status), outbox delivery states. */
public final class WebhookStore {
  private final Pool pool;

  public WebhookStore(Pool pool) {
    this.pool = pool;
  }

  /** A message this delivery stored for the first time. */
  public record NewMessage(long seq, String wamid, String citizen) {
  }

  /** An outbox row whose delivery status just became {@code failed}. */
  public record FailedDelivery(long outboxId, String citizen, Integer code, String title) {
  }

  public record Stored(List<NewMessage> messages, List<FailedDelivery> failures) {
  }

  public Future<Stored> store(Delivery delivery) {
    if (delivery.messages().isEmpty() && delivery.statuses().isEmpty()) {
      return Future.succeededFuture(new Stored(List.of(), List.of()));
    }
    return pool.preparedQuery(WebhookSql.STORE_DELIVERY)
        .execute(Tuple.of(pgJson(messages(delivery)), pgJson(statuses(delivery))))
        .map(rows -> {
          List<NewMessage> messages = new ArrayList<>();
          List<FailedDelivery> failures = new ArrayList<>();
          for (Row row : rows) {
            if ("inbound".equals(row.getString("what"))) {
              messages.add(new NewMessage(row.getLong("id"), row.getString("wamid"), row.getString("citizen")));
            } else {
              failures.add(new FailedDelivery(row.getLong("id"), row.getString("citizen"), row.getInteger("code"),
                  row.getString("title")));
            }
          }
          messages.sort(Comparator.comparingLong(NewMessage::seq));
          return new Stored(messages, failures);
        });
  }

  private static JsonArray messages(Delivery delivery) {
    JsonArray out = new JsonArray(new ArrayList<>(delivery.messages().size()));
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
    return out;
  }

  private static JsonArray statuses(Delivery delivery) {
    JsonArray out = new JsonArray(new ArrayList<>(delivery.statuses().size()));
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
    return out;
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
