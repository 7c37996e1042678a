package io.kontak.desk;

import io.kontak.core.config.DeskConfig;
import io.kontak.core.config.KontakConfig;
import io.kontak.core.conversation.FollowUps;
import io.kontak.core.http.Mount;
import io.kontak.core.http.Responses;
import io.kontak.core.http.StaffAccess;
import io.kontak.desk.account.AccountStore;
import io.kontak.desk.account.Passwords;
import io.kontak.desk.chat.ChatService;
import io.kontak.desk.http.DeskApi;
import io.kontak.desk.http.DeskAuth;
import io.kontak.desk.http.MediaRoute;
import io.kontak.desk.live.ChangePublisher;
import io.kontak.desk.live.DeskInbound;
import io.kontak.desk.live.LiveChannel;
import io.kontak.desk.live.LiveEvents;
import io.kontak.desk.live.Presence;
import io.kontak.desk.routing.DeskFollowUps;
import io.kontak.desk.routing.Dispatcher;
import io.kontak.desk.session.Caller;
import io.kontak.desk.session.LoginThrottle;
import io.kontak.desk.session.SessionStore;
import io.kontak.desk.timers.DeskTimers;
import io.kontak.desk.timers.QueueNotices;
import io.kontak.whatsapp.outbox.Outbox;
import io.kontak.whatsapp.survey.Surveys;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.redis.client.RedisAPI;
import io.vertx.sqlclient.Pool;
import java.util.List;

/**
 * The agent desk on one node: accounts and sessions, routing, the chats' API, the live channel,
 * the timers and the desk UI's files. {@link #mounts()} are for the node's HTTP server.
 */
public final class Desk {
  /** The desk UI's Content-Security-Policy: only this origin's files, no inline script or style. */
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
      + "media-src 'self' blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
      + "frame-ancestors 'none'; form-action 'self'";

  private final WorkerExecutor hashing;
  private final DeskApi api;
  private final DeskAuth auth;
  private final LiveChannel live;
  private final Presence presence;
  private final DeskTimers timers;
  private final DeskInbound inbound;
  private final Dispatcher dispatcher;
  private final ChangePublisher publisher;
  private final AccountStore accounts;
  private final Passwords passwords;
  private final FollowUps followUps;

  private Desk(WorkerExecutor hashing, DeskApi api, DeskAuth auth, LiveChannel live, Presence presence,
               DeskTimers timers, DeskInbound inbound, Dispatcher dispatcher, ChangePublisher publisher,
               AccountStore accounts, Passwords passwords, FollowUps followUps) {
    this.hashing = hashing;
    this.api = api;
    this.auth = auth;
    this.live = live;
    this.presence = presence;
    this.timers = timers;
    this.inbound = inbound;
    this.dispatcher = dispatcher;
    this.publisher = publisher;
    this.accounts = accounts;
    this.passwords = passwords;
    this.followUps = followUps;
  }

