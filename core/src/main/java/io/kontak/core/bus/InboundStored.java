package io.kontak.core.bus;

import io.vertx.core.json.JsonObject;

/**
 * The webhook committed a new inbound message (never published for a redelivery). The row in
 * {@code wa_inbound} is the truth: a consumer that misses this finds it by {@code processed_at IS NULL}.
 *
 * @param wamid   Meta's message id
 * @param citizen the sender's {@code CitizenId} key
 */
public record InboundStored(String wamid, String citizen) implements KontakEvent {
  @Override
  public String address() {
    return Addresses.INBOUND_STORED;
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject().put("wamid", wamid).put("citizen", citizen);
  }

  public static InboundStored fromJson(JsonObject json) {
    return new InboundStored(json.getString("wamid"), json.getString("citizen"));
  }
}
