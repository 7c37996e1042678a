package io.kontak.nlu.language;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontak.nlu.Nlu;
import io.kontak.nlu.NluContext;
import io.kontak.nlu.NluModels;
import io.kontak.nlu.NluSettings;
import io.kontak.nlu.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageTest {
  private final Nlu nlu = TestModels.nlu();

  private String language(String text, NluContext context) {
    return nlu.understand(text, context).language();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ok", "thx", "👍", "🙏🙏", "min", "bye", "?", "", "ok ok"})
  void shortAmbiguousTextsKeepTheConversationsLanguage(String text) {
    assertThat(language(text, NluContext.previous("es"))).isEqualTo("es");
    assertThat(language(text, NluContext.previous("en"))).isEqualTo("en");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ok", "👍", "bye", "", "ok ok"})
  void shortAmbiguousTextsWithoutConversationGetTheDefault(String text) {
    assertThat(language(text, NluContext.none())).isEqualTo("id");
    Nlu english = NluModels.create(TestModels.models(), NluSettings.defaults().withDefaultLanguage("en"));
    assertThat(english.understand(text, NluContext.none()).language()).isEqualTo("en");
  }

  @ParameterizedTest
  @CsvSource({"halo, id", "makasih min, id", "terima kasih, id", "gracias, es", "muchas gracias, es",
      "buenos dias, es", "thank you, en", "good morning, en"})
  void shortTextsWithoutConversationAreDecidedByCommonChatWords(String text, String expected) {
    assertThat(language(text, NluContext.none())).isEqualTo(expected);
  }

  @Test
  void theConversationWinsOverChatWordsForShortTexts() {
    assertThat(language("gracias", NluContext.previous("id"))).isEqualTo("id");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "min, danakilat legal gak?|id",
      "saya diteror debt collector tiap hari, tolong|id",
      "gimana cara ngadu ke ojk soal asuransi|id",
      "is koinworks.com legit or a scam|en",
      "how do i file a complaint about my bank|en",
      "¿Rupiah Cepat está registrada?|es",
      "quiero hablar con una persona por favor|es",
      "cual es el telefono de la superintendencia|es"})
  void longerTextsAreDetectedWhateverTheConversation(String text, String expected) {
    assertThat(language(text, NluContext.none())).isEqualTo(expected);
    assertThat(language(text, NluContext.previous(expected.equals("en") ? "id" : "en"))).isEqualTo(expected);
  }
}