  /**
   * Builds the desk on {@code pool} and {@code redis}, replies going through {@code outbox} (the
   * bot's) and a closed chat's survey through {@code surveys}; the staff token must be resolved in
   * {@code config}. Timers and presence start at once.
   */
  public static Future<Desk> start(Vertx vertx, KontakConfig config, Pool pool, RedisAPI redis, Outbox outbox,
                                   Surveys surveys) {
    // the notices' texts come off the classpath: read on a worker, not the event loop
    return vertx.executeBlocking(QueueNotices::texts).map(noticeTexts -> {
      DeskConfig desk = config.desk();
      WorkerExecutor hashing = vertx.createSharedWorkerExecutor("kontak-desk-passwords", 2);
      var accounts = new AccountStore(pool);
      var passwords = new Passwords(hashing, desk.passwordMinLength());
      var sessions = new SessionStore(redis, config.redisKeyPrefix(), desk.sessionIdle(), desk.sessionMax());
      var throttle = new LoginThrottle(redis, config.redisKeyPrefix(), desk.loginSlowAfter(), desk.loginMaxFailures(),
          desk.loginMaxFailuresPerAddress(), desk.loginWindow());
      var events = new LiveEvents(vertx.eventBus());
      var dispatcher = new Dispatcher(pool, desk.presenceGrace(), surveys);
      var chats = new ChatService(pool, outbox, config.conversations().reopenTemplate(), desk.presenceGrace());
      var publisher = new ChangePublisher(events, chats);
      var presence = new Presence(vertx, pool, desk.presenceGrace(),
          (username, status) -> events.toAgent(username, LiveEvents.agentStatus(status)));
      var auth = new DeskAuth(sessions, config.requireAdminToken(), presence, desk.secureCookie());
      var live = new LiveChannel(vertx, presence, events, chats, desk.livePingTimeout());
      var api = DeskApi.create(vertx, desk, accounts, passwords, sessions, throttle, auth, dispatcher, publisher,
          events, chats, new MediaRoute(chats)::serve);
      var timers = new DeskTimers(vertx, desk, dispatcher, publisher, new QueueNotices(pool, outbox, desk, noticeTexts));
      var inbound = new DeskInbound(vertx, pool, redis, config.redisKeyPrefix(), dispatcher, publisher, chats, events);
      presence.start();
      timers.start();
      return new Desk(hashing, api, auth, live, presence, timers, inbound, dispatcher, publisher,
          accounts, passwords, new DeskFollowUps(desk.followUpWindow()));
    }).compose(desk -> desk.inbound.registered().map(desk));
  }

  /** {@code /api/desk}, {@code /eventbus} (the live channel) and {@code /desk/} (the UI's files). */
  public List<Mount> mounts() {
    return List.of(
        new Mount("/api/desk", api::router),
        Mount.endpoint("/eventbus", vertx -> live.router(vertx, auth::session)),
        Mount.endpoint("/desk", Desk::files));
  }

  private static Router files(Vertx vertx) {
    Router router = Router.router(vertx);
    router.route().handler(ctx -> {
      ctx.response()
          .putHeader("Content-Security-Policy", CSP)
          .putHeader("X-Content-Type-Options", "nosniff")
          .putHeader("Referrer-Policy", "no-referrer")
          .putHeader("X-Frame-Options", "DENY");
      // "/desk" itself: the UI's relative links need the trailing slash
      if (ctx.request().path().equals("/desk")) {
        ctx.redirect("/desk/");
        return;
      }
      ctx.next();
    });
    router.route().handler(StaticHandler.create(FileSystemAccess.RELATIVE, "desk")
        .setIndexPage("index.html").setCachingEnabled(false));
    return router;
  }

  /** Who calls: the staff token or a session (the reports' routes authenticate with it too). */
  public DeskAuth auth() {
    return auth;
  }

  /**
   * Who may change the registry: the staff token, or a signed-in registry admin (with the session's
   * CSRF token); audit records name the admin, or "api" for the token.
   */
  public StaffAccess registryAccess() {
    return new StaffAccess(auth.guard(Caller::administersRegistry, "registry administrators only"),
        ctx -> DeskAuth.caller(ctx) instanceof Caller.Member member ? member.username() : "api");
  }

  /**
   * The demo run's accounts (created in an empty desk, kept under {@code dataDir}): lines
   * "username role password" for the start-up log.
   */
  public Future<List<String>> demoAccounts(Vertx vertx, java.nio.file.Path dataDir) {
    return io.kontak.desk.account.DemoAccounts.ensure(vertx, accounts, passwords, dataDir);
  }

  /** Runs every timer once now (tests). */
  public Future<Void> runTimers() {
    return timers.runOnce();
  }

  public Dispatcher dispatcher() {
    return dispatcher;
  }

  /** For the conversation engine: which new conversations go back to the desk instead of the bot. */
  public FollowUps followUps() {
    return followUps;
  }

  public ChangePublisher publisher() {
    return publisher;
  }

  public AccountStore accounts() {
    return accounts;
  }

  public Passwords passwords() {
    return passwords;
  }

  public Future<Void> close() {
    timers.stop();
    presence.stop();
    inbound.close();
    live.close();
    return hashing.close();
  }
}
