package io.kontak.nlu.training;

import io.kontak.nlu.NluModels;
import io.kontak.nlu.corpus.Corpus;
import io.kontak.nlu.corpus.Sample;
import io.kontak.nlu.entity.ContextWords;
import io.kontak.nlu.intent.IntentRecipe;
import io.kontak.nlu.intent.IntentTrainer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.namefind.TokenNameFinderModel;

/**
 * Build-time trainer (run by exec-maven-plugin in {@code process-classes}): reads
 * {@code corpus/train}, trains the intent model and the name finder and learns the context words,
 * and writes them where {@link NluModels} finds them on the classpath. Deterministic: fixed recipe,
 * fixed seeds, single-threaded.
 *
 * <p>Usage: {@code TrainModels <corpus/train dir> <output classes dir>}
 */
public final class TrainModels {

  private TrainModels() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: TrainModels <corpus/train dir> <classes dir>");
    }
    Path corpus = Path.of(args[0]);
    Path classes = Path.of(args[1]);
    long started = System.nanoTime();
    List<Sample> train = Corpus.read(corpus);

    DoccatModel intents = IntentTrainer.train(train, IntentRecipe.DEFAULT);
    TokenNameFinderModel names = NameFinderTrainer.train(train);
    ContextWords contextWords = ContextWords.learn(train);

    Path intentFile = classes.resolve(NluModels.INTENT_MODEL);
    Files.createDirectories(intentFile.getParent());
    try (OutputStream out = Files.newOutputStream(intentFile)) {
      intents.serialize(out);
    }
    try (OutputStream out = Files.newOutputStream(classes.resolve(NluModels.NAME_MODEL))) {
      names.serialize(out);
    }
    try (Writer out = Files.newBufferedWriter(classes.resolve(NluModels.CONTEXT_WORDS), StandardCharsets.UTF_8)) {
      contextWords.write(out);
    }
    System.out.printf("[nlu] trained on %d samples from %s in %d ms: intents (%s), names, context words -> %s%n",
        train.size(), corpus, (System.nanoTime() - started) / 1_000_000, IntentRecipe.DEFAULT.describe(),
        intentFile.getParent());
  }
}
