package io.kontak.nlu;

import io.kontak.nlu.entity.ContextWordNames;
import io.kontak.nlu.entity.EntityPatterns;
import io.kontak.nlu.entity.Mention;
import io.kontak.nlu.entity.NameExtractor;
import io.kontak.nlu.entity.NameFinderNames;
import io.kontak.nlu.entity.NameSpotter;
import io.kontak.nlu.text.Folding;
import io.kontak.nlu.intent.IntentClassifier;
import io.kontak.nlu.intent.IntentScores;
import io.kontak.nlu.intent.IntentText;
import io.kontak.nlu.language.ChatWords;
import io.kontak.nlu.language.LanguageIdentifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The NLU over trained models: pattern entities first (websites, phones, e-mails), then the names
 * the registry knows ({@link NameSpotter}), then the intent (on the text with those masked), then
 * the name finder's names when the intent is about an institution (or unsure, as when the citizen
 * answers "which one?" with just a name), then the language of what is left.
 * Thread-safe: see {@link Nlu}.
 */
final class ModelNlu implements Nlu {
  private final IntentClassifier intents;
  private final NameExtractor names;
  private final LanguageIdentifier languages;
  private final NluSettings settings;
  private final NluModelSet models;
  private final ChatWords chatWords;
  private final NameSpotter spotter;

  ModelNlu(NluModelSet models, ChatWords chatWords, NluSettings settings) {
    this(models, chatWords, settings, NameSpotter.NONE);
  }

  ModelNlu(NluModelSet models, ChatWords chatWords, NluSettings settings, NameSpotter spotter) {
    this.models = models;
    this.chatWords = chatWords;
    this.spotter = spotter;
    this.intents = new IntentClassifier(models.intents());
    this.names = switch (settings.names()) {
      case NAME_FINDER -> new NameFinderNames(models.names(), models.contextWords());
      case CONTEXT_WORDS -> new ContextWordNames(models.contextWords());
    };
    this.languages = new LanguageIdentifier(models.languages(), chatWords, settings.defaultLanguage(),
        settings.shortTextWords());
    this.settings = settings;
  }

  ModelNlu withSpotter(NameSpotter next) {
    return new ModelNlu(models, chatWords, settings, next);
  }

  @Override
  public Understanding understand(String text, NluContext context) {
    String message = text == null ? "" : text;
    NluContext conversation = context == null ? NluContext.none() : context;
    List<Mention> patterns = EntityPatterns.find(message);
    // the intent reads the names' words too, as in training (masking known names measured worse)
    IntentScores scores = intents.classify(message, patterns);
    boolean unsure = scores.probability() < settings.intentThreshold();
    IntentGuess intent = unsure
        ? new IntentGuess(Intents.OUT_OF_SCOPE, scores.probability(), true)
        : new IntentGuess(scores.best(), scores.probability(), false);
    List<Mention> mentions = patterns;
    if (unsure || Intents.ABOUT_AN_ENTITY.contains(scores.best())) {
      boolean nameExpected = !unsure && scores.best().equals(Intents.CHECK_REGISTRATION);
      mentions = merge(patterns, merge(spotted(message, patterns), names.find(message, patterns, nameExpected)));
    }
    String language = languages.identify(IntentText.masked(message, mentions), conversation);
    return new Understanding(language, intent, mentions.stream().map(m -> m.entity(message)).toList());
  }

  /** The spotter's names that are neither inside a website/phone/e-mail nor made only of context words. */
  private List<Mention> spotted(String message, List<Mention> patterns) {
    List<Mention> out = new ArrayList<>();
    for (Mention m : spotter.spot(message)) {
      if (patterns.stream().noneMatch(p -> p.overlaps(m.start(), m.end()))
          && !Folding.words(m.text(message)).stream().allMatch(models.contextWords()::isStrongContext)) {
        out.add(m);
      }
    }
    return out;
  }

  /** {@code found} added to {@code mentions}; where two overlap, the longer stays (a fuller name). */
  private static List<Mention> merge(List<Mention> mentions, List<Mention> found) {
    List<Mention> all = new ArrayList<>(mentions);
    all.addAll(found);
    all.sort(Comparator.comparingInt((Mention m) -> m.end() - m.start()).reversed()
        .thenComparingInt(Mention::start));
    List<Mention> kept = new ArrayList<>();
    for (Mention m : all) {
      if (kept.stream().noneMatch(k -> k.overlaps(m.start(), m.end()))) {
        kept.add(m);
      }
    }
    kept.sort(Comparator.comparingInt(Mention::start));
    return kept;
  }
}
