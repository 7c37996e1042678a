package io.kontak.core.bus;

import io.vertx.core.json.JsonObject;

/**
 * A citizen wrote while their conversation is with the desk (queued or with an agent); the bot did
 * not answer. The desk reads the message from {@code wa_inbound} by its id.
 */
public record DeskInbound(long conversation, String wamid) implements KontakEvent {
  @Override
  public String address() {
    return Addresses.DESK_INBOUND;
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject().put("conversation", conversation).put("wamid", wamid);
  }

  public static DeskInbound fromJson(JsonObject json) {
    return new DeskInbound(json.getLong("conversation"), json.getString("wamid"));
  }
}
