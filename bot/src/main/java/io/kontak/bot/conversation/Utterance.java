package io.kontak.bot.conversation;

/** What the citizen did in one message, as far as the dialog cares. */
public sealed interface Utterance {

  /** Typed text (or the text of a template quick-reply button). */
  record Said(String text) implements Utterance {
  }

  /** Tapped a reply button or list row the bot sent; {@code id} is the one the bot chose. */
  record Picked(String id, String title) implements Utterance {
  }

  /** Sent something the bot cannot read: image, audio, video, document, sticker, location, contacts, unsupported. */
  record Sent(String kind) implements Utterance {
  }

  /** Reacted to a message: recorded, never answered. */
  record Reacted(String emoji) implements Utterance {
  }
}
