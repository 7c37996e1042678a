package io.kontak.desk.routing;

import io.kontak.core.conversation.CitizenId;
import io.kontak.core.conversation.FollowUps;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The desk's answer to "where does this new conversation go": back to the desk when the citizen's
 * latest conversation was closed by the desk within the window (to the agent who held it if they
 * have room, else to whoever is free next, ahead of the queue). No routing lock: the conversation
 * becomes visible to routing only when the engine's transaction commits and announces the handoff.
 */
public final class DeskFollowUps implements FollowUps {
  /**
   * $1 citizens, $2 window in seconds: each citizen's latest ended conversation, if the desk closed
   * it with a resolution code (not abandoned for silence) while an agent held it, within the window.
   */
  private static final String RECENT = """
      SELECT k.citizen, o.conversation_id, o.agent_id, c.language, c.priority
        FROM unnest($1::text[]) AS k(citizen)
        CROSS JOIN LATERAL (SELECT p.conversation_id, p.agent_id, p.resolution, p.closed_at
                              FROM conversation_outcome p WHERE p.citizen = k.citizen
                             ORDER BY p.conversation_id DESC LIMIT 1) o
        JOIN conversation c ON c.id = o.conversation_id
       WHERE o.resolution IS NOT NULL AND o.agent_id IS NOT NULL
         AND o.closed_at > now() - make_interval(secs => $2)""";

  /** $1 citizen, $2 reason, $3 priority, $4 agent, $5 earlier conversation. */
  private static final String QUEUE = """
      UPDATE conversation SET status = 'queued', queued_at = now(), handoff_reason = $2, priority = $3,
             desk_head = true, desk_prefer_agent = $4, desk_follows = $5
       WHERE citizen = $1 AND status = 'bot'""";

  private final Duration window;

  public DeskFollowUps(Duration window) {
    this.window = window;
  }

  @Override
  public Future<Map<CitizenId, Earlier>> recent(SqlClient sql, Collection<CitizenId> citizens) {
    if (citizens.isEmpty() || window.isZero() || window.isNegative()) {
      return Future.succeededFuture(Map.of());
    }
    String[] keys = citizens.stream().map(CitizenId::key).toArray(String[]::new);
    return sql.preparedQuery(RECENT).execute(Tuple.of(keys, window.toSeconds())).map(rows -> {
      Map<CitizenId, Earlier> out = new HashMap<>();
      rows.forEach(r -> out.put(CitizenId.parse(r.getString("citizen")), new Earlier(r.getLong("conversation_id"),
          r.getLong("agent_id"), r.getString("language"), r.getInteger("priority"))));
      return out;
    });
  }

  @Override
  public Future<Void> queue(SqlClient sql, CitizenId citizen, Earlier earlier) {
    return sql.preparedQuery(QUEUE).execute(Tuple.of(citizen.key(), REASON, earlier.priority(), earlier.agent(),
        earlier.conversation())).mapEmpty();
  }
}
