package io.kontak.desk.session;

import io.kontak.desk.account.Account;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Desk sessions in Redis, so they survive a node restart and are valid on every node. A session
 * lives {@code idle} after its last use and never longer than {@code max} after sign-in; each
 * account's sessions are listed so disabling the account ends them all.
 */
public final class SessionStore {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final RedisAPI redis;
  private final String prefix;
  private final Duration idle;
  private final Duration max;

  /** A new session and the cookie value that names it (only the browser keeps the latter). */
  public record Created(Session session, String cookieId) {
  }

  public SessionStore(RedisAPI redis, String redisPrefix, Duration idle, Duration max) {
    this.redis = redis;
    this.prefix = redisPrefix + "desk:";
    this.idle = idle;
    this.max = max;
  }

  public Duration max() {
    return max;
  }

  public Future<Created> create(Account account) {
    String id = token();
    Session session = new Session(hash(id), account.id(), account.username(), account.role(), token(),
        System.currentTimeMillis());
    long ttl = Math.min(idle.toMillis(), max.toMillis());
    return redis.set(List.of(sessionKey(session.key()), session.toJson().encode(), "PX", Long.toString(ttl)))
        .compose(ok -> redis.sadd(List.of(indexKey(account.id()), session.key())))
        .compose(added -> redis.pexpire(List.of(indexKey(account.id()), Long.toString(max.toMillis()))))
        .map(done -> new Created(session, id));
  }

  /** The live session named by a cookie value, its idle time restarted; empty when unknown or expired. */
  public Future<Optional<Session>> find(String cookieId) {
    if (cookieId == null || cookieId.isBlank() || cookieId.length() > 128) {
      return Future.succeededFuture(Optional.empty());
    }
    String key = hash(cookieId);
    return redis.get(sessionKey(key)).compose(value -> {
      if (value == null) {
        return Future.succeededFuture(Optional.<Session>empty());
      }
      Session session = Session.fromJson(key, new JsonObject(value.toString(StandardCharsets.UTF_8)));
      long left = session.createdMillis() + max.toMillis() - System.currentTimeMillis();
      if (left <= 0) {
        return end(session).map(done -> Optional.<Session>empty());
      }
      long ttl = Math.min(idle.toMillis(), left);
      return redis.pexpire(List.of(sessionKey(key), Long.toString(ttl))).map(done -> Optional.of(session));
    });
  }

  public Future<Void> end(Session session) {
    return redis.del(List.of(sessionKey(session.key())))
        .compose(done -> redis.srem(List.of(indexKey(session.accountId()), session.key())))
        .mapEmpty();
  }

  /** Ends every session of an account; the future holds their keys (live sockets of them are closed too). */
  public Future<List<String>> endAll(long accountId) {
    return redis.smembers(indexKey(accountId)).compose(members -> {
      List<String> keys = members.stream().map(m -> m.toString(StandardCharsets.UTF_8)).toList();
      List<String> dels = new java.util.ArrayList<>(keys.stream().map(this::sessionKey).toList());
      dels.add(indexKey(accountId));
      return redis.del(dels).map(done -> keys);
    });
  }

  private String sessionKey(String key) {
    return prefix + "session:" + key;
  }

  private String indexKey(long accountId) {
    return prefix + "sessions-of:" + accountId;
  }

  static String token() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String id) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
