package io.kontak.bot.conversation;

import io.kontak.whatsapp.outbox.OutboundMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Meta's customer-service window: free-form replies only within 24 hours of the citizen's last
 * message. The bot answers later only after an outage (Meta redelivers for up to 7 days); then it
 * sends, once, the approved template staff configured ({@code KONTAK_REOPEN_TEMPLATE}, e.g. "sorry
 * for the delay, please send your question again"), since any other message would be refused.
 * Without one the reply goes out anyway and Meta's refusal (131047) is recorded and surfaced to the
 * desk like any other failed send.
 */
record ReplyWindow(Optional<String> reopenTemplate, Clock clock) {
  static final Duration OPEN_FOR = Duration.ofHours(24);
  /** A reply written just before the window closes must still reach Meta before it does. */
  static final Duration MARGIN = Duration.ofMinutes(5);

  static ReplyWindow of(Optional<String> reopenTemplate) {
    return new ReplyWindow(reopenTemplate, Clock.systemUTC());
  }

  /** Whether a reply now to a citizen whose last message was sent at {@code lastMessage} needs the template. */
  boolean closed(Instant lastMessage) {
    return reopenTemplate.isPresent() && clock.instant().isAfter(lastMessage.plus(OPEN_FOR).minus(MARGIN));
  }

  /** The template, in the conversation's language (the template must be approved in it). */
  OutboundMessage reopening(String language) {
    return new OutboundMessage.Template(reopenTemplate.orElseThrow(), language, List.of());
  }
}
