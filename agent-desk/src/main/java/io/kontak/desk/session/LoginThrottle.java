package io.kontak.desk.session;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.List;

/**
 * Failed sign-ins counted in Redis per account and per client address (shared by every node):
 * after a few the answer is slowed down, after more the caller gets 429 with {@code Retry-After}
 * until the window ends. A successful sign-in clears the account's count.
 */
public final class LoginThrottle {
  private static final long SLOWEST_MS = 4_000;
  private final RedisAPI redis;
  private final String prefix;
  private final int slowAfter;
  private final int maxPerAccount;
  private final int maxPerAddress;
  private final Duration window;

  /** What to do with an attempt: refuse it for {@code retryAfterSeconds}, or check it after {@code delayMs}. */
  public record Verdict(boolean refused, long retryAfterSeconds, long delayMs) {
  }

  public LoginThrottle(RedisAPI redis, String redisPrefix, int slowAfter, int maxPerAccount, int maxPerAddress,
                       Duration window) {
    this.redis = redis;
    this.prefix = redisPrefix + "desk:login-failures:";
    this.slowAfter = slowAfter;
    this.maxPerAccount = maxPerAccount;
    this.maxPerAddress = maxPerAddress;
    this.window = window;
  }

  public Future<Verdict> check(String username, String address) {
    String account = accountKey(username);
    String client = addressKey(address);
    return redis.mget(List.of(account, client)).compose(counts -> {
      long byAccount = count(counts.get(0));
      long byAddress = count(counts.get(1));
      if (byAccount >= maxPerAccount || byAddress >= maxPerAddress) {
        String key = byAccount >= maxPerAccount ? account : client;
        return redis.ttl(key).map(ttl -> new Verdict(true, Math.max(1, ttl.toLong()), 0));
      }
      long over = Math.max(byAccount, byAddress) - slowAfter + 1;
      long delay = over <= 0 ? 0 : Math.min(SLOWEST_MS, 250L << Math.min(over - 1, 10));
      return Future.succeededFuture(new Verdict(false, 0, delay));
    });
  }

  public Future<Void> failed(String username, String address) {
    return Future.all(bump(accountKey(username)), bump(addressKey(address))).mapEmpty();
  }

  public Future<Void> succeeded(String username) {
    return redis.del(List.of(accountKey(username))).mapEmpty();
  }

  private Future<Void> bump(String key) {
    return redis.incr(key).compose(n -> n.toLong() == 1
        ? redis.expire(List.of(key, Long.toString(window.toSeconds()))).mapEmpty()
        : Future.succeededFuture());
  }

  private String accountKey(String username) {
    return prefix + "account:" + username;
  }

  private String addressKey(String address) {
    return prefix + "address:" + address;
  }

  private static long count(Response r) {
    return r == null ? 0 : r.toLong();
  }
}
