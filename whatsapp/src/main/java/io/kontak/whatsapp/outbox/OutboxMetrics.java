package io.kontak.whatsapp.outbox;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What this node's sender is doing, for {@code /metrics}: written on the sender's event loop, read
 * by whoever scrapes.
 */
public final class OutboxMetrics {
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
}
