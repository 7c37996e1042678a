package io.kontak.core.bus;

/** Every event-bus address and Postgres notification channel, defined once. */
public final class Addresses {
  /** Published on a node's event bus after it swapped in a registry version; body: {@code {"version": n}}. */
  public static final String REGISTRY_ACTIVATED = "kontak.registry.activated";

  /** Postgres LISTEN/NOTIFY channel that tells every node a registry version was activated. */
  public static final String REGISTRY_CHANNEL = "kontak_registry";

  /**
   * Published after the webhook committed a new inbound message (never for a redelivered one);
   * body: {@code {"wamid": "wamid.…", "citizen": "wa:6281…"}}. The row in {@code wa_inbound} is the
   * truth: a consumer that misses this finds the row by {@code processed_at IS NULL}.
   */
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
   * Published when an outbound message will not reach the citizen without a human: Meta refused it
   * for good (131047 outside the 24-hour window, 131026 undeliverable, 131048 spam limit, blocked,
   * template or auth errors), retries ran out, a delivery status came back {@code failed}, or a send
   * was interrupted with its outcome unknown. Body: {@code {"outbox_id", "citizen", "code", "reason",
   * "message"}}; {@code reason} is one of {@code window_closed}, {@code undeliverable},
   * {@code spam_limit}, {@code blocked}, {@code template}, {@code auth}, {@code rejected},
   * {@code gave_up}, {@code delivery_failed}, {@code interrupted}.
   */
  public static final String OUTBOX_FAILED = "kontak.whatsapp.outbox.failed";

  /**
   * A conversation went to the desk queue; body: {@code {conversation, citizen, reason, priority,
   * language, intents, lookups}} (the triage an agent sees first).
   */
  public static final String HANDOFF_QUEUED = "kontak.conversation.handoff.queued";

  /** A citizen wrote while their conversation is with the desk; body: {@code {conversation, wamid}}. */
  public static final String DESK_INBOUND = "kontak.conversation.desk.inbound";

  private Addresses() {
  }
}
