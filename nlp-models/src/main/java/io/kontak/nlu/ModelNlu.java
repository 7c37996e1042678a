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
  /** Intents that give way to check_registration when the message names a known institution (and FAQs). */
  private static final java.util.Set<String> ASKING_ABOUT_A_KNOWN_NAME = java.util.Set.of(Intents.GREETING,
      Intents.OUT_OF_SCOPE);

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
    List<Mention> known = spotted(message, patterns);
    boolean unsure = scores.probability() < settings.intentThreshold();
    IntentGuess intent;
    boolean namesSomeone = !known.isEmpty() || !patterns.isEmpty();
    if (namesSomeone && (unsure || ASKING_ABOUT_A_KNOWN_NAME.contains(scores.best()) || Intents.isFaq(scores.best()))) {
      // a message that names an institution of the registry, or gives a website, phone or e-mail,
      // asks about it, whatever a greeting ("hola! …") or a general word ("ilegal", "invertir")
      // made the classifier lean to (the dialog looked such identities up already)
      intent = new IntentGuess(Intents.CHECK_REGISTRATION, scores.probability(), false);
    } else if (unsure) {
      intent = new IntentGuess(Intents.OUT_OF_SCOPE, scores.probability(), true);
    } else {
      intent = new IntentGuess(scores.best(), scores.probability(), false);
    }
    List<Mention> mentions = patterns;
    if (intent.unsure() || Intents.ABOUT_AN_ENTITY.contains(intent.name())) {
      boolean nameExpected = intent.name().equals(Intents.CHECK_REGISTRATION);
      mentions = merge(patterns, preferKnown(known, names.find(message, patterns, nameExpected)));
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

  /**
   * The known names and the name finder's; where they overlap the known name stays, unless the
   * finder's span holds it and more (a fuller name: "Uang Kilat Sejahtera" around a known "Uang Kilat").
   */
  private static List<Mention> preferKnown(List<Mention> known, List<Mention> found) {
    List<Mention> out = new ArrayList<>(known);
    for (Mention f : found) {
      List<Mention> overlapping = out.stream().filter(k -> k.overlaps(f.start(), f.end())).toList();
      boolean fuller = !overlapping.isEmpty() && overlapping.stream()
          .allMatch(k -> f.start() <= k.start() && k.end() <= f.end() && f.end() - f.start() > k.end() - k.start());
      if (overlapping.isEmpty() || fuller) {
        out.removeAll(overlapping);
        out.add(f);
      }
    }
    out.sort(Comparator.comparingInt(Mention::start));
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
