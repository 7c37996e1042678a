package io.kontak.core.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import java.time.Duration;
import java.util.List;

/**
 * Counts events per key in fixed time windows in Redis, shared by every node: the basis of the
 * per-client and per-citizen rate limits. Keys expire on their own after two windows.
 */
public final class WindowCounter {
  private final RedisAPI redis;
  private final String prefix;
  private final long windowSeconds;

  /** One more event: how many the key has seen in this window, and when the window ends. */
  public record Hit(long count, long secondsLeft) {
  }

  public WindowCounter(RedisAPI redis, String prefix, Duration window) {
    this.redis = redis;
    this.prefix = prefix;
    this.windowSeconds = window.toSeconds();
  }

  /** Counts one event for {@code key}; fails when Redis does (callers decide whether to fail open). */
  public Future<Hit> hit(String key) {
    long now = System.currentTimeMillis() / 1000;
    long window = now / windowSeconds;
    String redisKey = prefix + key + ":" + window;
    return redis.incr(redisKey).compose(count -> {
      long n = count.toLong();
      Future<?> expiry = n == 1
          ? redis.expire(List.of(redisKey, Long.toString(windowSeconds * 2)))
          : Future.succeededFuture();
      return expiry.map(done -> new Hit(n, (window + 1) * windowSeconds - now));
    });
  }
}
