package io.kontak.bot.conversation;

/** What the bot is waiting for in a conversation, if anything. */
public enum Step {
  NONE, ENTITY, REPORT_DESCRIPTION, CANDIDATES, AGENT_OFFER
}
