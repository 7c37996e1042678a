package io.kontak.whatsapp.outbox;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pauses of one business number's sends: this node's token bucket stops handing out sends, and a
 * spam-limit pause is shared with every node through {@link SendPause} (and adopted from them).
 * Owned by the sender's event loop.
 */
final class NumberPause {
  private static final Logger LOG = LoggerFactory.getLogger(NumberPause.class);

  private final TokenBucket bucket;
  private final SendPause shared;
  private final OutboxMetrics metrics;
  private final String phoneNumberId;

  NumberPause(TokenBucket bucket, SendPause shared, OutboxMetrics metrics, String phoneNumberId) {
    this.bucket = bucket;
    this.shared = shared;
    this.metrics = metrics;
    this.phoneNumberId = phoneNumberId;
  }

  /** Stops this node's sends for {@code pause}; on {@code everyNode} (Meta's spam limit), every other node's too. */
  void pause(Duration pause, boolean everyNode) {
    bucket.pauseFor(pause);
    if (everyNode) {
      metrics.spamLimits.incrementAndGet();
      metrics.paused.set(1);
      shared.pauseFor(pause)
          .onFailure(e -> LOG.error("could not share the spam-limit pause through Redis: {}", e.toString()));
    }
  }

  /** Adopts a pause another node set after Meta's spam limit; clears the gauge when none is left. */
  void adoptShared() {
    shared.remaining()
        .onSuccess(left -> {
          if (left.isZero()) {
            if (!bucket.paused()) {
              metrics.paused.set(0);
            }
            return;
          }
          bucket.pauseFor(left);
          if (metrics.paused.getAndSet(1) == 0) {
            LOG.warn("sending from number {} paused for {} s: Meta's spam limit, reported to another node",
                phoneNumberId, left.toSeconds());
          }
        })
        .onFailure(e -> LOG.debug("outbox: could not read the shared pause: {}", e.toString()));
  }
}
