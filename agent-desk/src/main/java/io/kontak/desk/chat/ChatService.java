package io.kontak.desk.chat;

import io.kontak.core.conversation.CitizenId;
import io.kontak.core.http.HttpProblem;
import io.kontak.desk.routing.RoutingProblem;
import io.kontak.desk.session.Caller;
import io.kontak.whatsapp.media.MediaStore;
import io.kontak.whatsapp.media.StoredMedia;
import io.kontak.whatsapp.outbox.OutboundMessage;
import io.kontak.whatsapp.outbox.Outbox;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Reading chats and writing in them (replies through the outbox, private notes). */
public final class ChatService {
  /** A reply written just before the window closes must still reach Meta before it does. */
  private static final Duration WINDOW_MARGIN = Duration.ofMinutes(5);
  private final Pool pool;
  private final Outbox outbox;
  private final Optional<String> reopenTemplate;
  private final Duration presenceGrace;

  /** A reply now in the outbox, as its transcript message. */
  public record Sent(long conversation, JsonObject message) {
  }

  public ChatService(Pool pool, Outbox outbox, Optional<String> reopenTemplate, Duration presenceGrace) {
    this.pool = pool;
    this.outbox = outbox;
    this.reopenTemplate = reopenTemplate;
    this.presenceGrace = presenceGrace;
  }

  public Future<JsonArray> chatsOf(long agent) {
    return pool.preparedQuery(ChatSql.CHATS_OF).execute(Tuple.of(agent)).map(rows -> {
      JsonArray out = new JsonArray();
      rows.forEach(r -> out.add(ChatJson.item(r)));
      return out;
    });
  }

  public Future<JsonArray> allHeld() {
    return pool.query(ChatSql.ALL_HELD).execute().map(rows -> {
      JsonArray out = new JsonArray();
      rows.forEach(r -> out.add(ChatJson.item(r)));
      return out;
    });
  }

