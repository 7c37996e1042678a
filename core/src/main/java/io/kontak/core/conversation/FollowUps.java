package io.kontak.core.conversation;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import java.util.Collection;
import java.util.Map;

/**
 * Where a citizen's message goes when they have no open conversation: minutes after an agent
 * closed their chat, back to the desk (to that agent first) instead of the bot. The desk answers;
 * the conversation engine asks inside its own transaction, under the citizens' locks, so this
 * interface (not a module dependency) is the seam between the two.
 */
public interface FollowUps {
  /** Nothing follows up: every new conversation starts with the bot. */
  FollowUps NONE = new FollowUps() {
    @Override
    public Future<Map<CitizenId, Earlier>> recent(SqlClient sql, Collection<CitizenId> citizens) {
      return Future.succeededFuture(Map.of());
    }

    @Override
    public Future<Void> queue(SqlClient sql, CitizenId citizen, Earlier earlier) {
      return Future.failedFuture(new IllegalStateException("no follow-ups"));
    }
  };

  /** The handoff reason of a conversation that follows up an agent's chat. */
  String REASON = "follow_up";

  /**
   * A chat an agent closed within the follow-up window.
   *
   * @param conversation the closed conversation's id
   * @param agent        the desk account that held it
   * @param language     the citizen's language in it
   * @param priority     its queue priority (a fraud report stays ahead)
   */
  record Earlier(long conversation, long agent, String language, int priority) {
  }

  /**
   * For each of {@code citizens} whose latest conversation an agent closed within the window, that
   * conversation; the others are absent. Joins the caller's transaction.
   */
  Future<Map<CitizenId, Earlier>> recent(SqlClient sql, Collection<CitizenId> citizens);

  /**
   * Sends the citizen's conversation opened in the caller's transaction to the head of the desk
   * queue, for {@code earlier}'s agent first and linked to it (the caller announces the handoff).
   */
  Future<Void> queue(SqlClient sql, CitizenId citizen, Earlier earlier);
}
