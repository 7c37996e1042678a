package io.kontak.core.bus;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A conversation went to the desk queue, with the triage an agent sees first.
 *
 * @param conversation the conversation row's id
 * @param citizen      the citizen's {@code CitizenId} key
 * @param reason       why it was handed off (e.g. {@code asked_for_agent}, {@code fraud_report})
 * @param priority     higher first in the queue (fraud reports above the rest)
 * @param language     {@code id}, {@code en} or {@code es}
 * @param intents      the intents so far, first one first
 * @param lookups      the registry lookups so far: {@code {entity, verdict, ids}}
 */
public record HandoffQueued(long conversation, String citizen, String reason, int priority, String language,
                            JsonArray intents, JsonArray lookups) implements KontakEvent {
  @Override
  public String address() {
    return Addresses.HANDOFF_QUEUED;
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject().put("conversation", conversation).put("citizen", citizen).put("reason", reason)
        .put("priority", priority).put("language", language).put("intents", intents).put("lookups", lookups);
  }

  public static HandoffQueued fromJson(JsonObject json) {
    return new HandoffQueued(json.getLong("conversation"), json.getString("citizen"), json.getString("reason"),
        json.getInteger("priority", 0), json.getString("language"),
        json.getJsonArray("intents", new JsonArray()), json.getJsonArray("lookups", new JsonArray()));
  }
}
