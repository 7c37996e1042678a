package io.kontak.bot.conversation;

import io.kontak.core.conversation.CitizenId;
import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-citizen message budget per minute in Redis (shared by every node). Over the budget the
 * messages are still stored and marked processed, but only the first one past it gets a notice.
 * Without Redis every message is admitted: answering beats silence.
 */
public final class SenderRateLimit {
  private static final Logger LOG = LoggerFactory.getLogger(SenderRateLimit.class);
  private static final long WINDOW_SECONDS = 60;

  /** What to do with one more message from a citizen. */
  public enum Admission {
    ADMITTED, NOTICE, FLOODING
  }

  private final RedisAPI redis;
  private final String prefix;
  private final int perMinute;

  public SenderRateLimit(RedisAPI redis, String prefix, int perMinute) {
    this.redis = redis;
    this.prefix = prefix;
    this.perMinute = perMinute;
  }

  public Future<Admission> admit(CitizenId citizen) {
    long window = System.currentTimeMillis() / 1000 / WINDOW_SECONDS;
    String key = prefix + "ratelimit:sender:" + citizen.key() + ":" + window;
    return redis.incr(key)
        .compose(count -> {
          long n = count.toLong();
          Future<?> expiry = n == 1 ? redis.expire(List.of(key, Long.toString(WINDOW_SECONDS * 2))) : Future.succeededFuture();
          return expiry.map(done -> n <= perMinute ? Admission.ADMITTED : n == perMinute + 1 ? Admission.NOTICE : Admission.FLOODING);
        })
        .recover(e -> {
          LOG.warn("sender rate limit unavailable (Redis: {}); admitting", e.getMessage());
          return Future.succeededFuture(Admission.ADMITTED);
        });
  }
}
