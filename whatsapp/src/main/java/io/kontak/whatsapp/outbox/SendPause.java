package io.kontak.whatsapp.outbox;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import java.time.Duration;
import java.util.List;

/**
 * A pause of one business number's sending, shared by every node through Redis: after Meta's spam
 * limit (131048) no node may keep sending from that number, whichever node was told. The key
 * expires when the pause ends.
 */
public final class SendPause {
  private final RedisAPI redis;
  private final String key;

  public SendPause(RedisAPI redis, String keyPrefix, String phoneNumberId) {
    this.redis = redis;
    this.key = keyPrefix + "outbox:paused:" + phoneNumberId;
  }

  /** Pauses the number on every node for {@code pause} (a longer pause already set stays). */
  Future<Void> pauseFor(Duration pause) {
    return remaining().compose(left -> left.compareTo(pause) >= 0
        ? Future.succeededFuture()
        : redis.set(List.of(key, "131048", "PX", Long.toString(pause.toMillis()))).mapEmpty());
  }

  /** How long the number stays paused; zero when it is not. */
  Future<Duration> remaining() {
    return redis.pttl(key).map(ttl -> Duration.ofMillis(Math.max(0, ttl.toLong())));
  }
}
