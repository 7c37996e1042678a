package io.kontak.bot.conversation;

import io.kontak.bot.reply.Messages;
import io.kontak.bot.reply.Reply;
import io.kontak.bot.reply.VerdictReplies;
import io.kontak.core.config.Branding;
import io.kontak.nlu.Intents;
import io.kontak.nlu.LookupTarget;
import io.kontak.nlu.NluContext;
import io.kontak.nlu.Understanding;
import io.kontak.registry.InstitutionJson;
import io.kontak.registry.index.LookupResult;
import io.kontak.registry.index.Match;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The bot's side of a conversation: one citizen message and the state so far in, one reply and
 * the next state out. No storage here (the engine persists turns), so {@code /api/nlu/explain}
 * can ask what the bot would say.
 */
public final class Dialog {
  static final String MENU_CHECK = "menu:check";
  static final String MENU_REPORT = "menu:report";
  static final String MENU_AGENT = "menu:agent";
  static final String AGENT_YES = "agent:yes";
  static final String AGENT_NO = "agent:no";
  /** Two unsure messages in a row: offer a human rather than guess a third time. */
  static final int UNSURE_LIMIT = 2;

  private final BiFunction<String, NluContext, Future<Understanding>> nlu;
  private final Function<String, Future<LookupResult>> registry;
  private final Messages messages;
  private final VerdictReplies verdicts;
  private final FaqContent faq;
  private final Branding branding;

  public Dialog(BiFunction<String, NluContext, Future<Understanding>> nlu, Function<String, Future<LookupResult>> registry,
                Messages messages, FaqContent faq, Branding branding) {
    this.nlu = nlu;
    this.registry = registry;
    this.messages = messages;
    this.verdicts = new VerdictReplies(messages, branding);
    this.faq = faq;
    this.branding = branding;
  }

  public Future<Turn> respond(ConversationState state, Utterance utterance) {
    return switch (utterance) {
      case Utterance.Reacted r -> Future.succeededFuture(Turn.reply(state, new Reply.None()));
      case Utterance.Sent s -> Future.succeededFuture(Turn.reply(state, text(state, "nontext")));
      case Utterance.Picked p -> picked(state, p);
      case Utterance.Said s -> said(state, s.text());
    };
  }

  private Future<Turn> picked(ConversationState state, Utterance.Picked pick) {
    return switch (pick.id()) {
      case MENU_CHECK -> done(state.with(Step.ENTITY), text(state, "ask.entity"));
      case MENU_REPORT -> done(state.with(Step.REPORT_DESCRIPTION), text(state, "report.ask"));
      case MENU_AGENT, AGENT_YES -> Future.succeededFuture(handoff(state, "requested", Turn.Handoff.NORMAL));
      case AGENT_NO -> done(state.with(Step.NONE), text(state, "out_of_scope", branding.regulatorName()));
      default -> pick.id().startsWith(VerdictReplies.PICK_PREFIX)
          ? candidate(state, pick)
          : said(state, pick.title());
    };
  }

  private Future<Turn> candidate(ConversationState state, Utterance.Picked pick) {
    String id = pick.id().substring(VerdictReplies.PICK_PREFIX.length());
    for (int i = 0; i < state.candidates().size(); i++) {
      JsonObject institution = state.candidates().getJsonObject(i);
      if (id.equals(institution.getString("id"))) {
        ConversationState next = state.with(Step.NONE)
            .lookedUp(new JsonObject().put("picked", id).put("status", institution.getString("status")));
        return done(next, verdicts.about(InstitutionJson.fromJson(institution), state.language()));
      }
    }
    return said(state, pick.title());  // an old list: read its title as a new question
  }

  private Future<Turn> said(ConversationState state, String text) {
    if (state.step() == Step.REPORT_DESCRIPTION && !text.isBlank()) {
      Turn turn = handoff(state, "fraud_report", Turn.Handoff.HIGH);
      return Future.succeededFuture(new Turn(turn.state(), text(turn.state(), "report.received", branding.officeHours()),
          turn.handoff(), Optional.of(text), false));
    }
    return nlu.apply(text, NluContext.previous(state.language())).compose(u -> understood(state.inLanguage(u.language()), u, text));
  }

  /** The turn for a message already understood (explain runs the NLU itself and shows both). */
  public Future<Turn> respondTo(ConversationState state, Understanding understanding, String text) {
    return understood(state.inLanguage(understanding.language()), understanding, text);
  }

