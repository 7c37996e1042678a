package io.kontak.nlu.language;

import io.kontak.nlu.NluContext;
import io.kontak.nlu.text.Folding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Tells whether a message is Indonesian, English or Spanish.
 *
 * <ul>
 *   <li>Messages of more than {@code shortTextWords} words: OpenNLP's language detector (the model of
 *       {@code opennlp-models-langdetect}), restricted to the supported languages, with the chat-word
 *       lexicon as extra evidence for informal text (each chat word adds {@value #CHAT_WORD_WEIGHT}
 *       to the language's log-probability).</li>
 *   <li>Short messages ("ok", "halo min", "gracias", "👍"): the conversation's previous language if
 *       there is one, else the chat-word lexicon when it points to exactly one language, else the
 *       configured default.</li>
 * </ul>
 *
 * <p>Thread-safe: the detector model is shared, each thread has its own {@link LanguageDetectorME}.
 */
public final class LanguageIdentifier {
  /** Weight of one chat word against the detector's log-probability. */
  static final double CHAT_WORD_WEIGHT = 0.5;
  private static final Pattern PLACEHOLDER = Pattern.compile("_[a-z]+_");

  private final ChatWords chatWords;
  private final ThreadLocal<LanguageDetectorME> detector;
  private final String defaultLanguage;
  private final int shortTextWords;

  public LanguageIdentifier(LanguageDetectorModel model, ChatWords chatWords, String defaultLanguage,
      int shortTextWords) {
    this.chatWords = chatWords;
    this.detector = ThreadLocal.withInitial(() -> new LanguageDetectorME(model));
    this.defaultLanguage = defaultLanguage;
    this.shortTextWords = shortTextWords;
  }

  /** Why a language was chosen, for the evaluation report. */
  public enum Basis { DETECTOR, CHAT_WORDS, PREVIOUS, DEFAULT }

  public record Decision(String language, Basis basis) {
  }

  /** The language of {@code text}, whose entities may be masked by placeholders ({@code _name_}). */
  public String identify(String text, NluContext context) {
    return decide(text, context).language();
  }

  public Decision decide(String text, NluContext context) {
    String clean = PLACEHOLDER.matcher(text).replaceAll(" ");
    List<String> words = Folding.words(clean);
    Map<String, Integer> votes = chatWords.votes(words);
    Optional<String> previous = context.previousLanguage().filter(Languages.SUPPORTED::contains);
    // an entity counts as a word of the message ("¿Rupiah Cepat está registrada?" is not short), but
    // the detector reads only the words around it (names are not in any language)
    if (Folding.words(text).size() > shortTextWords && !words.isEmpty()) {
      return new Decision(detect(clean, votes), Basis.DETECTOR);
    }
    if (previous.isPresent()) {
      return new Decision(previous.get(), Basis.PREVIOUS);
    }
    Optional<String> byWords = unique(votes);
    return byWords.map(l -> new Decision(l, Basis.CHAT_WORDS))
        .orElseGet(() -> new Decision(defaultLanguage, Basis.DEFAULT));
  }

  /** Detector probabilities of the supported languages, renormalized (for the report and tests). */
  public Map<String, Double> probabilities(String text) {
    Map<String, Double> p = new LinkedHashMap<>();
    for (String lang : Languages.SUPPORTED) {
      p.put(lang, 0.0);
    }
    for (Language l : detector.get().predictLanguages(text)) {
      String lang = Languages.FROM_ISO_639_3.get(l.getLang());
      if (lang != null) {
        p.merge(lang, l.getConfidence(), Double::sum);
      }
    }
    double sum = p.values().stream().mapToDouble(Double::doubleValue).sum();
    if (sum > 0) {
      p.replaceAll((k, v) -> v / sum);
    }
    return p;
  }

  private String detect(String text, Map<String, Integer> votes) {
    Map<String, Double> p = probabilities(text);
    String best = defaultLanguage;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (String lang : Languages.SUPPORTED) {
      double score = Math.log(p.get(lang) + 1e-6) + CHAT_WORD_WEIGHT * votes.get(lang);
      if (score > bestScore) {
        bestScore = score;
        best = lang;
      }
    }
    return best;
  }

  private static Optional<String> unique(Map<String, Integer> votes) {
    String best = null;
    int max = 0;
    boolean tie = false;
    for (Map.Entry<String, Integer> e : votes.entrySet()) {
      if (e.getValue() > max) {
        max = e.getValue();
        best = e.getKey();
        tie = false;
      } else if (e.getValue() == max && max > 0) {
        tie = true;
      }
    }
    return max > 0 && !tie ? Optional.of(best) : Optional.empty();
  }
}
