package io.kontak.bot.conversation;

import io.kontak.core.conversation.CitizenId;
import io.kontak.core.redis.WindowCounter;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages per citizen and minute, counted in Redis across nodes. Over the budget messages are
 * still stored and marked processed, but only the first one past it gets a notice. Without
 * Redis every message is admitted: answering beats silence.
 */
public final class SenderRateLimit {
  private static final Logger LOG = LoggerFactory.getLogger(SenderRateLimit.class);

  /** What to do with one more message from a citizen. */
  public enum Admission {
    ADMITTED, NOTICE, FLOODING
  }

  private final WindowCounter counter;
  private final int perMinute;

  public SenderRateLimit(WindowCounter perMinuteCounter, int perMinute) {
    this.counter = perMinuteCounter;
    this.perMinute = perMinute;
  }

  public Future<Admission> admit(CitizenId citizen) {
    return counter.hit("ratelimit:sender:" + citizen.key())
        .map(hit -> hit.count() <= perMinute ? Admission.ADMITTED
            : hit.count() == perMinute + 1 ? Admission.NOTICE : Admission.FLOODING)
        .recover(e -> {
          LOG.warn("sender rate limit unavailable (Redis: {}); admitting", e.getMessage());
          return Future.succeededFuture(Admission.ADMITTED);
        });
  }
}
