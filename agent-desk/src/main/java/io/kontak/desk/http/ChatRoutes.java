package io.kontak.desk.http;

import io.kontak.core.http.HttpProblem;
import io.kontak.core.http.Responses;
import io.kontak.desk.chat.Access;
import io.kontak.desk.chat.ChatService;
import io.kontak.desk.live.ChangePublisher;
import io.kontak.desk.live.LiveEvents;
import io.kontak.desk.routing.Dispatcher;
import io.kontak.desk.routing.RoutingProblem;
import io.kontak.desk.session.Caller;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** The chats: reading, replying, notes, close, transfer, return to the bot; the supervisors' queue and agents. */
final class ChatRoutes {
  private static final int NOTE_MAX = 4_096;
  private final ChatService chats;
  private final Dispatcher dispatcher;
  private final ChangePublisher publisher;
  private final LiveEvents events;
  private final List<String> resolutions;

  ChatRoutes(ChatService chats, Dispatcher dispatcher, ChangePublisher publisher, LiveEvents events,
             List<String> resolutions) {
    this.chats = chats;
    this.dispatcher = dispatcher;
    this.publisher = publisher;
    this.events = events;
    this.resolutions = List.copyOf(resolutions);
  }

  void mount(Router router) {
    router.get("/chats").handler(ctx -> DeskApi.respond(ctx, this::list));
    router.get("/chats/:conversation").handler(ctx -> DeskApi.respond(ctx, this::detail));
    router.post("/chats/:conversation/messages").handler(ctx -> DeskApi.respond(ctx, this::send));
    router.post("/chats/:conversation/notes").handler(ctx -> DeskApi.respond(ctx, this::note));
    router.post("/chats/:conversation/close").handler(ctx -> DeskApi.respond(ctx, this::close));
    router.post("/chats/:conversation/transfer").handler(ctx -> DeskApi.respond(ctx, this::transfer));
    router.post("/chats/:conversation/return-to-bot").handler(ctx -> DeskApi.respond(ctx, this::returnToBot));
    router.get("/queue").handler(ctx -> DeskApi.respond(ctx, this::queue));
    router.get("/agents").handler(ctx -> DeskApi.respond(ctx, this::agents));
    router.get("/resolutions").handler(ctx -> Responses.json(ctx, 200,
        new io.vertx.core.json.JsonArray(List.copyOf(resolutions))));
  }

  /** The caller's own open chats; a supervisor asking {@code ?scope=all} gets every live chat. */
  private Future<Void> list(RoutingContext ctx) {
    Caller caller = DeskApi.caller(ctx);
    if ("all".equals(ctx.request().getParam("scope"))) {
      Requests.requireSupervisor(caller);
      return chats.allHeld().compose(all -> Responses.json(ctx, 200, all));
    }
    Caller.Member member = Requests.requireChatMember(caller);
    return chats.chatsOf(member.accountId()).compose(own -> Responses.json(ctx, 200, own));
  }

  private Future<Void> detail(RoutingContext ctx) {
    Caller caller = DeskApi.caller(ctx);
    return chats.access(caller, Requests.conversation(ctx))
        .compose(access -> chats.detail(access, caller))
        .compose(chat -> Responses.json(ctx, 200, chat));
  }

  private Future<Void> send(RoutingContext ctx) {
    Caller caller = DeskApi.caller(ctx);
    long id = Requests.conversation(ctx);
    return chats.access(caller, id).compose(access -> {
      Caller.Member member = holderOrRefuse(caller, access);
      JsonObject body = Requests.body(ctx);
      boolean template = Boolean.TRUE.equals(body.getValue("template"));
      String text = template ? null : Requests.string(body, "text");
      return chats.send(member, id, text, template);
    }).compose(sent -> {
      JsonObject event = LiveEvents.chatMessage(id, sent.message());
      events.toAgent(((Caller.Member) caller).username(), event);
      events.toSupervisors(event);
      return Responses.json(ctx, 202, sent.message());
    });
  }

