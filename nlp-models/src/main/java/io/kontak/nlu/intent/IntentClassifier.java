package io.kontak.nlu.intent;

import io.kontak.nlu.entity.Mention;
import java.util.List;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;

/**
 * Classifies messages into intents with an OpenNLP document categorizer. Thread-safe: the model is
 * immutable and shared, each thread gets its own {@link DocumentCategorizerME} (not thread-safe in
 * OpenNLP 2.5).
 */
public final class IntentClassifier {
  private final DoccatModel model;
  private final ThreadLocal<DocumentCategorizerME> categorizer;

  public IntentClassifier(DoccatModel model) {
    this.model = model;
    this.categorizer = ThreadLocal.withInitial(() -> new DocumentCategorizerME(model));
  }

  public DoccatModel model() {
    return model;
  }

  public IntentScores classify(String text) {
    return classify(IntentText.tokens(text));
  }

  /** Classifies {@code text} whose pattern entities were already found. */
  public IntentScores classify(String text, List<Mention> patternMentions) {
    return classify(IntentText.tokens(text, patternMentions));
  }

  public IntentScores classify(String[] tokens) {
    DocumentCategorizerME me = categorizer.get();
    double[] p = me.categorize(tokens);
    int best = 0;
    int second = -1;
    for (int i = 1; i < p.length; i++) {
      if (p[i] > p[best]) {
        second = best;
        best = i;
      } else if (second < 0 || p[i] > p[second]) {
        second = i;
      }
    }
    String runnerUp = second < 0 ? me.getCategory(best) : me.getCategory(second);
    double margin = second < 0 ? p[best] : p[best] - p[second];
    return new IntentScores(me.getCategory(best), p[best], runnerUp, margin);
  }
}
