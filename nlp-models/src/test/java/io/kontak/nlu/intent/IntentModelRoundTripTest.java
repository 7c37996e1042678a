package io.kontak.nlu.intent;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontak.nlu.NluModels;
import io.kontak.nlu.TestModels;
import io.kontak.nlu.corpus.Corpus;
import io.kontak.nlu.corpus.Sample;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.FeatureGenerator;
import org.junit.jupiter.api.Test;

/** STYLE.md trap: doccat feature generators are stored by class name; the round trip must not change them. */
class IntentModelRoundTripTest {
  private static final List<String> PROBES = List.of("min danakilat legal gak?", "is koinworks.com legit",
      "¿Rupiah Cepat está registrada?", "saya diteror debt collector", "halo", "thx", "nomor ojk berapa",
      "quiero hablar con una persona", "ciri pinjol ilegal apa aja", "cuéntame un chiste");

  @Test
  void savedAndLoadedModelPredictsExactlyTheSame() throws IOException {
    List<Sample> all = Corpus.read(Path.of("corpus/train"));
    List<Sample> small = all.stream().filter(s -> s.language().equals("id")).limit(300).toList();
    DoccatModel trained = IntentTrainer.train(small, IntentRecipe.DEFAULT);

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    trained.serialize(bytes);
    DoccatModel loaded = new DoccatModel(new ByteArrayInputStream(bytes.toByteArray()));

    assertThat(generatorClasses(loaded)).containsExactlyElementsOf(IntentRecipe.DEFAULT.features());
    DocumentCategorizerME before = new DocumentCategorizerME(trained);
    DocumentCategorizerME after = new DocumentCategorizerME(loaded);
    for (String probe : PROBES) {
      String[] tokens = IntentText.tokens(probe);
      assertThat(after.categorize(tokens)).as(probe).containsExactly(before.categorize(tokens));
    }
  }

  @Test
  void packagedModelUsesTheBuildRecipesGenerators() {
    DoccatModel packaged = TestModels.models().intents();
    assertThat(generatorClasses(packaged)).containsExactlyElementsOf(IntentRecipe.DEFAULT.features());
    assertThat(NluModels.class.getClassLoader().getResource(NluModels.INTENT_MODEL)).isNotNull();
  }

  @Test
  void generatorsHaveFixedSettings() {
    String[] tokens = {"trdaftar", "ojk", "gak"};
    assertThat(new CharNGramFeatures().extractFeatures(tokens, java.util.Map.of()))
        .contains("c=<trd", "c=ftar>", "c=<ojk>", "c=gak>")
        .noneMatch(f -> f.length() - 2 < CharNGramFeatures.MIN || f.length() - 2 > CharNGramFeatures.MAX);
    assertThat(new WordFeatures().extractFeatures(tokens, java.util.Map.of()))
        .containsExactly("w=trdaftar", "b=trdaftar_ojk", "w=ojk", "b=ojk_gak", "w=gak", "first=trdaftar");
  }

  private static List<Class<?>> generatorClasses(DoccatModel model) {
    List<Class<?>> out = new java.util.ArrayList<>();
    for (FeatureGenerator g : model.getFactory().getFeatureGenerators()) {
      out.add(g.getClass());
    }
    return out;
  }
}
