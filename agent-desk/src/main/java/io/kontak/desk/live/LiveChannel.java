package io.kontak.desk.live;

import io.kontak.desk.account.Role;
import io.kontak.desk.chat.ChatService;
import io.kontak.desk.session.Session;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import io.vertx.ext.web.RoutingContext;

/**
 * The SockJS event-bus bridge at {@code /eventbus/}. A socket is opened only with a valid session
 * cookie (checked by the router before the bridge); browsers may send nothing (every action is a
 * REST call) and may register only their own agent address, supervisors also the supervisors'
 * address. Each socket counts as presence for its account; sockets of an ended session are closed.
 */
public final class LiveChannel {
  /** Where the authenticating handler leaves the session for the bridge's events. */
  public static final String SESSION = "kontak.desk.session";
  private static final long SNAPSHOT_MS = 500;

  private final Vertx vertx;
  private final Presence presence;
  private final LiveEvents events;
  private final ChatService chats;
  private final Duration pingTimeout;
  private final Map<SockJSSocket, Session> sockets = new ConcurrentHashMap<>();
  private final List<MessageConsumer<?>> consumers;
  private volatile boolean dirty = true;
  private volatile boolean stopped;
  private long timer = -1;

  /** {@code pingTimeout}: a socket whose browser sent no ping this long is closed ({@code DeskConfig}). */
  public LiveChannel(Vertx vertx, Presence presence, LiveEvents events, ChatService chats, Duration pingTimeout) {
    this.vertx = vertx;
    this.presence = presence;
    this.events = events;
    this.chats = chats;
    this.pingTimeout = pingTimeout;
    this.consumers = List.of(
        vertx.eventBus().consumer(LiveEvents.CHANGED, m -> dirty = true),
        vertx.eventBus().<JsonObject>consumer(LiveEvents.SESSIONS_ENDED, m -> closeSessions(m.body())));
    scheduleSnapshots();
  }

  /**
   * The bridge's routes, relative to where they are mounted; {@code authenticate} puts the
   * request's session under {@link #SESSION} or answers 401.
   */
  public Router router(Vertx vertx, Function<RoutingContext, Future<Session>> authenticate) {
    Router router = Router.router(vertx);
    // the session is looked up before the bridge; the request stays unread meanwhile (a WebSocket
    // upgrade needs it so), and only the XHR transports' POSTs have bodies to read
    router.route().handler(ctx -> {
      ctx.request().pause();
      ctx.next();
    });
    router.post().handler(BodyHandler.create().setBodyLimit(64 * 1024));
    router.route().handler(ctx -> authenticate.apply(ctx).onComplete(found -> {
      if (found.succeeded() && found.result() != null) {
        ctx.put(SESSION, found.result());
        ctx.next();
      } else if (!ctx.response().ended()) {
        ctx.response().setStatusCode(401).end();
      }
    }));
    var options = new SockJSBridgeOptions()
        .addOutboundPermitted(new PermittedOptions().setAddressRegex("kontak\\.desk\\.(agent\\.[a-z0-9._-]+|supervisor)"))
        .setPingTimeout(pingTimeout.toMillis());
    router.route("/*").subRouter(SockJSHandler.create(vertx).bridge(options, this::onEvent));
    return router;
  }

  private void onEvent(BridgeEvent event) {
    SockJSSocket socket = event.socket();
    BridgeEventType type = event.type();
    switch (type) {
      case SOCKET_CREATED -> {
        Session session = socket.routingContext() == null ? null : socket.routingContext().get(SESSION);
        if (session == null || stopped) {
          event.complete(false);
          return;
        }
        sockets.put(socket, session);
        presence.connected(session.accountId());
        dirty = true;
        event.complete(true);
        // paused with its request while the session was looked up
        socket.resume();
      }
      case SOCKET_CLOSED -> {
        Session session = sockets.remove(socket);
        if (session != null) {
          presence.disconnected(session.accountId());
        }
        event.complete(true);
      }
      case REGISTER -> {
        Session session = sockets.get(socket);
        String address = event.getRawMessage() == null ? null : event.getRawMessage().getString("address");
        boolean allowed = session != null && address != null && allowed(session, address);
        event.complete(allowed);
        if (allowed) {
          dirty = true;
        }
      }
      // Nothing goes from a browser onto the bus: every action is a REST call.
      case SEND, PUBLISH -> event.complete(false);
      default -> event.complete(true);
    }
  }

  static boolean allowed(Session session, String address) {
    if (address.equals(LiveEvents.agentAddress(session.username()))) {
      return true;
    }
    return session.role() == Role.SUPERVISOR && address.equals(LiveEvents.SUPERVISORS);
  }

  private void closeSessions(JsonObject body) {
    Set<String> ended = new HashSet<>();
    JsonArray keys = body.getJsonArray("sessions", new JsonArray());
    keys.forEach(k -> ended.add(String.valueOf(k)));
    sockets.forEach((socket, session) -> {
      if (ended.contains(session.key())) {
        sockets.remove(socket);
        presence.disconnected(session.accountId());
        socket.close();
      }
    });
  }

  /** Queue counts to this node's agents and supervisors, agents' loads to its supervisors, when something changed. */
  private void scheduleSnapshots() {
    if (stopped) {
      return;
    }
    timer = vertx.setTimer(SNAPSHOT_MS, id -> {
      if (!dirty || sockets.isEmpty()) {
        scheduleSnapshots();
        return;
      }
      dirty = false;
      Set<String> agents = new HashSet<>();
      boolean supervisors = false;
      for (Session s : sockets.values()) {
        agents.add(s.username());
        supervisors |= s.role() == Role.SUPERVISOR;
      }
      boolean toSupervisors = supervisors;
      Future<?> queue = chats.queueStats().onSuccess(stats -> {
        JsonObject event = LiveEvents.queue(stats);
        agents.forEach(a -> events.toLocalAgent(a, event));
        if (toSupervisors) {
          events.toLocalSupervisors(event);
        }
      });
      Future<?> loads = toSupervisors
          ? chats.agents().onSuccess(list -> events.toLocalSupervisors(LiveEvents.agents(list)))
          : Future.succeededFuture();
      Future.join(queue, loads).onComplete(done -> scheduleSnapshots());
    });
  }

  public void close() {
    stopped = true;
    vertx.cancelTimer(timer);
    consumers.forEach(MessageConsumer::unregister);
    sockets.keySet().forEach(SockJSSocket::close);
    sockets.clear();
  }
}
