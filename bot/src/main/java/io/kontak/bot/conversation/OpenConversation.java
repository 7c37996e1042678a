package io.kontak.bot.conversation;

/** A citizen's open conversation as the engine sees it while handling one message. */
record OpenConversation(long id, Status status, ConversationState state) {

  /** Who answers the citizen now. */
  enum Status {
    BOT, QUEUED, WITH_AGENT, CLOSED;

    static Status parse(String value) {
      return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }

    boolean withHumans() {
      return this == QUEUED || this == WITH_AGENT;
    }
  }

  OpenConversation with(ConversationState next) {
    return new OpenConversation(id, status, next);
  }

  OpenConversation queued() {
    return new OpenConversation(id, Status.QUEUED, state);
  }

  OpenConversation closed() {
    return new OpenConversation(id, Status.CLOSED, state);
  }
}
