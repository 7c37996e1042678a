package io.kontak.nlu;

import io.kontak.nlu.entity.ContextWords;
import io.kontak.nlu.entity.NameSpotter;
import io.kontak.nlu.language.ChatWords;
import java.io.BufferedInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.namefind.TokenNameFinderModel;

/**
 * Loads the models packaged in this jar (trained by the build from the corpora, plus the language
 * detector model of {@code opennlp-models-langdetect}) and builds an {@link Nlu}. Nothing is
 * downloaded.
 *
 * <p>Loading is blocking (about a second, mostly the 10 MB language model): never call it on a
 * Vert.x event loop; use {@code vertx.executeBlocking(() -> NluModels.load(settings))} once at
 * start-up and share the returned {@link Nlu}, which is thread-safe.
 */
public final class NluModels {
  /** Classpath locations of the models written by {@code io.kontak.nlu.training.TrainModels}. */
  public static final String INTENT_MODEL = "models/nlu-intent.bin";
  public static final String NAME_MODEL = "models/nlu-names.bin";
  public static final String CONTEXT_WORDS = "models/nlu-context-words.tsv";
  /** Where opennlp-models-langdetect 1.3.0 keeps its model (the root of its jar). */
  public static final String LANGUAGE_MODEL = "langdetect-183.bin";

  private NluModels() {
  }

  /** The packaged models with {@code settings}. Blocking. */
  public static Nlu load(NluSettings settings) {
    return create(loadModelSet(), settings);
  }

  /** The packaged models with {@link NluSettings#defaults()}. Blocking. */
  public static Nlu load() {
    return load(NluSettings.defaults());
  }

  /** An {@link Nlu} over already loaded models (several settings can share one model set). */
  public static Nlu create(NluModelSet models, NluSettings settings) {
    return new ModelNlu(models, ChatWords.load(), settings);
  }

  /**
   * {@code nlu} taking the names {@code spotter} finds (the active registry's names) besides its own
   * name finder; shares the models. {@code nlu} must come from this class.
   */
  public static Nlu withSpotter(Nlu nlu, NameSpotter spotter) {
    if (!(nlu instanceof ModelNlu model)) {
      throw new IllegalArgumentException("not an NLU of NluModels: " + nlu.getClass());
    }
    return model.withSpotter(spotter);
  }

  /** Reads the packaged models. Blocking. */
  public static NluModelSet loadModelSet() {
    try {
      DoccatModel intents;
      try (InputStream in = open(INTENT_MODEL)) {
        intents = new DoccatModel(in);
      }
      TokenNameFinderModel names;
      try (InputStream in = open(NAME_MODEL)) {
        names = new TokenNameFinderModel(in);
      }
      ContextWords contextWords;
      try (InputStream in = open(CONTEXT_WORDS)) {
        contextWords = ContextWords.read(in);
      }
      return new NluModelSet(intents, names, contextWords, loadLanguageModel());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load the NLU models", e);
    }
  }

  /** OpenNLP's language detector model from the opennlp-models-langdetect jar. Blocking. */
  public static LanguageDetectorModel loadLanguageModel() {
    try (InputStream in = open(LANGUAGE_MODEL)) {
      return new LanguageDetectorModel(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load the language detector model", e);
    }
  }

  private static InputStream open(String resource) throws IOException {
    ClassLoader loader = NluModels.class.getClassLoader();
    InputStream in = loader.getResourceAsStream(resource);
    if (in == null) {
      throw new FileNotFoundException("classpath resource " + resource
          + " (models are trained by the nlp-models build, the language model comes from opennlp-models-langdetect)");
    }
    return new BufferedInputStream(in);
  }
}
