package io.kontak.bot.explain;

import io.kontak.bot.conversation.ConversationState;
import io.kontak.bot.conversation.Dialog;
import io.kontak.bot.conversation.RegistryQuestion;
import io.kontak.bot.conversation.Turn;
import io.kontak.bot.reply.Reply;
import io.kontak.core.http.HttpProblem;
import io.kontak.core.http.Responses;
import io.kontak.core.http.StaffAuth;
import io.kontak.nlu.Nlu;
import io.kontak.nlu.NluContext;
import io.kontak.nlu.Understanding;
import io.kontak.nlu.language.Languages;
import io.kontak.registry.index.LookupResult;
import io.kontak.registry.node.RegistryService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Optional;

/**
 * {@code POST /api/nlu/explain} (staff): what the bot understands of a message and, for a
 * registry question with an entity, what the registry answers (DESIGN.md "HTTP surface").
 */
public final class ExplainRoutes {
  /** WhatsApp's own text limit. */
  static final int MAX_TEXT = io.kontak.whatsapp.message.WhatsAppLimits.TEXT_MAX;
  private static final long MAX_BODY = 64 * 1024;

  private final Nlu nlu;
  private final WorkerExecutor nluWorkers;
  private final RegistryService registry;
  private final StaffAuth staff;
  private final Dialog dialog;

  public ExplainRoutes(Nlu nlu, WorkerExecutor nluWorkers, RegistryService registry, StaffAuth staff, Dialog dialog) {
    this.nlu = nlu;
    this.nluWorkers = nluWorkers;
    this.registry = registry;
    this.staff = staff;
    this.dialog = dialog;
  }

  public Router router(Vertx vertx) {
    Router router = Router.router(vertx);
    router.route().handler(staff);
    router.post("/explain").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY)).handler(this::explain);
    return router;
  }

  private void explain(RoutingContext ctx) {
    request(ctx).compose(req -> nluWorkers.executeBlocking(() -> nlu.understand(req.text(), req.context()), false)
            .compose(understanding -> {
              Future<Optional<LookupResult>> lookup = RegistryQuestion.target(understanding)
                  .map(entity -> registry.lookup(entity).map(Optional::of))
                  .orElse(Future.succeededFuture(Optional.empty()));
              // what the bot would answer as the first message of a conversation
              Future<Turn> turn = dialog.respondTo(ConversationState.fresh(understanding.language()), understanding, req.text());
              return Future.all(lookup, turn).map(both -> body(understanding, lookup.result(), turn.result().reply()));
            }))
        .onSuccess(json -> Responses.json(ctx, 200, json))
        .onFailure(e -> Responses.fail(ctx, e));
  }

  private record Request(String text, NluContext context) {
  }

  private static Future<Request> request(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      return Future.failedFuture(new HttpProblem(400, "body must be a JSON object {\"text\": \"...\"}"));
    }
    if (body == null || !(body.getValue("text") instanceof String text)) {
      return Future.failedFuture(new HttpProblem(400, "'text' (a string) is required"));
    }
    if (text.length() > MAX_TEXT) {
      return Future.failedFuture(new HttpProblem(400, "'text' is longer than " + MAX_TEXT + " characters"));
    }
    Object lang = body.getValue("lang");
    if (lang != null && !(lang instanceof String l && Languages.SUPPORTED.contains(l))) {
      return Future.failedFuture(new HttpProblem(400, "'lang' must be one of id, en, es"));
    }
    return Future.succeededFuture(new Request(text, NluContext.previous((String) lang)));
  }

  private static JsonObject body(Understanding u, Optional<LookupResult> lookup, Reply reply) {
    JsonArray entities = new JsonArray();
    u.entities().forEach(e -> entities.add(new JsonObject().put("type", e.type()).put("text", e.text())));
    return new JsonObject()
        .put("language", u.language())
        .put("intent", new JsonObject()
            .put("name", u.intent().name())
            .put("confidence", Math.round(u.intent().confidence() * 1000) / 1000.0)
            .put("unsure", u.intent().unsure()))
        .put("entities", entities)
        .put("lookup", lookup.map(LookupResult::toJson).orElse(null))
        .put("reply", Reply.plainText(reply));
  }
}
