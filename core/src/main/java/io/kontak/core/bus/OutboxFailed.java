package io.kontak.core.bus;

import io.vertx.core.json.JsonObject;

/**
 * An outbound message will not reach the citizen without a human (see {@link Addresses#OUTBOX_FAILED}).
 *
 * @param outboxId the {@code wa_outbox} row
 * @param citizen  the citizen's {@code CitizenId} key
 * @param code     Meta's error code, when Meta gave one
 * @param reason   {@code window_closed}, {@code undeliverable}, {@code spam_limit}, {@code blocked},
 *                 {@code template}, {@code auth}, {@code rejected}, {@code gave_up},
 *                 {@code delivery_failed} or {@code interrupted}
 * @param message  Meta's error title or our own explanation
 */
public record OutboxFailed(long outboxId, String citizen, Integer code, String reason, String message)
    implements KontakEvent {
  @Override
  public String address() {
    return Addresses.OUTBOX_FAILED;
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject().put("outbox_id", outboxId).put("citizen", citizen).put("code", code)
        .put("reason", reason).put("message", message);
  }

  public static OutboxFailed fromJson(JsonObject json) {
    return new OutboxFailed(json.getLong("outbox_id"), json.getString("citizen"), json.getInteger("code"),
        json.getString("reason"), json.getString("message"));
  }
}
