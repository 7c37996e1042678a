package io.kontak.desk.http;

import io.kontak.core.http.HttpProblem;
import io.kontak.core.http.Responses;
import io.kontak.core.config.DeskConfig;
import io.kontak.desk.account.AccountStore;
import io.kontak.desk.account.Passwords;
import io.kontak.desk.chat.ChatService;
import io.kontak.desk.live.ChangePublisher;
import io.kontak.desk.live.LiveEvents;
import io.kontak.desk.routing.Dispatcher;
import io.kontak.desk.session.Caller;
import io.kontak.desk.session.LoginThrottle;
import io.kontak.desk.session.SessionStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /api/desk}: sign-in open to anyone, every other route behind {@link DeskAuth}. */
public final class DeskApi {
  private static final Logger LOG = LoggerFactory.getLogger(DeskApi.class);
  private static final long BODY_LIMIT = 64 * 1024;
  private final DeskAuth auth;
  private final SessionRoutes sessions;
  private final AccountRoutes accounts;
  private final ChatRoutes chats;
  private final Function<RoutingContext, Future<Void>> media;

  private DeskApi(DeskAuth auth, SessionRoutes sessions, AccountRoutes accounts, ChatRoutes chats,
                  Function<RoutingContext, Future<Void>> media) {
    this.auth = auth;
    this.sessions = sessions;
    this.accounts = accounts;
    this.chats = chats;
    this.media = media;
  }

  /** Everything the routes use; {@code media} serves a citizen's stored media file. */
  public static DeskApi create(Vertx vertx, DeskConfig config, AccountStore accountStore, Passwords passwords,
                               SessionStore sessionStore, LoginThrottle throttle, DeskAuth auth, Dispatcher dispatcher,
                               ChangePublisher publisher, LiveEvents events, ChatService chatService,
                               Function<RoutingContext, Future<Void>> media) {
    return new DeskApi(auth,
        new SessionRoutes(vertx, accountStore, passwords, sessionStore, throttle, auth, dispatcher, publisher, events),
        new AccountRoutes(accountStore, passwords, sessionStore, dispatcher, publisher, events,
            config.defaultCapacity()),
        new ChatRoutes(chatService, dispatcher, publisher, events, config.resolutions()),
        media);
  }

  public Router router(Vertx vertx) {
    Router router = Router.router(vertx);
    router.route().handler(DeskApi::securityHeaders);
    router.route().handler(BodyHandler.create().setBodyLimit(BODY_LIMIT));
    sessions.mountOpen(router);
    router.route().handler(auth::handle);
    sessions.mount(router);
    accounts.mount(router);
    chats.mount(router);
    router.get("/media/:wamid").handler(ctx -> respond(ctx, media));
    router.route().failureHandler(ctx -> {
      if (ctx.failure() instanceof HttpProblem || ctx.statusCode() == 413 || ctx.statusCode() == 400) {
        int status = ctx.failure() instanceof HttpProblem p ? p.status() : ctx.statusCode();
        if (ctx.failure() instanceof HttpProblem p) {
          Responses.json(ctx, p.status(), p.body());
        } else {
          Responses.error(ctx, status, status == 413 ? "body too large" : "bad request");
        }
      } else if (!ctx.response().ended()) {
        LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), ctx.failure());
        Responses.error(ctx, ctx.statusCode() > 0 ? ctx.statusCode() : 500, "internal error");
      }
    });
    return router;
  }

  static Caller caller(RoutingContext ctx) {
    return DeskAuth.caller(ctx);
  }

  /** Runs a route body; a thrown or failed {@link HttpProblem} becomes its status, anything else a 500. */
  static void respond(RoutingContext ctx, Function<RoutingContext, Future<Void>> route) {
    Future<Void> result;
    try {
      result = route.apply(ctx);
    } catch (HttpProblem e) {
      result = Future.failedFuture(e);
    }
    result.onFailure(e -> Responses.fail(ctx, e));
  }

  static void securityHeaders(RoutingContext ctx) {
    ctx.response()
        .putHeader("Cache-Control", "no-store")
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("X-Frame-Options", "DENY");
    ctx.next();
  }
}