  public Future<Optional<JsonObject>> item(long conversation) {
    return pool.preparedQuery(ChatSql.CHAT).execute(Tuple.of(conversation))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(ChatJson.item(rows.iterator().next())));
  }

  /** The caller's rights on a conversation; 404 when they may not see it (ids cannot be probed). */
  public Future<Access> access(Caller caller, long conversation) {
    long account = caller instanceof Caller.Member m ? m.accountId() : -1;
    return pool.preparedQuery(ChatSql.ACCESS).execute(Tuple.of(conversation, account)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.failedFuture(RoutingProblem.notFound());
      }
      Row r = rows.iterator().next();
      Long holder = r.getLong("desk_agent");
      boolean holds = holder != null && holder == account && "with_agent".equals(r.getString("status"));
      boolean member = caller instanceof Caller.Member m && m.role().takesChats();
      boolean sees = caller.supervises() || (member && (r.getBoolean("sees") || r.getBoolean("former")));
      if (!sees) {
        return Future.failedFuture(RoutingProblem.notFound());
      }
      return Future.succeededFuture(new Access(conversation, r.getString("citizen"), r.getString("status"),
          r.getString("language"), holder, r.getValue("desk_parked_at") != null, holds, r.getBoolean("former")));
    });
  }

  /** The chat with its transcript, triage and the citizen's earlier conversations. */
  public Future<JsonObject> detail(Access access, Caller caller) {
    long id = access.conversation();
    Tuple byId = Tuple.of(id);
    var detail = pool.preparedQuery(ChatSql.DETAIL).execute(byId);
    var item = pool.preparedQuery(ChatSql.CHAT).execute(byId);
    var inbound = pool.preparedQuery(ChatSql.INBOUND).execute(byId);
    var outbound = pool.preparedQuery(ChatSql.OUTBOUND).execute(byId);
    var notes = pool.preparedQuery(ChatSql.NOTES).execute(byId);
    var earlier = pool.preparedQuery(ChatSql.EARLIER).execute(Tuple.of(access.citizen(), id));
    return Future.all(detail, item, inbound, outbound, notes, earlier).map(all -> {
      Row d = detail.result().iterator().next();
      JsonObject chat = ChatJson.item(item.result().iterator().next());
      List<JsonObject> messages = new ArrayList<>();
      inbound.result().forEach(r -> messages.add(ChatJson.inbound(r)));
      outbound.result().forEach(r -> messages.add(ChatJson.outbound(r)));
      notes.result().forEach(r -> messages.add(ChatJson.note(r.getLong("id"), r.getString("text"),
          r.getOffsetDateTime("created_at"), r.getString("author"))));
      messages.sort(Comparator.comparing(m -> m.getString("at")));
      JsonArray history = new JsonArray();
      earlier.result().forEach(r -> history.add(new JsonObject().put("conversation", r.getLong("id"))
          .put("opened_at", ChatJson.instant(r.getOffsetDateTime("opened_at")))
          .put("closed_at", ChatJson.instant(r.getOffsetDateTime("closed_at")))
          .put("status", r.getString("status")).put("outcome", r.getString("outcome"))
          .put("resolution", r.getString("resolution"))));
      return chat
          .put("status", access.parked() ? "parked" : d.getString("status"))
          .put("intents", ChatJson.jsonArray(d.getValue("intents")))
          .put("lookups", ChatJson.jsonArray(d.getValue("lookups")))
          .put("opened_at", ChatJson.instant(d.getOffsetDateTime("opened_at")))
          .put("closed_at", ChatJson.instant(d.getOffsetDateTime("closed_at")))
          .put("read_only", !access.holds())
          .put("follows", d.getLong("desk_follows"))
          .put("messages", new JsonArray(new ArrayList<>(messages)))
          .put("earlier", history);
    }).compose(chat -> access.holds() && caller instanceof Caller.Member m
        ? pool.preparedQuery(ChatSql.MARK_READ).execute(Tuple.of(id, m.accountId())).map(chat.put("unread", 0))
        : Future.succeededFuture(chat));
  }

  /**
   * Enqueues the holder's reply in the same outbox as the bot's, in a transaction that locks the
   * conversation (a transfer or close waits, or wins and this answers 409 reassigned). Outside
   * Meta's 24-hour window only the reopening template may go ({@code template = true}).
   */
  public Future<Sent> send(Caller.Member caller, long conversation, String text, boolean template) {
    return pool.withTransaction(conn -> conn.preparedQuery(ChatSql.LOCK_FOR_REPLY).execute(Tuple.of(conversation))
        .compose(rows -> {
          Row r = rows.iterator().next();
          Long holder = r.getLong("desk_agent");
          if (!"with_agent".equals(r.getString("status")) || holder == null || holder != caller.accountId()
              || r.getValue("desk_parked_at") != null) {
            return Future.failedFuture(RoutingProblem.conflict(
                "closed".equals(r.getString("status")) ? "closed" : "reassigned"));
          }
          OffsetDateTime lastSent = r.getOffsetDateTime("last_sent");
          boolean windowOpen = lastSent != null && OffsetDateTime.now(ZoneOffset.UTC)
              .isBefore(lastSent.plusHours(ChatJson.WINDOW_HOURS).minus(WINDOW_MARGIN));
          OutboundMessage message;
          if (template) {
            if (reopenTemplate.isEmpty()) {
              return Future.failedFuture(new HttpProblem(422, "no reopening template is configured"));
            }
            message = new OutboundMessage.Template(reopenTemplate.get(), r.getString("language"), List.of());
          } else if (!windowOpen) {
            return Future.failedFuture(new HttpProblem(409, new JsonObject().put("error", "conflict")
                .put("reason", "window_closed").put("template_available", reopenTemplate.isPresent())));
          } else {
            try {
              message = OutboundMessage.text(text);
            } catch (IllegalArgumentException e) {
              return Future.failedFuture(new HttpProblem(422, e.getMessage()));
            }
          }
          CitizenId citizen = CitizenId.parse(r.getString("citizen"));
          // watched: the agent sees it sent, delivered and read, live
          return outbox.enqueueWatched(conn, citizen, message)
              .compose(id -> conn.preparedQuery(ChatSql.RECORD_REPLY).execute(Tuple.of(id, conversation,
                  caller.accountId())).map(id))
              .compose(id -> conn.preparedQuery(ChatSql.OUTBOUND_ONE).execute(Tuple.of(id)))
              .map(one -> new Sent(conversation, ChatJson.outbound(one.iterator().next())));
        }))
        .onSuccess(sent -> outbox.handOver(List.of(Long.parseLong(sent.message().getString("id").substring(4)))));
  }

  public Future<JsonObject> note(Caller.Member caller, long conversation, String text) {
    return pool.preparedQuery(ChatSql.INSERT_NOTE).execute(Tuple.of(conversation, caller.accountId(), text))
        .map(rows -> {
          Row r = rows.iterator().next();
          return ChatJson.note(r.getLong("id"), text, r.getOffsetDateTime("created_at"), caller.username());
        });
  }

  /** A citizen's message as a transcript message (for the live channel). */
  public Future<Optional<JsonObject>> inboundMessage(String wamid) {
    return pool.preparedQuery(ChatSql.INBOUND_ONE).execute(Tuple.of(wamid))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(ChatJson.inbound(rows.iterator().next())));
  }

  /** The conversation whose transcript holds citizen message {@code wamid}: reading its media needs reading that chat. */
  public Future<Optional<Long>> conversationOf(String wamid) {
    return pool.preparedQuery(ChatSql.CONVERSATION_OF_INBOUND).execute(Tuple.of(wamid))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getLong("id")));
  }

  /** The media file of citizen message {@code wamid}, as the media fetcher left it. */
  public Future<StoredMedia> media(String wamid) {
    return MediaStore.load(pool, wamid);
  }

  /** The open chat (and its holder's username, if held) of an outbox row's citizen. */
  public Future<Optional<Row>> holderOfOutbox(long outboxId) {
    return pool.preparedQuery(ChatSql.HOLDER_OF_OUTBOX).execute(Tuple.of(outboxId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next()));
  }

  public Future<JsonArray> queue() {
    return pool.query(ChatSql.QUEUE).execute().map(rows -> {
      JsonArray out = new JsonArray();
      int position = 1;
      for (Row r : rows) {
        out.add(new JsonObject().put("conversation", r.getLong("id")).put("position", position++)
            .put("citizen_name", r.getString("citizen_name")).put("citizen", r.getString("citizen"))
            .put("language", r.getString("language")).put("reason", r.getString("handoff_reason"))
            .put("priority", r.getInteger("priority")).put("queued_at", ChatJson.instant(r.getOffsetDateTime("queued_at")))
            .put("waited_seconds", r.getLong("waited_seconds")).put("returning_to", r.getString("prefer_agent")));
      }
      return out;
    });
  }

  /** {@code queue} event body: how many wait and the oldest wait. */
  public Future<JsonObject> queueStats() {
    return pool.query(ChatSql.QUEUE_STATS).execute().map(rows -> {
      Row r = rows.iterator().next();
      return new JsonObject().put("waiting", r.getLong("waiting")).put("oldest_wait_seconds", r.getLong("oldest"));
    });
  }

  public Future<JsonArray> agents() {
    return pool.preparedQuery(ChatSql.AGENTS).execute(Tuple.of(presenceGrace.toSeconds())).map(rows -> {
      JsonArray out = new JsonArray();
      for (Row r : rows) {
        boolean online = Boolean.TRUE.equals(r.getBoolean("online"));
        String status = online ? r.getString("status") : "offline";
        JsonArray chats = new JsonArray();
        Long[] ids = r.getArrayOfLongs("chats");
        if (ids != null) {
          for (Long id : ids) {
            chats.add(id);
          }
        }
        OffsetDateTime lastAssigned = r.getOffsetDateTime("last_assigned_at");
        out.add(new JsonObject().put("username", r.getString("username")).put("role", r.getString("role"))
            .put("status", status).put("capacity", r.getInteger("capacity")).put("open", r.getLong("open"))
            .put("open_chats", r.getLong("open")).put("parked", r.getLong("parked")).put("chats", chats)
            .put("load", r.getLong("open") / (double) r.getInteger("capacity"))
            .put("last_seen_at", ChatJson.instant(r.getOffsetDateTime("last_seen_at")))
            .put("idle_seconds", lastAssigned == null ? null
                : Duration.between(lastAssigned, OffsetDateTime.now(ZoneOffset.UTC)).toSeconds()));
      }
      return out;
    });
  }
}
