package io.kontak.registry.http;

import io.kontak.core.redis.WindowCounter;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Public searches per client and minute, counted in Redis across nodes. If Redis is unreachable
 * the search stays open (and says so in the log): losing the limit beats losing the lookup.
 */
public final class SearchRateLimit {
  private static final Logger LOG = LoggerFactory.getLogger(SearchRateLimit.class);

  private final WindowCounter counter;
  private final int perMinute;

  public SearchRateLimit(WindowCounter perMinuteCounter, int perMinute) {
    this.counter = perMinuteCounter;
    this.perMinute = perMinute;
  }

  /** Seconds to wait when over the limit, 0 when allowed. */
  public Future<Long> check(String client) {
    return counter.hit("ratelimit:search:" + client)
        .map(hit -> hit.count() > perMinute ? hit.secondsLeft() : 0L)
        .recover(e -> {
          LOG.warn("rate limit unavailable (Redis: {}); allowing the search", e.getMessage());
          return Future.succeededFuture(0L);
        });
  }
}
