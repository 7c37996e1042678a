package io.kontak.desk.routing;

import io.kontak.core.http.HttpProblem;
import io.kontak.whatsapp.survey.Surveys;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Routing with Postgres as the truth: every action that changes who holds a chat, or who may get
 * one, is one transaction under {@link RoutingSql#LOCK} (the same on every node) that ends by
 * assigning whatever the change made possible. So no agent ever holds more than their capacity
 * (unless a supervisor overrides), no chat goes to two agents, and the longest-waiting chat is
 * always the next one served.
 */
public final class Dispatcher {
  /** Assignments per transaction at most; the rest in the next one. */
  private static final int ASSIGN_BATCH = 200;
  private final Pool pool;
  private final Duration grace;
  private final Surveys surveys;

  public Dispatcher(Pool pool, Duration presenceGrace, Surveys surveys) {
    this.pool = pool;
    this.grace = presenceGrace;
    this.surveys = surveys;
  }

  /** Assigns queued chats to agents with room. */
  public Future<Changes> route() {
    return locked((conn, changes) -> Future.succeededFuture());
  }

  /** Sets an agent's chosen status ({@code available}, {@code away}). */
  public Future<Changes> setStatus(long account, String status) {
    return locked((conn, changes) -> conn.preparedQuery(RoutingSql.SET_STATUS).execute(Tuple.of(account, status))
        .map(rows -> {
          rows.forEach(r -> changes.status(r.getString("username"), r.getString("status")));
          return null;
        }));
  }

  /** Disables an account: offline, its chats back to the queue in their places. */
  public Future<Changes> disable(long account, String username, Long actor) {
    return locked((conn, changes) -> conn.preparedQuery(
            "UPDATE desk_account SET disabled_at = now(), status = 'offline', status_at = now() WHERE id = $1")
        .execute(Tuple.of(account))
        .compose(done -> requeueAgent(conn, changes, account, username, "disabled", actor)));
  }

  /** Agents gone past the grace period become offline; their chats go back to the queue. */
  public Future<Changes> sweepPresence() {
    return locked((conn, changes) -> conn.preparedQuery(RoutingSql.GONE).execute(Tuple.of(grace.toSeconds()))
        .compose(rows -> {
          Future<Void> chain = Future.succeededFuture();
          for (Row r : rows) {
            long id = r.getLong("id");
            String username = r.getString("username");
            changes.status(username, "offline");
            chain = chain.compose(v -> requeueAgent(conn, changes, id, username, "offline", null));
          }
          return chain;
        }));
  }

  /**
   * Moves a chat to another agent ({@code to} a username) or back to the queue ({@code to} =
   * "queue"). Refused with 409 full / away / offline, 422 for an unknown account.
   */
  public Future<Changes> transfer(long conversation, long actor, boolean actorSupervises, String to, String note,
                                  boolean override) {
    return locked((conn, changes) -> held(conn, conversation).compose(held -> {
      if ("queue".equals(to)) {
        return conn.preparedQuery(RoutingSql.REQUEUE_ONE)
            .execute(Tuple.of(conversation, "requeued", actor, held.agent(), "transferred", note))
            .map(done -> {
              changes.removed(conversation, held.username(), "transferred");
              return null;
            });
      }
      return conn.preparedQuery(RoutingSql.TARGET).execute(Tuple.of(to, grace.toSeconds())).compose(rows -> {
        if (rows.size() == 0) {
          return Future.failedFuture(RoutingProblem.unprocessable("no such agent: " + to));
        }
        Row t = rows.iterator().next();
        if (t.getOffsetDateTime("disabled_at") != null || "registry_admin".equals(t.getString("role"))) {
          return Future.failedFuture(RoutingProblem.unprocessable("cannot take chats: " + to));
        }
        long target = t.getLong("id");
        if (held.agent() != null && held.agent() == target) {
          return Future.failedFuture(RoutingProblem.conflict("already_holds"));
        }
        boolean online = Boolean.TRUE.equals(t.getBoolean("online")) && !"offline".equals(t.getString("status"));
        if (!online) {
          return Future.failedFuture(RoutingProblem.conflict("offline"));
        }
        if ("away".equals(t.getString("status"))) {
          return Future.failedFuture(RoutingProblem.conflict("away"));
        }
        if (t.getLong("load") >= t.getInteger("capacity") && !(override && actorSupervises)) {
          return Future.failedFuture(RoutingProblem.conflict("full"));
        }
        Future<?> moved = "queued".equals(held.status())
            ? conn.preparedQuery("UPDATE conversation SET status = 'with_agent', desk_head = false WHERE id = $1")
                .execute(Tuple.of(conversation))
            : Future.succeededFuture();
        return moved.compose(v -> conn.preparedQuery(RoutingSql.TRANSFER_TO_AGENT)
                .execute(Tuple.of(conversation, target, actor, held.agent(), note)))
            .map(done -> {
              changes.removed(conversation, held.username(), "transferred");
              changes.assigned(conversation, t.getString("username"));
              return null;
            });
      });
    }));
  }

  /**
   * Closes a held (or queued) chat as resolved by the agent, with the resolution code, and sends the
   * citizen the end-of-chat survey when one is configured (not after a close as abandoned).
   */
  public Future<Changes> close(long conversation, long actor, boolean bySupervisor, String resolution, String note) {
    return locked((conn, changes) -> held(conn, conversation).compose(held -> conn.preparedQuery(RoutingSql.CLOSE)
        .execute(Tuple.of(conversation, "resolved_by_agent", resolution, "closed", actor, note))
        .compose(done -> surveys.invite(conn, conversation))
        .map(survey -> {
          survey.ifPresent(changes::sent);
          changes.removed(conversation, held.username(),
              bySupervisor && held.agent() != null && held.agent() != actor ? "supervisor" : "closed");
          return null;
        })))
        .onSuccess(changes -> surveys.handOver(changes.sent()));
  }

  /** Gives the conversation back to the bot. */
  public Future<Changes> returnToBot(long conversation, long actor) {
    return locked((conn, changes) -> held(conn, conversation).compose(held -> {
      if (!"with_agent".equals(held.status())) {
        return Future.failedFuture(RoutingProblem.conflict("not_held"));
      }
      return conn.preparedQuery(RoutingSql.RETURN_TO_BOT).execute(Tuple.of(conversation, actor, held.agent()))
          .map(done -> {
            changes.removed(conversation, held.username(), "returned_to_bot");
            return null;
          });
    }));
  }

  /** A parked chat's citizen wrote: it returns to the head of the queue, to its agent first. */
  public Future<Changes> unpark(long conversation) {
    return locked((conn, changes) -> conn.preparedQuery(RoutingSql.UNPARK).execute(Tuple.of(conversation))
        .mapEmpty());
  }

  /** Parks answered chats whose citizen has been silent for {@code after}. */
  public Future<Changes> park(Duration after) {
    return locked((conn, changes) -> conn.preparedQuery(RoutingSql.TO_PARK).execute(Tuple.of(after.toSeconds()))
        .compose(rows -> each(rows, r -> conn.preparedQuery(RoutingSql.PARK).execute(Tuple.of(r.getLong("id")))
            .map(parked -> {
              if (parked.size() > 0) {
                changes.removed(r.getLong("id"), r.getString("username"), "parked");
              }
              return null;
            }))));
  }

  /** Closes chats parked longer than {@code after} as abandoned. */
  public Future<Changes> abandonParked(Duration after) {
    return locked((conn, changes) -> conn.preparedQuery(RoutingSql.PARKED_TOO_LONG)
        .execute(Tuple.of(after.toSeconds()))
        .compose(rows -> each(rows, r -> conn.preparedQuery(RoutingSql.CLOSE)
            .execute(Tuple.of(r.getLong("id"), "abandoned", null, "abandoned", null, null)).mapEmpty())));
  }

  /** Closes conversations that waited in the queue untouched longer than {@code after} as abandoned. */
  public Future<Changes> abandonQueued(Duration after) {
    if (after.isZero() || after.isNegative()) {
      return Future.succeededFuture(new Changes());
    }
    return locked((conn, changes) -> conn.preparedQuery(RoutingSql.QUEUED_TOO_LONG)
        .execute(Tuple.of(after.toSeconds()))
        .compose(rows -> each(rows, r -> conn.preparedQuery(RoutingSql.CLOSE)
            .execute(Tuple.of(r.getLong("id"), "abandoned", null, "abandoned", null, null)).mapEmpty())));
  }

  /**
   * Chats without the agent's first reply after {@code timeout}: moved to another agent and the
   * agent set away, until a chat made {@code maxMoves} moves; then the supervisor is alerted instead.
   */
  public Future<Changes> firstReplyTimeouts(Duration timeout, int maxMoves) {
    return locked((conn, changes) -> conn.preparedQuery(RoutingSql.NO_FIRST_REPLY)
        .execute(Tuple.of(timeout.toSeconds()))
        .compose(rows -> each(rows, r -> {
          long id = r.getLong("id");
          long agent = r.getLong("desk_agent");
          String username = r.getString("username");
          if (r.getInteger("desk_moves") < maxMoves) {
            return conn.preparedQuery(RoutingSql.REQUEUE_ONE)
                .execute(Tuple.of(id, "requeued", null, agent, "no_first_reply", null))
                .compose(done -> conn.preparedQuery(
                        "UPDATE desk_account SET status = 'away', status_at = now() WHERE id = $1 AND status = 'available'")
                    .execute(Tuple.of(agent)))
                .map(updated -> {
                  changes.removed(id, username, "reassigned");
                  if (updated.rowCount() > 0) {
                    changes.status(username, "away");
                  }
                  return null;
                });
          }
          if (r.getBoolean("alerted")) {
            return Future.succeededFuture();
          }
          return conn.preparedQuery(RoutingSql.MARK_ALERTED).execute(Tuple.of(id, null, "no_first_reply"))
              .map(marked -> {
                if (marked.size() > 0) {
                  changes.alert("no_first_reply", id, username,
                      username + " has not answered conversation " + id + " after " + (maxMoves + 1) + " assignments");
                }
                return null;
              });
        })));
  }

  /** Alerts (once per citizen message) about chats whose citizen waits longer than {@code after}; the chat stays. */
  public Future<Changes> slowReplies(Duration after) {
    return locked((conn, changes) -> conn.preparedQuery(RoutingSql.SLOW).execute(Tuple.of(after.toSeconds()))
        .compose(rows -> each(rows, r -> {
          long id = r.getLong("id");
          OffsetDateTime lastIn = r.getOffsetDateTime("last_in");
          return conn.preparedQuery(RoutingSql.MARK_ALERTED).execute(Tuple.of(id, lastIn, "slow_reply"))
              .map(marked -> {
                if (marked.size() > 0) {
                  changes.alert("slow_reply", id, r.getString("username"), "The citizen of conversation " + id
                      + " has waited more than " + minutesOrSeconds(after) + " for " + r.getString("username"));
                }
                return null;
              });
        })));
  }

  // ---- building blocks ----

  /** "5 min", or "30 s" below a minute (a short alert time must not read "0 min"). */
  static String minutesOrSeconds(Duration d) {
    return d.toSeconds() < 60 ? d.toSeconds() + " s" : d.toMinutes() + " min";
  }

  /** Who holds a conversation, read under its row lock. */
  record Held(String status, Long agent, String username) {
  }

  private static Future<Held> held(SqlConnection conn, long conversation) {
    return conn.preparedQuery(RoutingSql.LOCK_CONVERSATION).execute(Tuple.of(conversation)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.failedFuture(RoutingProblem.notFound());
      }
      Row r = rows.iterator().next();
      String status = r.getString("status");
      if (!"with_agent".equals(status) && !"queued".equals(status)) {
        return Future.failedFuture(RoutingProblem.conflict("closed"));
      }
      return Future.succeededFuture(new Held(status, r.getLong("desk_agent"), r.getString("agent_username")));
    });
  }

  private static Future<Void> requeueAgent(SqlConnection conn, Changes changes, long account, String username,
                                           String reason, Long actor) {
    return conn.preparedQuery(RoutingSql.REQUEUE_AGENT).execute(Tuple.of(account, reason, actor)).map(rows -> {
      rows.forEach(r -> changes.removed(r.getLong("id"), username, reason));
      return null;
    });
  }

  private static Future<Void> each(RowSet<Row> rows, java.util.function.Function<Row, Future<Void>> step) {
    Future<Void> chain = Future.succeededFuture();
    for (Row r : rows) {
      chain = chain.compose(v -> step.apply(r));
    }
    return chain;
  }

  /**
   * Runs {@code action} under the routing lock, then assigns what it made possible, in one
   * transaction; retried when Postgres breaks a deadlock with the bot's row locks.
   */
  private Future<Changes> locked(BiFunction<SqlConnection, Changes, Future<?>> action) {
    return attempt(action, 3);
  }

  private Future<Changes> attempt(BiFunction<SqlConnection, Changes, Future<?>> action, int left) {
    return pool.withTransaction(conn -> {
      Changes changes = new Changes();
      return conn.query(RoutingSql.LOCK).execute()
          .compose(locked -> action.apply(conn, changes))
          .compose(done -> assignAll(conn, changes, 0))
          .map(done -> changes);
    }).recover(e -> {
      if (left > 1 && e instanceof PgException pg && ("40P01".equals(pg.getSqlState())
          || "40001".equals(pg.getSqlState()))) {
        return attempt(action, left - 1);
      }
      return Future.failedFuture(e);
    });
  }

  private Future<Void> assignAll(SqlConnection conn, Changes changes, int done) {
    if (done >= ASSIGN_BATCH) {
      return Future.succeededFuture();
    }
    return conn.preparedQuery(RoutingSql.ASSIGN_NEXT).execute(Tuple.of(grace.toSeconds())).compose(rows -> {
      if (rows.size() == 0) {
        return Future.succeededFuture();
      }
      Row r = rows.iterator().next();
      changes.assigned(r.getLong("id"), r.getString("username"));
      return assignAll(conn, changes, done + 1);
    });
  }

  /** For callers that must tell a refusal from a failure. */
  public static boolean refused(Throwable e) {
    return e instanceof HttpProblem;
  }

  /** Usernames in {@code changes} that lost or gained chats (for snapshots). */
  public static List<String> touchedAgents(Changes changes) {
    List<String> out = new ArrayList<>();
    changes.assigned().forEach(a -> out.add(a.agent()));
    changes.removed().forEach(r -> out.add(r.agent()));
    return out;
  }
}
