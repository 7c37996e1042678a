package io.kontak.bot.conversation;

import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * A citizen's open conversation as the engine sees it while answering: the row's id, who answers
 * now, the row's version when it was read (see {@link ConversationCache}) and the bot's state.
 */
record OpenConversation(long id, Status status, long version, ConversationState state) {
  /** The id of a conversation opened in this batch, until the batch writes it. */
  static final long UNSAVED = 0;

  /** A new conversation with the bot, not in Postgres yet. */
  static OpenConversation fresh(String language) {
    return new OpenConversation(UNSAVED, Status.BOT, 0, ConversationState.fresh(language));
  }

  boolean saved() {
    return id != UNSAVED;
  }

  /** This conversation as written: its row id and version. */
  OpenConversation stored(long rowId, long rowVersion) {
    return new OpenConversation(rowId, status, rowVersion, state);
  }

  /** Who answers the citizen now. */
  enum Status {
    BOT, QUEUED, WITH_AGENT, CLOSED;

    static Status parse(String value) {
      return valueOf(value.toUpperCase(Locale.ROOT));
    }

    boolean withHumans() {
      return this == QUEUED || this == WITH_AGENT;
    }
  }

  OpenConversation with(ConversationState next) {
    return new OpenConversation(id, status, version, next);
  }

  OpenConversation queued() {
    return new OpenConversation(id, Status.QUEUED, version, state);
  }

  OpenConversation closed() {
    return new OpenConversation(id, Status.CLOSED, version, state);
  }

  JsonObject toJson() {
    return new JsonObject().put("id", id).put("status", status.name()).put("version", version)
        .put("state", state.toJson());
  }

  static OpenConversation fromJson(JsonObject json) {
    return new OpenConversation(json.getLong("id"), Status.parse(json.getString("status")), json.getLong("version"),
        ConversationState.fromJson(json.getJsonObject("state")));
  }
}
