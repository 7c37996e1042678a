package io.kontak.nlu;

import io.kontak.nlu.entity.ContextWordNames;
import io.kontak.nlu.entity.EntityPatterns;
import io.kontak.nlu.entity.Mention;
import io.kontak.nlu.entity.NameExtractor;
import io.kontak.nlu.entity.NameFinderNames;
import io.kontak.nlu.intent.IntentClassifier;
import io.kontak.nlu.intent.IntentScores;
import io.kontak.nlu.intent.IntentText;
import io.kontak.nlu.language.ChatWords;
import io.kontak.nlu.language.LanguageIdentifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The NLU over trained models: pattern entities first (websites, phones, e-mails), then the intent
 * (on the text with those masked), then names when the intent is about an institution (or unsure,
 * as when the citizen answers "which one?" with just a name), then the language of what is left.
 * Thread-safe: see {@link Nlu}.
 */
final class ModelNlu implements Nlu {
  private final IntentClassifier intents;
  private final NameExtractor names;
  private final LanguageIdentifier languages;
  private final NluSettings settings;

  ModelNlu(NluModelSet models, ChatWords chatWords, NluSettings settings) {
    this.intents = new IntentClassifier(models.intents());
    this.names = switch (settings.names()) {
      case NAME_FINDER -> new NameFinderNames(models.names(), models.contextWords());
      case CONTEXT_WORDS -> new ContextWordNames(models.contextWords());
    };
    this.languages = new LanguageIdentifier(models.languages(), chatWords, settings.defaultLanguage(),
        settings.shortTextWords());
    this.settings = settings;
  }

  @Override
  public Understanding understand(String text, NluContext context) {
    String message = text == null ? "" : text;
    NluContext conversation = context == null ? NluContext.none() : context;
    List<Mention> mentions = new ArrayList<>(EntityPatterns.find(message));
    IntentScores scores = intents.classify(message, mentions);
    boolean unsure = scores.probability() < settings.intentThreshold();
    IntentGuess intent = unsure
        ? new IntentGuess(Intents.OUT_OF_SCOPE, scores.probability(), true)
        : new IntentGuess(scores.best(), scores.probability(), false);
    if (unsure || Intents.ABOUT_AN_ENTITY.contains(scores.best())) {
      boolean nameExpected = !unsure && scores.best().equals(Intents.CHECK_REGISTRATION);
      mentions.addAll(names.find(message, List.copyOf(mentions), nameExpected));
    }
    mentions.sort(Comparator.comparingInt(Mention::start));
    String language = languages.identify(IntentText.masked(message, mentions), conversation);
    return new Understanding(language, intent, mentions.stream().map(m -> m.entity(message)).toList());
  }
}
