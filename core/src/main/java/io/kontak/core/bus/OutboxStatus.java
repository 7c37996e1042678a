package io.kontak.core.bus;

import io.vertx.core.json.JsonObject;

/**
 * A watched outbound message's delivery status rose (see {@link Addresses#OUTBOX_STATUS}); a
 * failure is an {@link OutboxFailed} instead.
 *
 * @param outboxId the {@code wa_outbox} row
 * @param citizen  the citizen's {@code CitizenId} key
 * @param status   Meta's status: {@code sent}, {@code delivered}, {@code read} (or {@code played})
 */
public record OutboxStatus(long outboxId, String citizen, String status) implements KontakEvent {
  @Override
  public String address() {
    return Addresses.OUTBOX_STATUS;
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject().put("outbox_id", outboxId).put("citizen", citizen).put("status", status);
  }

  public static OutboxStatus fromJson(JsonObject json) {
    return new OutboxStatus(json.getLong("outbox_id"), json.getString("citizen"), json.getString("status"));
  }
}
