package io.kontak.bot.conversation;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What this node's conversation engine is doing, for {@code /metrics}: written on the engine's
 * event loop, read by whoever scrapes. Waiting citizens that keep growing while batches stay slow
 * point at the answering or the database; a queue that stays short points elsewhere (the sender).
 */
public final class ConversationMetrics implements MeterBinder {
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

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("kontak_engine_waiting", waiting, AtomicLong::get)
        .description("citizens with new messages waiting for a batch").register(registry);
    Gauge.builder("kontak_engine_in_batch", inBatch, AtomicLong::get)
        .description("citizens in the batches running now").register(registry);
    FunctionCounter.builder("kontak_engine_batches", batches, AtomicLong::get)
        .description("answering batches finished").register(registry);
    FunctionCounter.builder("kontak_engine_failed_batches", failedBatches, AtomicLong::get)
        .description("answering batches that failed and were retried").register(registry);
    FunctionCounter.builder("kontak_engine_messages", messages, AtomicLong::get)
        .description("messages answered").register(registry);
    FunctionCounter.builder("kontak_engine_batch_seconds", batchNanos, n -> n.get() / 1e9)
        .description("time batches took from start to commit").register(registry);
  }
}
