package io.kontak.core.bus;

/**
 * Every event-bus address and Postgres notification channel, defined once. The events published
 * between modules are the {@link KontakEvent} records; the outbox's own nudges stay on this node.
 */
public final class Addresses {
  /** {@link RegistryActivated}: this node swapped in a registry version. */
  public static final String REGISTRY_ACTIVATED = "kontak.registry.activated";

  /** Postgres LISTEN/NOTIFY channel that tells every node a registry version was activated. */
  public static final String REGISTRY_CHANNEL = "kontak_registry";

  /** {@link InboundStored}: the webhook committed a new inbound message. */
  public static final String INBOUND_STORED = "kontak.whatsapp.inbound.stored";

  /**
   * Wakes this node's outbox sender after rows were enqueued and committed; body: none (look for due
   * rows) or a JSON array of the new row ids (claim those first). Publish it after the enqueueing
   * transaction commits (the sender also polls, so a lost nudge only delays).
   */
  public static final String OUTBOX_NUDGE = "kontak.whatsapp.outbox.nudge";

  /**
   * Asks this node's outbox sender to mark a citizen's message read with the typing indicator, at
   * once and without an outbox row (best effort); body: {@code {"citizen", "wamid"}}.
   */
  public static final String OUTBOX_MARK_READ = "kontak.whatsapp.outbox.mark-read";

  /**
   * Wakes this node's media fetcher after the webhook committed media messages; body: a JSON array
   * of their wamids (fetched first, before Meta's ids expire). Local only: the fetcher also polls.
   */
  public static final String MEDIA_NUDGE = "kontak.whatsapp.media.nudge";

  /**
   * {@link OutboxFailed}: an outbound message will not reach the citizen without a human: Meta
   * refused it for good (131047 outside the 24-hour window, 131026 undeliverable, 131048 spam limit,
   * blocked, template or auth errors), retries ran out, a delivery status came back {@code failed},
   * or a send was interrupted with its outcome unknown.
   */
  public static final String OUTBOX_FAILED = "kontak.whatsapp.outbox.failed";

  /** {@link OutboxStatus}: a watched outbound message was sent, delivered or read (Meta's status webhooks). */
  public static final String OUTBOX_STATUS = "kontak.whatsapp.outbox.status";

  /** {@link HandoffQueued}: a conversation went to the desk queue. */
  public static final String HANDOFF_QUEUED = "kontak.conversation.handoff.queued";

  /** {@link DeskInbound}: a citizen wrote while their conversation is with the desk. */
  public static final String DESK_INBOUND = "kontak.conversation.desk.inbound";

  private Addresses() {
  }
}
