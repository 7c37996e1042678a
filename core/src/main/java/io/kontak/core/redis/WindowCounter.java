package io.kontak.core.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts events per key in fixed time windows in Redis, shared by every node: the basis of the
 * per-client and per-citizen rate limits. Keys expire on their own after two windows.
 */
public final class WindowCounter {
  private final RedisAPI redis;
  private final String prefix;
  private final long windowSeconds;

  /**
   * Adds each key's events in one round trip (a Lua script, so the window's expiry is set exactly
   * once per key) and returns each key's count in this window afterwards.
   */
  private static final String HIT_ALL = """
      local ttl = ARGV[#ARGV]
      local counts = {}
      for i, key in ipairs(KEYS) do
        local n = redis.call('INCRBY', key, ARGV[i])
        if n == tonumber(ARGV[i]) then redis.call('EXPIRE', key, ttl) end
        counts[i] = n
      end
      return counts""";

  /** One more event: how many the key has seen in this window, and when the window ends. */
  public record Hit(long count, long secondsLeft) {
  }

  public WindowCounter(RedisAPI redis, String prefix, Duration window) {
    this.redis = redis;
    this.prefix = prefix;
    this.windowSeconds = window.toSeconds();
  }

  /** Counts {@code events.get(key)} events for every key at once; fails when Redis does. */
  public Future<Map<String, Long>> hitAll(Map<String, Integer> events) {
    if (events.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    long window = System.currentTimeMillis() / 1000 / windowSeconds;
    List<String> keys = List.copyOf(events.keySet());
    List<String> args = new ArrayList<>(keys.size() * 2 + 3);
    args.add(HIT_ALL);
    args.add(Integer.toString(keys.size()));
    keys.forEach(key -> args.add(prefix + key + ":" + window));
    keys.forEach(key -> args.add(Integer.toString(events.get(key))));
    args.add(Long.toString(windowSeconds * 2));
    return redis.eval(args).map(counts -> {
      Map<String, Long> out = new HashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        out.put(keys.get(i), counts.get(i).toLong());
      }
      return out;
    });
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
