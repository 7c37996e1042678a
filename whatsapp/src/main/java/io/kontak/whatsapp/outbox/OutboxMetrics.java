package io.kontak.whatsapp.outbox;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What this node's sender is doing, for {@code /metrics}: written on the sender's event loop, read
 * by whoever scrapes.
 */
public final class OutboxMetrics implements MeterBinder {
  /** Requests sent to the Graph API without an answer yet. */
  public final AtomicLong inFlight = new AtomicLong();
  /** Row ids handed over by the engine, not claimed yet. */
  public final AtomicLong handedOver = new AtomicLong();
  /** Handed-over rows waiting behind an earlier row of their citizen. */
  public final AtomicLong heldBack = new AtomicLong();
  /** Rows claimed for sending, since start. */
  public final AtomicLong claimed = new AtomicLong();
  /** Rows Meta accepted, since start. */
  public final AtomicLong accepted = new AtomicLong();
  /** Claim statements run, and the time they took as the sender saw it (pool wait included). */
  public final AtomicLong claims = new AtomicLong();
  public final AtomicLong claimNanos = new AtomicLong();
  /** Mark-read requests sent, since start. */
  public final AtomicLong markReads = new AtomicLong();
  /** Meta's spam limit (131048) answers, since start: an operator should look at once. */
  public final AtomicLong spamLimits = new AtomicLong();
  /** 1 while sending from the number is paused after a spam limit (on any node), else 0. */
  public final AtomicLong paused = new AtomicLong();

  @Override
  public void bindTo(MeterRegistry registry) {
    gauge(registry, "kontak_outbox_in_flight", "requests sent to the Graph API without an answer yet", inFlight);
    gauge(registry, "kontak_outbox_handed_over", "new replies handed to the sender, not claimed yet", handedOver);
    gauge(registry, "kontak_outbox_held_back", "replies waiting behind an earlier reply to the same citizen", heldBack);
    counter(registry, "kontak_outbox_claimed", "outbox rows claimed for sending", claimed);
    counter(registry, "kontak_outbox_accepted", "outbox rows the Graph API accepted", accepted);
    counter(registry, "kontak_outbox_claims", "claim statements the sender ran", claims);
    counter(registry, "kontak_outbox_mark_reads", "mark-read requests sent", markReads);
    counter(registry, "kontak_outbox_spam_limits", "Meta's spam limit (131048) answers: sending pauses on every node",
        spamLimits);
    gauge(registry, "kontak_outbox_paused", "1 while sending is paused after a spam limit", paused);
    FunctionCounter.builder("kontak_outbox_claim_seconds", claimNanos, n -> n.get() / 1e9)
        .description("time the sender waited for its claims, pool wait included").register(registry);
  }

  private static void gauge(MeterRegistry registry, String name, String description, AtomicLong value) {
    Gauge.builder(name, value, AtomicLong::get).description(description).register(registry);
  }

  private static void counter(MeterRegistry registry, String name, String description, AtomicLong value) {
    FunctionCounter.builder(name, value, AtomicLong::get).description(description).register(registry);
  }
}
