package io.kontak.desk.http;

import io.kontak.core.http.HttpProblem;
import io.kontak.core.http.Responses;
import io.kontak.desk.account.AccountStore;
import io.kontak.desk.account.Passwords;
import io.kontak.desk.live.ChangePublisher;
import io.kontak.desk.live.LiveEvents;
import io.kontak.desk.routing.Dispatcher;
import io.kontak.desk.session.Caller;
import io.kontak.desk.session.LoginThrottle;
import io.kontak.desk.session.SessionStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/** Sign in and out, the signed-in account, an agent's status. */
final class SessionRoutes {
  private final Vertx vertx;
  private final AccountStore accounts;
  private final Passwords passwords;
  private final SessionStore sessions;
  private final LoginThrottle throttle;
  private final DeskAuth auth;
  private final Dispatcher dispatcher;
  private final ChangePublisher publisher;
  private final LiveEvents events;

  SessionRoutes(Vertx vertx, AccountStore accounts, Passwords passwords, SessionStore sessions, LoginThrottle throttle,
                DeskAuth auth, Dispatcher dispatcher, ChangePublisher publisher, LiveEvents events) {
    this.vertx = vertx;
    this.accounts = accounts;
    this.passwords = passwords;
    this.sessions = sessions;
    this.throttle = throttle;
    this.auth = auth;
    this.dispatcher = dispatcher;
    this.publisher = publisher;
    this.events = events;
  }

  /** Routes needing no caller (sign-in). */
  void mountOpen(Router router) {
    router.post("/session").handler(ctx -> DeskApi.respond(ctx, this::signIn));
  }

  void mount(Router router) {
    router.delete("/session").handler(ctx -> DeskApi.respond(ctx, this::signOut));
    router.get("/me").handler(ctx -> DeskApi.respond(ctx, this::me));
    router.put("/me/status").handler(ctx -> DeskApi.respond(ctx, this::setStatus));
  }

  private Future<Void> signIn(RoutingContext ctx) {
    JsonObject body = Requests.body(ctx);
    String username = Requests.string(body, "username").trim().toLowerCase(Locale.ROOT);
    String password = Requests.string(body, "password");
    String address = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
    return throttle.check(username, address).compose(verdict -> {
      if (verdict.refused()) {
        ctx.response().putHeader("Retry-After", Long.toString(verdict.retryAfterSeconds()));
        return Future.failedFuture(new HttpProblem(429, "too many failed sign-ins; try again later"));
      }
      return delay(verdict.delayMs())
          .compose(v -> accounts.byUsername(username))
          .compose(found -> passwords.verify(password, found.filter(f -> !f.account().disabled())
                  .map(AccountStore.WithHash::passwordHash))
              .compose(ok -> {
                if (!ok) {
                  return throttle.failed(username, address)
                      .transform(counted -> Future.failedFuture(new HttpProblem(401, "wrong username or password")));
                }
                var account = found.orElseThrow().account();
                // a new id at every sign-in; an older session of this browser ends
                return endPresented(ctx)
                    .compose(v -> throttle.succeeded(username))
                    .compose(v -> sessions.create(account))
                    .compose(created -> {
                      ctx.response().addCookie(auth.sessionCookie(created.cookieId(), sessions.max()));
                      return Responses.json(ctx, 200, new JsonObject().put("username", account.username())
                          .put("role", account.role().wire()).put("csrf_token", created.session().csrf())
                          .put("status", account.status()).put("capacity", account.capacity()));
                    });
              }));
    });
  }

  private Future<Void> endPresented(RoutingContext ctx) {
    return auth.session(ctx).compose(old -> old == null ? Future.succeededFuture()
        : sessions.end(old).onSuccess(v -> events.sessionsEnded(new JsonArray().add(old.key()))));
  }

  private Future<Void> delay(long ms) {
    if (ms <= 0) {
      return Future.succeededFuture();
    }
    Promise<Void> promise = Promise.promise();
    vertx.setTimer(ms, id -> promise.complete());
    return promise.future();
  }

  private Future<Void> signOut(RoutingContext ctx) {
    Caller.Member member = Requests.requireMember(DeskApi.caller(ctx));
    return sessions.end(member.session()).compose(v -> {
      events.sessionsEnded(new JsonArray().add(member.session().key()));
      Cookie expired = auth.expiredCookie();
      ctx.response().addCookie(expired);
      return ctx.response().setStatusCode(204).end();
    });
  }

  private Future<Void> me(RoutingContext ctx) {
    Caller caller = DeskApi.caller(ctx);
    if (caller instanceof Caller.Staff) {
      return Responses.json(ctx, 200, new JsonObject().put("username", "staff").put("role", "staff"));
    }
    Caller.Member member = (Caller.Member) caller;
    return accounts.byId(member.accountId()).compose(found -> {
      var account = found.orElseThrow(() -> new HttpProblem(401, "sign in first"));
      return Responses.json(ctx, 200, new JsonObject().put("username", account.username())
          .put("role", account.role().wire()).put("status", account.status()).put("capacity", account.capacity()));
    });
  }

  private Future<Void> setStatus(RoutingContext ctx) {
    Caller.Member member = Requests.requireChatMember(DeskApi.caller(ctx));
    String status = Requests.string(Requests.body(ctx), "status");
    if (!status.equals("available") && !status.equals("away")) {
      return Future.failedFuture(new HttpProblem(422, "status: available or away"));
    }
    return dispatcher.setStatus(member.accountId(), status)
        .compose(publisher::publish)
        .compose(changes -> Responses.json(ctx, 200, new JsonObject().put("username", member.username())
            .put("status", status)));
  }
}
