package io.kontak.nlu.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontak.nlu.corpus.Corpus;
import io.kontak.nlu.corpus.Sample;
import io.kontak.nlu.training.NameFinderTrainer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import opennlp.tools.namefind.TokenNameFinderModel;
import org.junit.jupiter.api.Test;

class NameFinderRoundTripTest {
  private static final List<String> PROBES = List.of("min danakilat legal gak?", "is Sunrise Capital Partners licensed",
      "¿Financiera Los Pinos S.A. está registrada?", "cek pinjol \"Dana Cepat\" dong", "halo");

  @Test
  void savedAndLoadedNameFinderFindsTheSameNames() throws IOException {
    List<Sample> small = Corpus.read(Path.of("corpus/train")).stream().limit(400).toList();
    TokenNameFinderModel trained = NameFinderTrainer.train(small, 1, 60, 1);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    trained.serialize(bytes);
    TokenNameFinderModel loaded = new TokenNameFinderModel(new ByteArrayInputStream(bytes.toByteArray()));

    ContextWords words = ContextWords.learn(small);
    NameFinderNames before = new NameFinderNames(trained, words);
    NameFinderNames after = new NameFinderNames(loaded, words);
    for (String probe : PROBES) {
      List<Mention> patterns = EntityPatterns.find(probe);
      assertThat(after.find(probe, patterns, true)).as(probe).isEqualTo(before.find(probe, patterns, true));
    }
  }

  @Test
  void contextWordsSurviveTheirFile() throws IOException {
    ContextWords learned = ContextWords.learn(Corpus.read(Path.of("corpus/train")));
    StringWriter out = new StringWriter();
    learned.write(out);
    ContextWords read = ContextWords.read(
        new ByteArrayInputStream(out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    for (String w : List.of("legal", "gak", "registrada", "pt", "ojk", "dana")) {
      assertThat(read.outside(w)).as(w).isEqualTo(learned.outside(w));
      assertThat(read.inside(w)).as(w).isEqualTo(learned.inside(w));
    }
    assertThat(read.isContext("legal")).isTrue();
  }
}
