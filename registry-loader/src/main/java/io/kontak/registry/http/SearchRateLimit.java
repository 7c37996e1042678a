package io.kontak.registry.http;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed one-minute window per client in Redis, shared by every node. If Redis is unreachable
 * the public search stays open (and says so in the log): losing the limit beats losing the lookup.
 */
public final class SearchRateLimit {
  private static final Logger LOG = LoggerFactory.getLogger(SearchRateLimit.class);
  private static final long WINDOW_SECONDS = 60;

  private final RedisAPI redis;
  private final String prefix;
  private final int perMinute;

  public SearchRateLimit(RedisAPI redis, String prefix, int perMinute) {
    this.redis = redis;
    this.prefix = prefix;
    this.perMinute = perMinute;
  }

  /** Seconds to wait when over the limit, 0 when allowed. */
  public Future<Long> check(String client) {
    long now = System.currentTimeMillis() / 1000;
    long window = now / WINDOW_SECONDS;
    String key = prefix + "ratelimit:search:" + client + ":" + window;
    return redis.incr(key)
        .compose(count -> {
          long n = count.toLong();
          Future<?> expiry = n == 1 ? redis.expire(List.of(key, Long.toString(WINDOW_SECONDS * 2))) : Future.succeededFuture();
          return expiry.map(done -> n > perMinute ? (window + 1) * WINDOW_SECONDS - now : 0L);
        })
        .recover(e -> {
          LOG.warn("rate limit unavailable (Redis: {}); allowing the search", e.getMessage());
          return Future.succeededFuture(0L);
        });
  }
}
