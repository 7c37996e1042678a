package io.kontak.bot.conversation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The bot-side state of one open conversation. Immutable: a turn returns a new state.
 *
 * @param language   the citizen's language so far (fallback for very short messages)
 * @param step       what the bot waits for
 * @param unsure     consecutive messages the NLU was unsure about
 * @param candidates institutions offered in the last ambiguous list (canonical JSON), for list replies
 * @param triage     language, intents and lookups so far, handed to the desk on handoff
 */
public record ConversationState(String language, Step step, int unsure, JsonArray candidates, Triage triage) {

  public static ConversationState fresh(String language) {
    return new ConversationState(language, Step.NONE, 0, new JsonArray(), Triage.empty());
  }

  public ConversationState with(Step next) {
    return new ConversationState(language, next, unsure, candidates, triage);
  }

  public ConversationState inLanguage(String lang) {
    return new ConversationState(lang, step, unsure, candidates, triage);
  }

  public ConversationState unsureAgain() {
    return new ConversationState(language, step, unsure + 1, candidates, triage);
  }

  public ConversationState understood(String intent) {
    return new ConversationState(language, step, 0, candidates, triage.withIntent(intent));
  }

  public ConversationState offering(JsonArray institutions) {
    return new ConversationState(language, Step.CANDIDATES, unsure, institutions, triage);
  }

  public ConversationState lookedUp(JsonObject lookup) {
    return new ConversationState(language, step, unsure, candidates, triage.withLookup(lookup));
  }

  JsonObject toJson() {
    return new JsonObject().put("language", language).put("step", step.name()).put("unsure", unsure)
        .put("candidates", candidates).put("intents", triage.intents()).put("lookups", triage.lookups());
  }

  static ConversationState fromJson(JsonObject json) {
    return new ConversationState(json.getString("language"), Step.valueOf(json.getString("step")),
        json.getInteger("unsure"), json.getJsonArray("candidates"),
        new Triage(json.getJsonArray("intents"), json.getJsonArray("lookups")));
  }

  /** What the desk needs to pick a conversation up without asking again. */
  public record Triage(JsonArray intents, JsonArray lookups) {
    static Triage empty() {
      return new Triage(new JsonArray(), new JsonArray());
    }

    Triage withIntent(String intent) {
      return new Triage(intents.copy().add(intent), lookups);
    }

    Triage withLookup(JsonObject lookup) {
      return new Triage(intents, lookups.copy().add(lookup));
    }

    public String firstIntent() {
      return intents.isEmpty() ? null : intents.getString(0);
    }
  }
}
