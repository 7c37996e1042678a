package io.kontak.bot.conversation;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What this node's conversation engine is doing, for {@code /metrics}: written on the engine's
 * event loop, read by whoever scrapes. Waiting citizens that keep growing while batches stay slow
 * point at the answering or the database; a queue that stays short points elsewhere (the sender).
 */
public final class ConversationMetrics {
  /** Citizens with new messages waiting for a batch. */
  public final AtomicLong waiting = new AtomicLong();
  /** Citizens in the batches running now. */
  public final AtomicLong inBatch = new AtomicLong();
  /** Batches finished (committed or failed), and their time from start to commit, since start. */
  public final AtomicLong batches = new AtomicLong();
  public final AtomicLong batchNanos = new AtomicLong();
  /** Batches that failed and were retried, since start. */
  public final AtomicLong failedBatches = new AtomicLong();
  /** Messages answered (processed in a committed batch), since start. */
  public final AtomicLong messages = new AtomicLong();
}
