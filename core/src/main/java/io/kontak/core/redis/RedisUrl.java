package io.kontak.core.redis;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;

/** Redis client construction in one place: shared ephemeral state (rate limits, presence, caches). */
public final class RedisUrl {
  private RedisUrl() {
  }

  public static Redis client(Vertx vertx, String url) {
    return Redis.createClient(vertx, new RedisOptions()
        .setConnectionString(url)
        .setMaxPoolSize(8)
        .setMaxPoolWaiting(256));
  }

  public static RedisAPI api(Redis client) {
    return RedisAPI.api(client);
  }
}
