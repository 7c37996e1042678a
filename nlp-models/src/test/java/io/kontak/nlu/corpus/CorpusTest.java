package io.kontak.nlu.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kontak.nlu.Intents;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CorpusTest {
  private final List<Sample> train = Corpus.read(Path.of("corpus/train"));
  private final List<Sample> heldout = Corpus.read(Path.of("corpus/heldout"));

  @Test
  void heldOutMessagesNeverAppearInTraining() {
    Set<String> trained = train.stream().map(s -> s.text().strip().toLowerCase(Locale.ROOT))
        .collect(Collectors.toSet());
    assertThat(heldout).noneMatch(s -> trained.contains(s.text().strip().toLowerCase(Locale.ROOT)));
  }

  @Test
  void everyCoreAndFaqIntentHasAtLeastFortyExamplesPerLanguage() {
    Map<String, Long> counts = train.stream().collect(Collectors.groupingBy(s -> s.language() + " " + s.intent(),
        Collectors.counting()));
    List<String> intents = new java.util.ArrayList<>(Intents.CORE);
    intents.addAll(
        List.of(Intents.FAQ_COMPLAINT_HOWTO, Intents.FAQ_CONTACT, Intents.FAQ_ABOUT, Intents.FAQ_ILLEGAL_SIGNS));
    for (String lang : List.of("id", "en", "es")) {
      for (String intent : intents) {
        assertThat(counts.getOrDefault(lang + " " + intent, 0L)).as(lang + " " + intent).isGreaterThanOrEqualTo(40);
      }
    }
    assertThat(new HashSet<>(train.stream().map(Sample::intent).toList())).containsExactlyInAnyOrderElementsOf(intents);
  }

  @Test
  void entitiesAreVerbatimAndLocatable() {
    for (Sample s : train) {
      assertThat(s.mentions()).hasSameSizeAs(s.entities());
    }
    for (Sample s : heldout) {
      assertThat(s.mentions()).hasSameSizeAs(s.entities());
    }
  }

  @Test
  void malformedLinesAreRejectedWithTheirLine() {
    assertThatThrownBy(() -> Corpus.parse("id", "x.tsv",
        List.of("greeting\thalo", "check_registration\tcek X\tname=Y")))
        .hasMessageContaining("x.tsv:2");
    assertThatThrownBy(() -> Corpus.parse("id", "x.tsv", List.of("greeting")))
        .hasMessageContaining("x.tsv:1");
    assertThat(Corpus.parse("id", "x.tsv", List.of("# comment", "", "check_registration\tcek X\tname=X")))
        .singleElement().satisfies(s -> assertThat(s.entities()).hasSize(1));
  }
}
