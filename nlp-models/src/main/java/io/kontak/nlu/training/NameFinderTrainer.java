package io.kontak.nlu.training;

import io.kontak.nlu.Entity;
import io.kontak.nlu.corpus.Sample;
import io.kontak.nlu.entity.EntityPatterns;
import io.kontak.nlu.entity.MessageTokens;
import io.kontak.nlu.entity.Mention;
import io.kontak.nlu.text.Token;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import opennlp.tools.ml.AbstractEventTrainer;
import opennlp.tools.ml.perceptron.PerceptronTrainer;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains the OpenNLP name finder from the corpus's name annotations (perceptron, default
 * OpenNLP name features, cutoff 1). Optionally each message that names an institution is also used
 * with other names of the corpus swapped in (in lower and upper case too, as citizens type them);
 * with the context-word rules of {@code NameFinderNames} the swaps no longer helped in
 * cross-validation, so the build uses none (TUNING.md). Deterministic: the perceptron iterates the
 * samples in order, the swaps come from a fixed-seed random.
 */
public final class NameFinderTrainer {
  /** Copies of each message with a name, with other names swapped in. */
  public static final int SWAPS = 0;
  public static final int ITERATIONS = 100;
  public static final long SEED = 157L;
  public static final String ALGORITHM = PerceptronTrainer.PERCEPTRON_VALUE;

  private NameFinderTrainer() {
  }

  public static TokenNameFinderModel train(List<Sample> samples) {
    return train(samples, ALGORITHM, SWAPS, ITERATIONS, 1);
  }

  public static TokenNameFinderModel train(List<Sample> samples, int swaps, int iterations, int cutoff) {
    return train(samples, ALGORITHM, swaps, iterations, cutoff);
  }

  /** Training with other settings, for the tuning runs. */
  public static TokenNameFinderModel train(List<Sample> samples, String algorithm, int swaps, int iterations,
      int cutoff) {
    List<NameSample> nameSamples = samples(samples, swaps);
    TrainingParameters params = new TrainingParameters();
    params.put(TrainingParameters.ALGORITHM_PARAM, algorithm);
    params.put(TrainingParameters.ITERATIONS_PARAM, iterations);
    params.put(TrainingParameters.CUTOFF_PARAM, cutoff);
    params.put(TrainingParameters.THREADS_PARAM, 1);
    params.put(AbstractEventTrainer.DATA_INDEXER_PARAM, AbstractEventTrainer.DATA_INDEXER_ONE_PASS_VALUE);
    try {
      return NameFinderME.train("mul", null, ObjectStreamUtils.createObjectStream(nameSamples), params,
          new TokenNameFinderFactory());
    } catch (IOException e) {
      throw new UncheckedIOException("name finder training failed", e);
    }
  }

  /** The training samples: every message once, plus {@code swaps} name-swapped copies of those with names. */
  static List<NameSample> samples(List<Sample> samples, int swaps) {
    List<String> pool = samples.stream().flatMap(s -> s.entities().stream())
        .filter(e -> e.type().equals(Entity.NAME)).map(Entity::text).distinct().toList();
    Random random = new Random(SEED);
    List<NameSample> out = new ArrayList<>();
    for (Sample s : samples) {
      List<Mention> names = s.mentions().stream().filter(m -> m.type().equals(Entity.NAME)).toList();
      out.add(sample(s.text(), names));
      for (int k = 0; k < swaps && !names.isEmpty(); k++) {
        StringBuilder text = new StringBuilder();
        List<Mention> swapped = new ArrayList<>();
        int at = 0;
        for (Mention m : names.stream().sorted(Comparator.comparingInt(Mention::start)).toList()) {
          String name = casing(pool.get(random.nextInt(pool.size())), random);
          text.append(s.text(), at, m.start());
          swapped.add(new Mention(Entity.NAME, text.length(), text.length() + name.length()));
          text.append(name);
          at = m.end();
        }
        text.append(s.text(), at, s.text().length());
        out.add(sample(text.toString(), swapped));
      }
    }
    return out;
  }

  private static String casing(String name, Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> name.toLowerCase(Locale.ROOT);
      case 1 -> name.toUpperCase(Locale.ROOT);
      default -> name;
    };
  }

  /** A name sample of {@code text}: tokens as the extractor sees them, names as token spans. */
  static NameSample sample(String text, List<Mention> names) {
    List<Token> tokens = MessageTokens.of(text, EntityPatterns.find(text).stream()
        .filter(p -> names.stream().noneMatch(n -> n.overlaps(p.start(), p.end()))).toList());
    List<Span> spans = new ArrayList<>();
    for (Mention n : names) {
      int from = -1;
      int to = -1;
      for (int i = 0; i < tokens.size(); i++) {
        Token t = tokens.get(i);
        if (t.start() >= n.start() && t.end() <= n.end()) {
          from = from < 0 ? i : from;
          to = i + 1;
        }
      }
      // the final dot of "S.A." is added back by MessageTokens.name
      while (to - 1 > from && tokens.get(to - 1).text().equals(".")) {
        to--;
      }
      if (from >= 0) {
        spans.add(new Span(from, to, "name"));
      }
    }
    return new NameSample(tokens.stream().map(Token::text).toArray(String[]::new), spans.toArray(Span[]::new), true);
  }
}
