package io.kontak.bot.conversation;

import io.kontak.bot.reply.Reply;
import io.kontak.whatsapp.message.InboundMessage;
import io.kontak.whatsapp.outbox.OutboundMessage;
import java.util.Optional;

/** Between WhatsApp's message shapes and the dialog's: what a message says, and how a reply is sent. */
final class Channel {
  private Channel() {
  }

  static Utterance utterance(InboundMessage message) {
    return switch (message) {
      case InboundMessage.Text t -> new Utterance.Said(t.body());
      case InboundMessage.ButtonReply b -> new Utterance.Picked(b.id(), b.title());
      case InboundMessage.ListReply l -> new Utterance.Picked(l.id(), l.title());
      case InboundMessage.QuickReply q -> new Utterance.Said(q.text());
      case InboundMessage.Reaction r -> new Utterance.Reacted(r.emoji().orElse(null));
      case InboundMessage.Media m -> new Utterance.Sent(m.kind());
      case InboundMessage.Location l -> new Utterance.Sent(l.kind());
      case InboundMessage.Contacts c -> new Utterance.Sent(c.kind());
      case InboundMessage.Unsupported u -> new Utterance.Sent(u.kind());
    };
  }

  /** Whether the citizen sees "read" and the typing indicator while the bot works on it. */
  static boolean worthReading(Utterance utterance) {
    return !(utterance instanceof Utterance.Reacted);
  }

  static Optional<OutboundMessage> outbound(Reply reply) {
    return switch (reply) {
      case Reply.Text t -> Optional.of(OutboundMessage.text(t.body()));
      case Reply.Buttons b -> Optional.of(new OutboundMessage.ReplyButtons(b.body(),
          b.buttons().stream().map(c -> new OutboundMessage.Button(c.id(), c.title())).toList(),
          Optional.empty(), Optional.empty(), Optional.empty()));
      case Reply.Choices c -> Optional.of(OutboundMessage.ListMessage.of(c.body(), c.button(),
          c.rows().stream().map(r -> OutboundMessage.Row.of(r.id(), r.title(), r.description())).toList()));
      case Reply.None n -> Optional.empty();
    };
  }
}
