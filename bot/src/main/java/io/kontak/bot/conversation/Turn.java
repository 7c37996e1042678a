package io.kontak.bot.conversation;

import io.kontak.bot.reply.Reply;
import java.util.Optional;

/**
 * The result of one citizen message: the new state, the one reply, and what else happened.
 *
 * @param handoff    set when the conversation goes to the desk queue
 * @param report     a fraud report's description, to be stored
 * @param closing    the conversation ends here (thanks/goodbye), resolved by the bot
 */
public record Turn(ConversationState state, Reply reply, Optional<Handoff> handoff, Optional<String> report,
                   boolean closing) {

  public static Turn reply(ConversationState state, Reply reply) {
    return new Turn(state, reply, Optional.empty(), Optional.empty(), false);
  }

  /** Why and how urgently a conversation goes to a human. */
  public record Handoff(String reason, int priority) {
    public static final int NORMAL = 0;
    public static final int HIGH = 10;
  }
}
