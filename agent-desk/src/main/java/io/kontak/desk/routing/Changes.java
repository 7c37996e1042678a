package io.kontak.desk.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * What one routing transaction changed, told to the browsers only after it committed: chats
 * that reached an agent, chats taken from one (and why), agents whose status changed, alerts.
 */
public final class Changes {
  /** A chat now held by {@code agent}. */
  public record Assigned(long conversation, String agent) {
  }

  /** A chat taken from {@code agent}; {@code reason} as in the live protocol's {@code chat.removed}. */
  public record Removed(long conversation, String agent, String reason) {
  }

  public record StatusChanged(String agent, String status) {
  }

  /** For the supervisors (and the agent concerned, when there is one). */
  public record Alert(String kind, Long conversation, String agent, String text) {
  }

  private final List<Assigned> assigned = new ArrayList<>();
  private final List<Removed> removed = new ArrayList<>();
  private final List<StatusChanged> statuses = new ArrayList<>();
  private final List<Alert> alerts = new ArrayList<>();
  private final List<Long> sent = new ArrayList<>();

  void assigned(long conversation, String agent) {
    assigned.add(new Assigned(conversation, agent));
  }

  void removed(long conversation, String agent, String reason) {
    if (agent != null) {
      removed.add(new Removed(conversation, agent, reason));
    }
  }

  void status(String agent, String status) {
    statuses.add(new StatusChanged(agent, status));
  }

  void alert(String kind, Long conversation, String agent, String text) {
    alerts.add(new Alert(kind, conversation, agent, text));
  }

  /** An outbox row (the survey after a close) to hand to the sender once committed. */
  void sent(long outboxId) {
    sent.add(outboxId);
  }

  public List<Long> sent() {
    return sent;
  }

  public List<Assigned> assigned() {
    return assigned;
  }

  public List<Removed> removed() {
    return removed;
  }

  public List<StatusChanged> statuses() {
    return statuses;
  }

  public List<Alert> alerts() {
    return alerts;
  }

  public boolean isEmpty() {
    return assigned.isEmpty() && removed.isEmpty() && statuses.isEmpty() && alerts.isEmpty();
  }
}
