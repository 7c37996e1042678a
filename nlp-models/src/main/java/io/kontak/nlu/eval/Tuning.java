package io.kontak.nlu.eval;

import io.kontak.nlu.Entity;
import io.kontak.nlu.Intents;
import io.kontak.nlu.corpus.Corpus;
import io.kontak.nlu.corpus.Sample;
import io.kontak.nlu.entity.ContextWordNames;
import io.kontak.nlu.entity.ContextWords;
import io.kontak.nlu.entity.EntityPatterns;
import io.kontak.nlu.entity.Mention;
import io.kontak.nlu.entity.NameExtractor;
import io.kontak.nlu.entity.NameFinderNames;
import io.kontak.nlu.intent.CharNGram24Features;
import io.kontak.nlu.intent.CharNGramFeatures;
import io.kontak.nlu.intent.IntentClassifier;
import io.kontak.nlu.intent.IntentRecipe;
import io.kontak.nlu.intent.IntentText;
import io.kontak.nlu.intent.IntentTrainer;
import io.kontak.nlu.intent.LengthFeatures;
import io.kontak.nlu.intent.PrefixFeatures;
import io.kontak.nlu.intent.SkeletonFeatures;
import io.kontak.nlu.intent.UnigramFeatures;
import io.kontak.nlu.intent.WordFeatures;
import io.kontak.nlu.text.Folding;
import io.kontak.nlu.training.NameFinderTrainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Tuning by 10-fold cross-validation on corpus/train (the same fixed-seed shuffle as the report):
 * one line per variant. Not run by the build; the results are kept in TUNING.md.
 *
 * <p>Usage: {@code Tuning <corpus dir> <grid>}, grid one of {@code algorithms}, {@code features},
 * {@code l2}, {@code final} (intent recipes: raw accuracy overall and per language), {@code text}
 * (masking and normalization), {@code names} and {@code perceptron} (name extraction).
 */
public final class Tuning {

  private Tuning() {
  }

