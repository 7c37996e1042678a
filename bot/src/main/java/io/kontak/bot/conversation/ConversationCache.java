package io.kontak.bot.conversation;

import io.kontak.core.conversation.CitizenId;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hot state of open conversations in Redis, shared by every node: a turn starts from here
 * instead of reading the conversation from Postgres. Postgres stays the truth: each copy carries
 * the row's version, and the engine saves only rows still at that version, so a stale copy (the
 * desk took the conversation, the idle sweep closed it, a write to Redis got lost) costs a retry
 * from Postgres, never a wrong answer. Redis being down only means reading from Postgres.
 */
final class ConversationCache {
  private static final Logger LOG = LoggerFactory.getLogger(ConversationCache.class);
  private static final String SET_ALL = """
      local ttl = ARGV[#ARGV]
      for i, key in ipairs(KEYS) do redis.call('SET', key, ARGV[i], 'EX', ttl) end
      return #KEYS""";

  private final RedisAPI redis;
  private final String prefix;
  private final long ttlSeconds;

  /** @param ttl how long an untouched copy stays (the idle timeout: such conversations close anyway) */
  ConversationCache(RedisAPI redis, String prefix, Duration ttl) {
    this.redis = redis;
    this.prefix = prefix + "conversation:";
    this.ttlSeconds = Math.max(1, ttl.toSeconds());
  }

  /** The cached conversations of {@code citizens} (those without a copy are missing). */
  Future<Map<CitizenId, OpenConversation>> get(List<CitizenId> citizens) {
    List<String> keys = citizens.stream().map(this::key).toList();
    return redis.mget(keys).map(values -> {
      Map<CitizenId, OpenConversation> out = new HashMap<>();
      for (int i = 0; i < citizens.size(); i++) {
        Response value = values.get(i);
        if (value != null) {
          out.put(citizens.get(i), OpenConversation.fromJson(new JsonObject(value.toString())));
        }
      }
      return out;
    }).recover(e -> {
      LOG.warn("conversation cache unavailable ({}); reading from Postgres", e.toString());
      return Future.succeededFuture(Map.of());
    });
  }

  void put(Map<CitizenId, OpenConversation> conversations) {
    if (conversations.isEmpty()) {
      return;
    }
    List<String> args = new ArrayList<>(conversations.size() * 2 + 3);
    args.add(SET_ALL);
    args.add(Integer.toString(conversations.size()));
    List<CitizenId> citizens = List.copyOf(conversations.keySet());
    citizens.forEach(c -> args.add(key(c)));
    citizens.forEach(c -> args.add(conversations.get(c).toJson().encode()));
    args.add(Long.toString(ttlSeconds));
    redis.eval(args).onFailure(e -> LOG.warn("conversation cache not updated ({})", e.toString()));
  }

  Future<Void> forget(Collection<CitizenId> citizens) {
    if (citizens.isEmpty()) {
      return Future.succeededFuture();
    }
    return redis.del(citizens.stream().map(this::key).toList()).<Void>mapEmpty()
        .onFailure(e -> LOG.warn("conversation cache entries not removed ({})", e.toString()));
  }

  private String key(CitizenId citizen) {
    return prefix + citizen.key();
  }
}
