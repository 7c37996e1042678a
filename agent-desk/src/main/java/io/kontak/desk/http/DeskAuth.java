package io.kontak.desk.http;

import io.kontak.core.http.Responses;
import io.kontak.desk.live.Presence;
import io.kontak.desk.session.Caller;
import io.kontak.desk.session.Session;
import io.kontak.desk.session.SessionStore;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Who calls a desk route: the staff bearer token, or a session cookie. With a cookie, every
 * state-changing request must carry the session's CSRF token in {@code X-CSRF-Token} (403
 * without). A signed-in call is also a sign of life for presence.
 */
public final class DeskAuth {
  public static final String COOKIE = "kontak_desk";
  public static final String CSRF_HEADER = "X-CSRF-Token";
  private static final String CALLER = "kontak.desk.caller";
  private static final String BEARER = "Bearer ";
  private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  private final SessionStore sessions;
  private final byte[] staffToken;
  private final Presence presence;
  private final boolean secureCookie;

  public DeskAuth(SessionStore sessions, String staffToken, Presence presence, boolean secureCookie) {
    this.sessions = sessions;
    this.staffToken = staffToken.getBytes(StandardCharsets.UTF_8);
    this.presence = presence;
    this.secureCookie = secureCookie;
  }

  /** Resolves the caller or answers 401 (403 for a missing or wrong CSRF token). */
  public void handle(RoutingContext ctx) {
    authenticate(ctx, caller -> ctx.next());
  }

  /** Puts the caller on {@code ctx} and hands it to {@code then}, or answers 401/403 itself. */
  private void authenticate(RoutingContext ctx, Consumer<Caller> then) {
    String header = ctx.request().getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      if (MessageDigest.isEqual(staffToken, header.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8))) {
        Caller staff = new Caller.Staff();
        ctx.put(CALLER, staff);
        then.accept(staff);
      } else {
        Responses.error(ctx, 401, "wrong staff token");
      }
      return;
    }
    session(ctx).onComplete(found -> {
      if (found.failed()) {
        ctx.fail(503, found.cause());
        return;
      }
      Session session = found.result();
      if (session == null) {
        Responses.error(ctx, 401, "sign in first");
        return;
      }
      if (!SAFE.contains(ctx.request().method()) && !csrfMatches(ctx, session)) {
        Responses.error(ctx, 403, "missing or wrong " + CSRF_HEADER + " header");
        return;
      }
      Caller member = new Caller.Member(session);
      ctx.put(CALLER, member);
      presence.touch(session.accountId());
      then.accept(member);
    });
  }

  /**
   * For another feature's routes: {@link #handle}, then 403 unless {@code allowed} accepts the
   * caller. The request is paused meanwhile so that a body handler after it still gets the whole
   * body (the session lookup is asynchronous); a refused request's body is drained unread.
   */
  public Handler<RoutingContext> guard(Predicate<Caller> allowed, String refusal) {
    return ctx -> {
      ctx.request().pause();
      ctx.addEndHandler(ended -> ctx.request().resume());
      authenticate(ctx, caller -> {
        if (allowed.test(caller)) {
          ctx.next();
        } else {
          Responses.error(ctx, 403, refusal);
        }
      });
    };
  }

  /** The session named by the request's cookie, or null. */
  public Future<Session> session(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(COOKIE);
    if (cookie == null) {
      return Future.succeededFuture(null);
    }
    return sessions.find(cookie.getValue()).map(found -> found.orElse(null));
  }

  public static Caller caller(RoutingContext ctx) {
    return ctx.get(CALLER);
  }

  public Cookie sessionCookie(String id, Duration maxAge) {
    return Cookie.cookie(COOKIE, id).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
        .setSecure(secureCookie).setMaxAge(maxAge.toSeconds());
  }

  public Cookie expiredCookie() {
    return Cookie.cookie(COOKIE, "").setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
        .setSecure(secureCookie).setMaxAge(0);
  }

  private static boolean csrfMatches(RoutingContext ctx, Session session) {
    String sent = ctx.request().getHeader(CSRF_HEADER);
    return sent != null && MessageDigest.isEqual(session.csrf().getBytes(StandardCharsets.UTF_8),
        sent.getBytes(StandardCharsets.UTF_8));
  }
}
