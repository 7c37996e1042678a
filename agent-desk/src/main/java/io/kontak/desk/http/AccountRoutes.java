package io.kontak.desk.http;

import io.kontak.core.http.HttpProblem;
import io.kontak.core.http.Responses;
import io.kontak.desk.account.Account;
import io.kontak.desk.account.AccountStore;
import io.kontak.desk.account.Passwords;
import io.kontak.desk.account.Role;
import io.kontak.desk.live.ChangePublisher;
import io.kontak.desk.live.LiveEvents;
import io.kontak.desk.routing.Dispatcher;
import io.kontak.desk.session.Caller;
import io.kontak.desk.session.SessionStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.regex.Pattern;

/** Account management: the staff token or a supervisor. */
final class AccountRoutes {
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
  private final AccountStore accounts;
  private final Passwords passwords;
  private final SessionStore sessions;
  private final Dispatcher dispatcher;
  private final ChangePublisher publisher;
  private final LiveEvents events;
  private final int defaultCapacity;

  AccountRoutes(AccountStore accounts, Passwords passwords, SessionStore sessions, Dispatcher dispatcher,
                ChangePublisher publisher, LiveEvents events, int defaultCapacity) {
    this.accounts = accounts;
    this.passwords = passwords;
    this.sessions = sessions;
    this.dispatcher = dispatcher;
    this.publisher = publisher;
    this.events = events;
    this.defaultCapacity = defaultCapacity;
  }

  void mount(Router router) {
    router.post("/users").handler(ctx -> DeskApi.respond(ctx, this::create));
    router.get("/users").handler(ctx -> DeskApi.respond(ctx, this::list));
    router.post("/users/:username/disable").handler(ctx -> DeskApi.respond(ctx, this::disable));
  }

  private Future<Void> create(RoutingContext ctx) {
    Caller caller = DeskApi.caller(ctx);
    Requests.requireSupervisor(caller);
    JsonObject body = Requests.body(ctx);
    String username = Requests.string(body, "username").trim().toLowerCase(Locale.ROOT);
    String password = Requests.string(body, "password");
    Role role = Role.parse(Requests.string(body, "role"))
        .orElseThrow(() -> new HttpProblem(422, "role: agent, supervisor or registry_admin"));
    if (!USERNAME.matcher(username).matches()) {
      throw new HttpProblem(422, "username: 1-63 lowercase letters, digits, '.', '_' or '-'");
    }
    Object cap = body.getValue("capacity");
    if (cap != null && !(cap instanceof Integer || cap instanceof Long)) {
      throw new HttpProblem(422, "capacity: a whole number from 1 to 50");
    }
    int capacity = cap == null ? defaultCapacity : ((Number) cap).intValue();
    if (capacity < 1 || capacity > 50) {
      throw new HttpProblem(422, "capacity: a whole number from 1 to 50");
    }
    passwords.weakness(username, password).ifPresent(why -> {
      throw new HttpProblem(422, why);
    });
    String createdBy = caller instanceof Caller.Member m ? m.username() : "staff";
    return passwords.hash(password)
        .compose(hash -> accounts.create(username, hash, role, capacity, createdBy))
        .compose(created -> created
            .map(account -> Responses.json(ctx, 201, account.toJson()))
            .orElseGet(() -> Future.failedFuture(new HttpProblem(409, "username taken: " + username))));
  }

  private Future<Void> list(RoutingContext ctx) {
    Requests.requireSupervisor(DeskApi.caller(ctx));
    return accounts.all().compose(all -> {
      JsonArray out = new JsonArray();
      all.forEach(a -> out.add(a.toJson()));
      return Responses.json(ctx, 200, out);
    });
  }

  private Future<Void> disable(RoutingContext ctx) {
    Caller caller = DeskApi.caller(ctx);
    Requests.requireSupervisor(caller);
    String username = ctx.pathParam("username").toLowerCase(Locale.ROOT);
    Long actor = caller instanceof Caller.Member m ? m.accountId() : null;
    return accounts.byUsername(username).compose(found -> {
      Account account = found.map(AccountStore.WithHash::account)
          .orElseThrow(() -> new HttpProblem(404, "no such account: " + username));
      return dispatcher.disable(account.id(), account.username(), actor)
          .compose(publisher::publish)
          .compose(changes -> sessions.endAll(account.id()))
          .compose(keys -> {
            events.sessionsEnded(new JsonArray(new java.util.ArrayList<>(keys)));
            return Responses.json(ctx, 200, new JsonObject().put("username", username).put("disabled", true));
          });
    });
  }
}
