package io.kontak.whatsapp.webhook;

import io.kontak.core.conversation.CitizenId;
import io.kontak.whatsapp.message.InboundMessage;
import io.kontak.whatsapp.message.MetaError;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One webhook POST, parsed: every message, status and error of every entry and change.
 *
 * @param skipped messages or statuses without the ids needed to store them, and notices (changed number,
 *                deleted or edited message) with nothing to answer (logged, not stored)
 */
public record Delivery(List<Message> messages, List<Status> statuses, List<ValueError> errors, int skipped) {
  public Delivery {
    messages = List.copyOf(messages);
    statuses = List.copyOf(statuses);
    errors = List.copyOf(errors);
  }

  /**
   * The messages written to another business number than {@code phoneNumberId}, the one this node
   * answers from: answering them would reply from the wrong number.
   */
  public List<Message> addressedElsewhere(String phoneNumberId) {
    return messages.stream().filter(m -> !isFor(m, phoneNumberId)).toList();
  }

  /** This delivery without the messages {@link #addressedElsewhere} (statuses and errors kept). */
  public Delivery onlyFor(String phoneNumberId) {
    return new Delivery(messages.stream().filter(m -> isFor(m, phoneNumberId)).toList(), statuses, errors, skipped);
  }

  private static boolean isFor(Message m, String phoneNumberId) {
    String to = m.message().header().phoneNumberId();
    return to.isEmpty() || to.equals(phoneNumberId);
  }

  /** A parsed message with Meta's message object as received (stored as {@code wa_inbound.raw}). */
  public record Message(InboundMessage message, JsonObject raw) {
  }

  /** A delivery status of a message the business sent. */
  public record Status(String wamid, String status, Optional<CitizenId> recipient, Instant timestamp,
                       List<MetaError> errors, JsonObject raw) {
    public Status {
      errors = List.copyOf(errors);
    }

    /** Order of the delivery steps; a status only ever replaces a lower one. 0: not a step (e.g. {@code deleted}). */
    public int rank() {
      return rank(status);
    }

    public static int rank(String status) {
      return switch (status) {
        case "sent" -> 1;
        case "failed" -> 2;
        case "delivered" -> 3;
        case "read" -> 4;
        case "played" -> 5;
        default -> 0;
      };
    }
  }

  /** An error Meta reported for the business number itself ({@code value.errors}). */
  public record ValueError(String phoneNumberId, MetaError error) {
  }
}
