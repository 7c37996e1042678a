package io.kontak.nlu.eval;

import io.kontak.nlu.Nlu;
import io.kontak.nlu.NluContext;
import io.kontak.nlu.NluModelSet;
import io.kontak.nlu.NluModels;
import io.kontak.nlu.NluSettings;
import io.kontak.nlu.Understanding;
import io.kontak.nlu.corpus.Sample;
import io.kontak.nlu.intent.IntentClassifier;
import io.kontak.nlu.intent.IntentScores;
import java.util.ArrayList;
import java.util.List;

/** Runs an {@link Nlu} over annotated samples and collects every metric of the report. */
public final class Evaluation {
  public final IntentMetrics intents = new IntentMetrics();
  public final IntentMetrics rawIntents = new IntentMetrics();
  public final EntityMetrics entities = new EntityMetrics();
  public final LanguageMetrics languages = new LanguageMetrics();
  public final List<String> intentErrors = new ArrayList<>();
  private int unsure;
  private int count;

  /** Evaluates {@code models} with {@code settings} on {@code samples}, adding to this evaluation. */
  public Evaluation run(NluModelSet models, NluSettings settings, List<Sample> samples) {
    Nlu nlu = NluModels.create(models, settings);
    IntentClassifier raw = new IntentClassifier(models.intents());
    for (Sample s : samples) {
      Understanding u = nlu.understand(s.text(), NluContext.none());
      IntentScores scores = raw.classify(s.text());
      count++;
      if (u.intent().unsure()) {
        unsure++;
      }
      intents.add(s.language(), s.intent(), u.intent().name());
      rawIntents.add(s.language(), s.intent(), scores.best());
      entities.add(s.text(), s.entities(), u.entities());
      languages.add(s.language(), u.language());
      if (!u.intent().name().equals(s.intent())) {
        intentErrors.add(String.format("  [%s] %-20s -> %-20s %.2f%s  %s", s.language(), s.intent(), u.intent().name(),
            u.intent().confidence(), u.intent().unsure() ? " unsure" : "", s.text()));
      }
    }
    return this;
  }

  public double unsureRate() {
    return IntentMetrics.ratio(unsure, count);
  }
}