  public static void main(String[] args) {
    Locale.setDefault(Locale.ROOT);
    List<Sample> train = Corpus.read(Path.of(args[0]).resolve("train"));
    String grid = args.length > 1 ? args[1] : "algorithms";
    List<IntentRecipe> recipes = new ArrayList<>();
    IntentRecipe base = IntentRecipe.DEFAULT;
    switch (grid) {
      case "algorithms" -> {
        for (int cutoff : new int[] {0, 1, 5}) {
          recipes.add(base.with(IntentRecipe.GIS, 100, cutoff, 0));
        }
        recipes.add(base.with(IntentRecipe.GIS, 300, 0, 0));
        recipes.add(base.with(IntentRecipe.GIS, 600, 0, 0));
        recipes.add(base.with(IntentRecipe.NAIVE_BAYES, 1, 0, 0));
        recipes.add(base.with(IntentRecipe.NAIVE_BAYES, 1, 1, 0));
        for (int cutoff : new int[] {0, 1}) {
          recipes.add(base.with(IntentRecipe.QN, 300, cutoff, 0.5));
        }
        recipes.add(base.with(IntentRecipe.QN, 100, 0, 0.5));
        recipes.add(base.with(IntentRecipe.QN, 1000, 0, 0.5));
      }
      case "l2" -> {
        for (double l2 : new double[] {0.05, 0.1, 0.2, 0.5, 1.0, 2.0}) {
          recipes.add(base.with(IntentRecipe.QN, 300, 0, l2));
        }
      }
      case "final" -> {
        IntentRecipe skeleton = base.withFeatures(List.of(WordFeatures.class, CharNGramFeatures.class,
            SkeletonFeatures.class, LengthFeatures.class));
        for (double l2 : new double[] {0.1, 0.2, 0.5}) {
          recipes.add(skeleton.with(IntentRecipe.QN, 300, 0, l2));
        }
        recipes.add(skeleton.with(IntentRecipe.GIS, 100, 0, 0));
        recipes.add(skeleton.with(IntentRecipe.GIS, 300, 0, 0));
      }
      case "quick" -> {
        recipes.add(base);
        recipes.add(base.withFeatures(List.of(WordFeatures.class, CharNGramFeatures.class, SkeletonFeatures.class,
            LengthFeatures.class)));
        recipes.add(base.withFeatures(List.of(WordFeatures.class, CharNGramFeatures.class, PrefixFeatures.class,
            LengthFeatures.class)));
      }
      case "features" -> {
        List<List<Class<? extends FeatureGenerator>>> sets = List.of(
            List.of(UnigramFeatures.class),
            List.of(WordFeatures.class),
            List.of(WordFeatures.class, LengthFeatures.class),
            List.of(CharNGramFeatures.class),
            List.of(UnigramFeatures.class, CharNGramFeatures.class),
            List.of(WordFeatures.class, CharNGramFeatures.class),
            List.of(WordFeatures.class, CharNGramFeatures.class, LengthFeatures.class),
            List.of(WordFeatures.class, CharNGram24Features.class, LengthFeatures.class),
            List.of(WordFeatures.class, CharNGramFeatures.class, CharNGram24Features.class, LengthFeatures.class),
            List.of(WordFeatures.class, PrefixFeatures.class, LengthFeatures.class),
            List.of(WordFeatures.class, CharNGramFeatures.class, PrefixFeatures.class, LengthFeatures.class),
            List.of(WordFeatures.class, CharNGramFeatures.class, SkeletonFeatures.class, LengthFeatures.class),
            List.of(WordFeatures.class, CharNGramFeatures.class, SkeletonFeatures.class, PrefixFeatures.class,
                LengthFeatures.class));
        for (var set : sets) {
          recipes.add(base.withFeatures(set));
        }
      }
      case "names" -> {
        names(train, false);
        return;
      }
      case "perceptron" -> {
        names(train, true);
        return;
      }
      case "text" -> {
        textVariants(train, base);
        return;
      }
      default -> throw new IllegalArgumentException("grid: algorithms, l2, features, quick or text");
    }
    System.out.printf("%-75s %7s %7s %7s %7s %7s%n", "recipe", "cv", "id", "en", "es", "secs");
    for (IntentRecipe recipe : recipes) {
      long started = System.nanoTime();
      IntentMetrics m = crossValidate(train, recipe);
      var byLang = m.accuracyByLanguage();
      System.out.printf("%-75s %7.4f %7.4f %7.4f %7.4f %7.1f%n", recipe.describe(), m.accuracy(), byLang.get("id"),
          byLang.get("en"), byLang.get("es"), (System.nanoTime() - started) / 1e9);
    }
  }

