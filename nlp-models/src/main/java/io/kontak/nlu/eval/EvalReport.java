package io.kontak.nlu.eval;

import io.kontak.nlu.NluModelSet;
import io.kontak.nlu.NluModels;
import io.kontak.nlu.NluSettings;
import io.kontak.nlu.corpus.Corpus;
import io.kontak.nlu.corpus.Sample;
import io.kontak.nlu.entity.ContextWords;
import io.kontak.nlu.entity.NameStrategy;
import io.kontak.nlu.intent.IntentRecipe;
import io.kontak.nlu.intent.IntentTrainer;
import io.kontak.nlu.training.NameFinderTrainer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * The NLU evaluation report (run by the build after training): 10-fold cross-validation on
 * corpus/train (models retrained per fold with the build's recipe), then the packaged models on
 * corpus/heldout, which training never sees. Prints the report, writes it to a file, and fails
 * (throws, so the Maven build fails) when held-out intent accuracy is below the gate.
 *
 * <p>Usage: {@code EvalReport <corpus dir> <report file> <minimum held-out accuracy>}
 */
public final class EvalReport {

  private EvalReport() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: EvalReport <corpus dir> <report file> <min held-out accuracy>");
    }
    Locale.setDefault(Locale.ROOT);
    Path corpus = Path.of(args[0]);
    Path reportFile = Path.of(args[1]);
    double gate = Double.parseDouble(args[2]);
    long started = System.nanoTime();

    List<Sample> train = Corpus.read(corpus.resolve("train"));
    List<Sample> heldout = Corpus.read(corpus.resolve("heldout"));
    NluSettings settings = NluSettings.defaults();
    NluModelSet packaged = NluModels.loadModelSet();
    LanguageDetectorModel languageModel = packaged.languages();

    StringBuilder r = new StringBuilder();
    r.append("Kontak NLU evaluation\n=====================\n");
    r.append(String.format("training: %d messages (corpus/train), held-out: %d messages (corpus/heldout)%n",
        train.size(), heldout.size()));
    r.append(String.format("intent recipe: %s; threshold %.2f; names: %s; default language %s%n",
        IntentRecipe.DEFAULT.describe(), settings.intentThreshold(), settings.names(), settings.defaultLanguage()));
    r.append("accuracy = what understand() returns (below the threshold: out_of_scope, unsure);\n");
    r.append("raw = the classifier's best intent before the threshold; language without conversation context.\n");

    Evaluation cv = new Evaluation();
    CrossValidation.run(train, CrossValidation.FOLDS, CrossValidation.SEED, (fit, test) -> {
      NluModelSet models = new NluModelSet(IntentTrainer.train(fit, IntentRecipe.DEFAULT),
          NameFinderTrainer.train(fit), ContextWords.learn(fit), languageModel);
      cv.run(models, settings, test);
    });
    r.append(String.format("%n== %d-fold cross-validation on corpus/train (shuffled, seed %d) ==%n",
        CrossValidation.FOLDS, CrossValidation.SEED));
    section(r, cv);

    Evaluation held = new Evaluation().run(packaged, settings, heldout);
    NameStrategy other =
        settings.names() == NameStrategy.NAME_FINDER ? NameStrategy.CONTEXT_WORDS : NameStrategy.NAME_FINDER;
    Evaluation heldOther = new Evaluation().run(packaged, settings.withNames(other), heldout);
    r.append(String.format("%n== held-out corpus/heldout, packaged models ==%n"));
    section(r, held);
    r.append(String.format("%nnames by %s instead (for comparison): %s", other, heldOther.entities.format()));
    r.append(String.format("%nheld-out intent errors (%d):%n", held.intentErrors.size()));
    held.intentErrors.forEach(line -> r.append(line).append('\n'));
    r.append(String.format("%nheld-out entity misses (%d):%n", held.entities.misses().size()));
    held.entities.misses().forEach(line -> r.append(line).append('\n'));

    double accuracy = held.intents.accuracy();
    boolean pass = accuracy >= gate;
    r.append(String.format("%ngate: held-out intent accuracy %.4f %s %.2f -> %s (evaluation took %d ms)%n",
        accuracy, pass ? ">=" : "<", gate, pass ? "PASS" : "FAIL", (System.nanoTime() - started) / 1_000_000));

    Files.createDirectories(reportFile.toAbsolutePath().getParent());
    Files.writeString(reportFile, r, StandardCharsets.UTF_8);
    System.out.print(r);
    if (!pass) {
      throw new IllegalStateException(String.format("held-out intent accuracy %.4f is below %.2f (see %s)",
          accuracy, gate, reportFile));
    }
  }

  private static void section(StringBuilder r, Evaluation e) {
    r.append(String.format("intent %s", e.intents.format()));
    StringBuilder perLanguage = new StringBuilder();
    e.rawIntents.accuracyByLanguage().forEach((lang, acc) -> perLanguage.append(String.format(" %s %.4f", lang, acc)));
    r.append(String.format("raw intent accuracy %.4f (%s ); unsure %.4f%n", e.rawIntents.accuracy(), perLanguage,
        e.unsureRate()));
    r.append(String.format("language accuracy %s%n", e.languages.format()));
    r.append(e.entities.format());
  }
}
