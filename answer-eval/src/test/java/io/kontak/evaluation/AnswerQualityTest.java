package io.kontak.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontak.core.config.KontakConfig;
import io.kontak.core.testing.OjkSample;
import io.kontak.nlu.Nlu;
import io.kontak.nlu.NluModels;
import io.kontak.registry.Institution;
import io.kontak.registry.identity.PhoneNumbers;
import io.kontak.registry.importing.FileFormat;
import io.kontak.registry.importing.ParseResult;
import io.kontak.registry.importing.RegistryFile;
import io.kontak.registry.importing.RegistryParser;
import io.kontak.registry.index.LookupPolicy;
import io.kontak.registry.index.RegistrySearcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The build's gate on answers about real names: questions generated from the 8,263 real OJK rows,
 * answered by the packaged NLU and the registry lookup as the bot does, scored on the held-out
 * templates. Writes {@code target/answer-eval.txt}.
 */
class AnswerQualityTest {
  static final long SEED = 15;
  static final int PER_LANGUAGE = 1000;

  static List<Institution> rows;
  static PhoneNumbers phones = new PhoneNumbers("ID");

  @BeforeAll
  static void load() {
    var parser = new RegistryParser(Set.copyOf(KontakConfig.Registry.DEFAULT_SECTORS), Long.MAX_VALUE);
    rows = switch (parser.parse(new RegistryFile(OjkSample.jsonLines(), FileFormat.JSON_LINES, "ojk-registry.jsonl"))) {
      case ParseResult.Valid v -> v.institutions();
      case ParseResult.Invalid i -> throw new IllegalStateException("sample registry rejected: " + i.errors());
    };
  }

  @Test
  void generationIsDeterministicAndKeepsTheSplitsApart() {
    var generator = new QuestionGenerator(rows, new RegistryRows(rows, phones), Template.load());
    List<Question> a = generator.generate(SEED, 50);
    List<Question> b = generator.generate(SEED, 50);
    assertThat(a).isEqualTo(b);
    assertThat(a).filteredOn(Question::heldOut).hasSize(150)
        .allMatch(q -> q.template().heldOut());
    Set<String> trainTexts = Set.copyOf(Template.load().stream().filter(t -> !t.heldOut()).map(Template::text).toList());
    assertThat(Template.load()).filteredOn(Template::heldOut).noneMatch(t -> trainTexts.contains(t.text()));
  }

  @Test
  void answersOnHeldOutTemplatesMeetTheTargets() throws IOException {
    RegistrySearcher searcher = new RegistrySearcher(phones, LookupPolicy.DEFAULT);
    searcher.swap(searcher.build(1, rows));
    Nlu nlu = NluModels.withSpotter(NluModels.load(), new RegistryNameSpotter(searcher));
    var generator = new QuestionGenerator(rows, new RegistryRows(rows, phones), Template.load());
    List<Question> questions = generator.generate(SEED, PER_LANGUAGE);
    List<Outcome> outcomes = new AnswerEvaluation(nlu, searcher::lookup, phones).run(questions);

    String report = AnswerReport.text(SEED, PER_LANGUAGE, generator.poolSizes(), outcomes);
    System.out.println(report);
    Path out = Path.of(System.getProperty("answer.eval.report", "target/answer-eval.txt"));
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, report);

    AnswerScores held = AnswerScores.of(outcomes.stream().filter(o -> o.question().heldOut()).toList());
    assertThat(held.entityFound().total()).isGreaterThan(2000);
    if (Boolean.parseBoolean(System.getProperty("answer.eval.enforce", "true"))) {
      assertThat(AnswerReport.failures(held)).as("held-out targets (see " + out + ")").isEmpty();
    }
  }
}