  private Future<Void> note(RoutingContext ctx) {
    Caller caller = DeskApi.caller(ctx);
    long id = Requests.conversation(ctx);
    return chats.access(caller, id).compose(access -> {
      Caller.Member member = Requests.requireChatMember(caller);
      if (!access.holds() && !caller.supervises()) {
        throw RoutingProblem.conflict("reassigned");
      }
      String text = Requests.string(Requests.body(ctx), "text");
      if (text.length() > NOTE_MAX) {
        throw new HttpProblem(422, "text: at most " + NOTE_MAX + " characters");
      }
      return chats.note(member, id, text).compose(note -> chats.item(id).map(item -> {
        JsonObject event = LiveEvents.chatMessage(id, note);
        item.map(i -> i.getString("agent")).ifPresent(agent -> events.toAgent(agent, event));
        events.toSupervisors(event);
        return note;
      }));
    }).compose(note -> Responses.json(ctx, 201, note));
  }

  private Future<Void> close(RoutingContext ctx) {
    Caller caller = DeskApi.caller(ctx);
    long id = Requests.conversation(ctx);
    return chats.access(caller, id).compose(access -> {
      Caller.Member member = holderOrSupervisor(caller, access);
      JsonObject body = Requests.body(ctx);
      String resolution = Requests.string(body, "resolution");
      if (!resolutions.contains(resolution)) {
        throw new HttpProblem(422, "resolution: one of " + String.join(", ", resolutions));
      }
      return dispatcher.close(id, member.accountId(), caller.supervises(), resolution,
          Requests.optionalString(body, "note"));
    }).compose(publisher::publish)
        .compose(changes -> Responses.json(ctx, 200, new JsonObject().put("conversation", id).put("status", "closed")));
  }

  private Future<Void> transfer(RoutingContext ctx) {
    Caller caller = DeskApi.caller(ctx);
    long id = Requests.conversation(ctx);
    return chats.access(caller, id).compose(access -> {
      Caller.Member member = holderOrSupervisor(caller, access);
      JsonObject body = Requests.body(ctx);
      String to = Requests.string(body, "to").trim().toLowerCase(java.util.Locale.ROOT);
      boolean override = Boolean.TRUE.equals(body.getValue("override"));
      if (override && !caller.supervises()) {
        throw new HttpProblem(403, "override: supervisors only");
      }
      return dispatcher.transfer(id, member.accountId(), caller.supervises(), to, Requests.optionalString(body, "note"),
          override);
    }).compose(publisher::publish)
        .compose(changes -> Responses.json(ctx, 200, new JsonObject().put("conversation", id)
            .put("to", changes.assigned().stream().filter(a -> a.conversation() == id)
                .map(a -> a.agent()).findFirst().orElse("queue"))));
  }

  private Future<Void> returnToBot(RoutingContext ctx) {
    Caller caller = DeskApi.caller(ctx);
    long id = Requests.conversation(ctx);
    return chats.access(caller, id)
        .compose(access -> dispatcher.returnToBot(id, holderOrSupervisor(caller, access).accountId()))
        .compose(publisher::publish)
        .compose(changes -> Responses.json(ctx, 200, new JsonObject().put("conversation", id).put("status", "bot")));
  }

  private Future<Void> queue(RoutingContext ctx) {
    Requests.requireSupervisor(DeskApi.caller(ctx));
    return chats.queue().compose(q -> Responses.json(ctx, 200, q));
  }

  private Future<Void> agents(RoutingContext ctx) {
    Requests.requireSupervisor(DeskApi.caller(ctx));
    return chats.agents().compose(a -> Responses.json(ctx, 200, a));
  }

  /** Only the chat's holder writes to the citizen; a former holder is told it was reassigned. */
  private static Caller.Member holderOrRefuse(Caller caller, Access access) {
    if (caller instanceof Caller.Member m && access.holds()) {
      return m;
    }
    if ("closed".equals(access.status()) && access.former()) {
      throw RoutingProblem.conflict("closed");
    }
    if (access.former() || caller.supervises()) {
      throw RoutingProblem.conflict("reassigned");
    }
    throw RoutingProblem.notFound();
  }

  private static Caller.Member holderOrSupervisor(Caller caller, Access access) {
    Caller.Member member = Requests.requireChatMember(caller);
    if (access.holds() || caller.supervises()) {
      return member;
    }
    throw RoutingProblem.conflict(access.former() ? "reassigned" : "not_held");
  }
}