  /**
   * Name extraction by cross-validation, on the messages whose (gold) intent is about an entity, so
   * that only the name extractor is measured: exact match of the message's name set.
   */
  private static void names(List<Sample> train, boolean perceptronOnly) {
    record Variant(String label, java.util.function.BiFunction<List<Sample>, List<Sample>, NameExtractor> make) {
    }
    List<Variant> variants = new ArrayList<>();
    variants.add(new Variant("CONTEXT_WORDS (learned context words removed)", (fit, all) ->
        new ContextWordNames(ContextWords.learn(fit))));
    for (int swaps : new int[] {0, 1, 2, 4}) {
      for (int iterations : new int[] {50, 100, 150}) {
        variants.add(new Variant("NAME_FINDER + rules, GIS swaps=" + swaps + " it=" + iterations, (fit, all) ->
            new NameFinderNames(NameFinderTrainer.train(fit, IntentRecipe.GIS, swaps, iterations, 1),
                ContextWords.learn(fit))));
      }
    }
    for (int swaps : new int[] {0, 1, 2, 4}) {
      for (int iterations : new int[] {100, 300}) {
        variants.add(new Variant("NAME_FINDER + rules, PERCEPTRON swaps=" + swaps + " it=" + iterations, (fit, all) ->
            new NameFinderNames(NameFinderTrainer.train(fit, "PERCEPTRON", swaps, iterations, 1),
                ContextWords.learn(fit))));
      }
    }
    variants.add(new Variant("NAME_FINDER model only, " + NameFinderTrainer.ALGORITHM + " swaps="
        + NameFinderTrainer.SWAPS + " it="
        + NameFinderTrainer.ITERATIONS, (fit, all) -> NameFinderNames.modelOnly(NameFinderTrainer.train(fit),
        ContextWords.learn(fit))));
    if (perceptronOnly) {
      variants.removeIf(v -> !v.label().contains("PERCEPTRON"));
    }
    System.out.printf("%-60s %9s %9s %9s %9s %6s%n", "name extractor", "exact", "with-name", "precision", "recall",
        "secs");
    for (Variant v : variants) {
      long started = System.nanoTime();
      int[] c = new int[4];  // messages, exact, with a name, exact among those
      int[] pr = new int[3];  // true positives, predicted, gold
      CrossValidation.run(train, CrossValidation.FOLDS, CrossValidation.SEED, (fit, test) -> {
        NameExtractor extractor = v.make().apply(fit, train);
        for (Sample s : test) {
          if (!Intents.ABOUT_AN_ENTITY.contains(s.intent())) {
            continue;
          }
          List<Mention> patterns = EntityPatterns.find(s.text());
          List<String> got = extractor.find(s.text(), patterns, s.intent().equals(Intents.CHECK_REGISTRATION))
              .stream().map(m -> m.text(s.text())).sorted().toList();
          List<String> gold = s.entities().stream().filter(e -> e.type().equals(Entity.NAME)).map(Entity::text)
              .sorted().toList();
          c[0]++;
          if (got.equals(gold)) {
            c[1]++;
          }
          if (!gold.isEmpty()) {
            c[2]++;
            if (got.equals(gold)) {
              c[3]++;
            }
          }
          List<String> left = new ArrayList<>(gold);
          for (String g : got) {
            pr[1]++;
            if (left.remove(g)) {
              pr[0]++;
            }
          }
          pr[2] += gold.size();
        }
      });
      System.out.printf("%-60s %9.4f %9.4f %9.4f %9.4f %6.1f%n", v.label(), (double) c[1] / c[0], (double) c[3] / c[2],
          (double) pr[0] / pr[1], (double) pr[0] / pr[2], (System.nanoTime() - started) / 1e9);
    }
  }

  /** Masking of websites/phones/e-mails and the normalization steps, each switched off in turn. */
  private static void textVariants(List<Sample> train, IntentRecipe recipe) {
    Map<String, Function<String, String[]>> variants = new LinkedHashMap<>();
    variants.put("IntentText (masking + full normalization)", IntentText::tokens);
    variants.put("no masking of websites/phones/e-mails", t -> Folding.words(t).toArray(String[]::new));
    variants.put("masking, plain lower-case split (no folding/collapsing)",
        t -> Arrays.stream(IntentText.masked(t, EntityPatterns.find(t)).toLowerCase(Locale.ROOT)
                .split("[^\\p{L}\\p{N}_]+"))
            .filter(w -> !w.isEmpty()).toArray(String[]::new));
    System.out.printf("%-75s %7s %7s %7s %7s%n", "text variant (" + recipe.describe() + ")", "cv", "id", "en", "es");
    for (var v : variants.entrySet()) {
      IntentMetrics m = crossValidate(train, recipe, v.getValue());
      var byLang = m.accuracyByLanguage();
      System.out.printf("%-75s %7.4f %7.4f %7.4f %7.4f%n", v.getKey(), m.accuracy(), byLang.get("id"),
          byLang.get("en"), byLang.get("es"));
    }
  }

  /** Raw (argmax) intent accuracy of {@code recipe} by 10-fold cross-validation. */
  public static IntentMetrics crossValidate(List<Sample> samples, IntentRecipe recipe) {
    return crossValidate(samples, recipe, IntentText::tokens);
  }

  private static IntentMetrics crossValidate(List<Sample> samples, IntentRecipe recipe,
      Function<String, String[]> tokenizer) {
    IntentMetrics m = new IntentMetrics();
    CrossValidation.run(samples, CrossValidation.FOLDS, CrossValidation.SEED, (fit, test) -> {
      DoccatModel model = IntentTrainer.train(fit, recipe, tokenizer);
      IntentClassifier c = new IntentClassifier(model);
      for (Sample s : test) {
        m.add(s.language(), s.intent(), c.classify(tokenizer.apply(s.text())).best());
      }
    });
    return m;
  }
}