  private Future<Turn> understood(ConversationState state, Understanding u, String text) {
    Optional<String> identity = LookupTarget.bareIdentity(u);
    if (identity.isPresent()) {
      // a link, number or address with little else ("bahaya ga min? https://…"): citizens send
      // those to have them checked, whatever the classifier made of the few words around it
      return lookup(state.understood(Intents.CHECK_REGISTRATION), identity.get());
    }
    String intent = u.intent().name();
    if (u.intent().unsure() && !(state.step() == Step.ENTITY && looksLikeAName(text))) {
      ConversationState next = state.unsureAgain();
      if (next.unsure() >= UNSURE_LIMIT) {
        return done(next.with(Step.AGENT_OFFER), new Reply.Buttons(messages.text(state.language(), "unsure.offer_agent"),
            List.of(choice(AGENT_YES, "agent.yes", state), choice(AGENT_NO, "agent.no", state))));
      }
      return done(next, text(state, "unsure.again"));
    }
    ConversationState next = state.understood(intent);
    Optional<String> entity = RegistryQuestion.target(u);
    if (entity.isEmpty() && state.step() == Step.ENTITY && !isConversational(intent)) {
      entity = Optional.of(text.strip());  // "which company?" → "danakilat": the answer is the name
    }
    if (entity.isPresent()) {
      return lookup(next, entity.get());
    }
    return switch (intent) {
      case Intents.CHECK_REGISTRATION -> done(next.with(Step.ENTITY), text(next, "ask.entity"));
      case Intents.REPORT_FRAUD -> done(next.with(Step.REPORT_DESCRIPTION), text(next, "report.ask"));
      case Intents.HUMAN_AGENT -> Future.succeededFuture(handoff(next, "requested", Turn.Handoff.NORMAL));
      case Intents.GREETING -> done(next.with(Step.NONE), menu(next));
      case Intents.THANKS -> Future.succeededFuture(new Turn(next.with(Step.NONE), text(next, "thanks"),
          Optional.empty(), Optional.empty(), true));
      default -> intent.startsWith(Intents.FAQ_PREFIX)
          ? done(next.with(Step.NONE), faq.answer(intent.substring(Intents.FAQ_PREFIX.length()), next.language())
              .<Reply>map(Reply.Text::new).orElseGet(() -> text(next, "out_of_scope", branding.regulatorName())))
          : done(next.with(Step.NONE), text(next, "out_of_scope", branding.regulatorName()));
    };
  }

  private Future<Turn> lookup(ConversationState state, String entity) {
    return registry.apply(entity).map(result -> {
      JsonObject record = new JsonObject().put("entity", entity).put("verdict", result.verdict().name())
          .put("ids", new JsonArray(result.verdict().matches().stream().map(m -> m.institution().id()).toList()));
      ConversationState next = state.lookedUp(record).with(Step.NONE);
      if ("ambiguous".equals(result.verdict().name())) {
        JsonArray offered = new JsonArray();
        for (Match m : result.verdict().matches()) {
          offered.add(InstitutionJson.toJson(m.institution()));
        }
        next = next.offering(offered);
      }
      return Turn.reply(next, verdicts.render(result, state.language()));
    });
  }

  private Turn handoff(ConversationState state, String reason, int priority) {
    ConversationState next = state.with(Step.NONE);
    return new Turn(next, text(next, "handoff.queued", branding.regulatorName(), branding.officeHours()),
        Optional.of(new Turn.Handoff(reason, priority)), Optional.empty(), false);
  }

  private Reply menu(ConversationState state) {
    return new Reply.Buttons(messages.text(state.language(), "greeting.body", branding.regulatorName()), List.of(
        choice(MENU_CHECK, "menu.check", state), choice(MENU_REPORT, "menu.report", state),
        choice(MENU_AGENT, "menu.agent", state)));
  }

  private Reply.Choice choice(String id, String key, ConversationState state) {
    return new Reply.Choice(id, messages.text(state.language(), key), null);
  }

  private Reply text(ConversationState state, String key, Object... args) {
    return new Reply.Text(messages.text(state.language(), key, args));
  }

  private static Future<Turn> done(ConversationState state, Reply reply) {
    return Future.succeededFuture(Turn.reply(state, reply));
  }

  private static boolean isConversational(String intent) {
    return Intents.GREETING.equals(intent) || Intents.THANKS.equals(intent) || Intents.HUMAN_AGENT.equals(intent)
        || Intents.REPORT_FRAUD.equals(intent) || intent.startsWith(Intents.FAQ_PREFIX);
  }

  /** After "which company?", a short answer is a name even when the classifier is unsure of it. */
  private static boolean looksLikeAName(String text) {
    String t = text.strip();
    return !t.isEmpty() && t.length() <= 80 && t.split("\\s+").length <= 6;
  }
}
