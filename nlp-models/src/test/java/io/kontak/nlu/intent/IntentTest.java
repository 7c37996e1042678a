package io.kontak.nlu.intent;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontak.nlu.IntentGuess;
import io.kontak.nlu.NluContext;
import io.kontak.nlu.NluModels;
import io.kontak.nlu.NluSettings;
import io.kontak.nlu.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each intent on a few everyday messages per language (not copied from the corpora). */
class IntentTest {

  @ParameterizedTest(name = "{0} <- {1}")
  @CsvSource(delimiter = '|', value = {
      "check_registration|min, danakilat legal gak?",
      "check_registration|is koinworks.com legit",
      "check_registration|¿Rupiah Cepat está registrada?",
      "report_fraud|saya diteror debt collector",
      "report_fraud|a loan app is harassing my family and threatening me",
      "report_fraud|me estafaron, perdí todo mi dinero en una inversión",
      "human_agent|mau ngobrol sama petugas aja",
      "human_agent|let me talk to a human agent",
      "human_agent|quiero hablar con un asesor humano",
      "greeting|halo",
      "greeting|good morning",
      "greeting|buenas tardes",
      "thanks|makasih banyak min",
      "thanks|thank you so much",
      "thanks|muchas gracias",
      "out_of_scope|resep nasi goreng dong",
      "out_of_scope|who won the football game yesterday",
      "out_of_scope|cuéntame un chiste",
      "faq.complaint_howto|gimana cara bikin pengaduan ke ojk",
      "faq.complaint_howto|how do i file a complaint against my bank",
      "faq.complaint_howto|como presento un reclamo contra mi aseguradora",
      "faq.contact|nomor telepon ojk berapa",
      "faq.contact|what are your office hours",
      "faq.contact|cual es la dirección de su oficina",
      "faq.about|ojk itu apa sih",
      "faq.about|what does ojk do",
      "faq.about|que hace la superintendencia",
      "faq.illegal_signs|ciri ciri pinjol ilegal apa aja",
      "faq.illegal_signs|what are the signs of an illegal loan app",
      "faq.illegal_signs|como reconozco una estafa de inversión"})
  void everyIntentInEveryLanguage(String intent, String text) {
    IntentGuess guess = TestModels.nlu().understand(text, NluContext.none()).intent();
    assertThat(guess.name()).isEqualTo(intent);
    assertThat(guess.unsure()).isFalse();
    assertThat(guess.confidence()).isBetween(NluSettings.DEFAULT_INTENT_THRESHOLD, 1.0);
  }

  @Test
  void belowTheThresholdTheIntentIsOutOfScopeAndUnsure() {
    var strict = NluModels.create(TestModels.models(), NluSettings.defaults().withIntentThreshold(1.0));
    IntentGuess guess = strict.understand("min, danakilat legal gak?", NluContext.none()).intent();
    assertThat(guess.name()).isEqualTo("out_of_scope");
    assertThat(guess.unsure()).isTrue();
    assertThat(guess.confidence()).isBetween(0.0, 1.0);
  }

  @Test
  void emptyAndNullMessagesAreUnderstoodWithoutFailing() {
    assertThat(TestModels.nlu().understand("", NluContext.none()).entities()).isEmpty();
    assertThat(TestModels.nlu().understand(null, null).language()).isEqualTo("id");
  }
}
