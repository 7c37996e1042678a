package io.kontak.nlu.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontak.nlu.Entity;
import io.kontak.nlu.NluContext;
import io.kontak.nlu.TestModels;
import io.kontak.nlu.Understanding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Names of institutions through {@code understand()}, with the default (packaged) name strategy. */
class NamesTest {

  private static Understanding understand(String text) {
    return TestModels.nlu().understand(text, NluContext.none());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // one word, lower case, anywhere
      "min, danakilat legal gak?|danakilat",
      "apakah aplikasi UangGesit sudah berizin OJK?|UangGesit",
      // multi-word
      "is Harbor Crest Lending registered?|Harbor Crest Lending",
      "¿Rupiah Cepat está registrada?|Rupiah Cepat",
      "tolong cek legalitas Saham Maju Sentosa min|Saham Maju Sentosa",
      // quoted
      "cek pinjol \"Kantong Rejeki\" dong|Kantong Rejeki",
      "can u check “Golden Orchard Fund” for me|Golden Orchard Fund",
      "me pueden decir si 'Crédito Listo' esta autorizada|Crédito Listo",
      // legal forms
      "PT Tunas Harapan Finance itu resmi gk kak|PT Tunas Harapan Finance",
      "apa benar PT. Sinar Dana Abadi punya izin?|PT. Sinar Dana Abadi",
      "Koperasi Sejahtera Mandiri diawasi ojk nggak?|Koperasi Sejahtera Mandiri",
      "¿Financiera Valle del Sol S.A. es confiable?|Financiera Valle del Sol S.A.",
      "is Meridian Capital Ltd licensed|Meridian Capital Ltd"})
  void theNameAskedAbout(String text, String name) {
    Understanding u = understand(text);
    assertThat(u.intent().name()).isEqualTo("check_registration");
    assertThat(u.entities()).containsExactly(new Entity(Entity.NAME, name));
  }

  @Test
  void twoNamesInOneQuestion() {
    assertThat(understand("are both Nova Kredit and NovaKredit Plus licensed?").entities())
        .extracting(Entity::text).containsExactly("Nova Kredit", "NovaKredit Plus");
  }

  @Test
  void noNamesInGreetingsAndThanks() {
    assertThat(understand("Halo Kak, selamat pagi").entities()).isEmpty();
    assertThat(understand("Thanks a lot, Have A Nice Day").entities()).isEmpty();
  }

  @Test
  void websitesPhonesAndEmailsComeWithTheirType() {
    assertThat(understand("is www.cepatpinjam.com a legal lender").entities())
        .containsExactly(new Entity(Entity.WEBSITE, "www.cepatpinjam.com"));
    assertThat(understand("ada yg wa dari +62 857 1122 3344 nawarin pinjaman, legal gak min").entities())
        .containsExactly(new Entity(Entity.PHONE, "+62 857 1122 3344"));
    assertThat(understand("el correo atencion@prestaya.mx es de una empresa registrada?").entities())
        .containsExactly(new Entity(Entity.EMAIL, "atencion@prestaya.mx"));
  }

  @Test
  void contextWordStrategyFindsNamesToo() {
    var contextWords = io.kontak.nlu.NluModels.create(TestModels.models(),
        io.kontak.nlu.NluSettings.defaults().withNames(NameStrategy.CONTEXT_WORDS));
    assertThat(contextWords.understand("cek pinjol \"Kantong Rejeki\" dong", NluContext.none()).entities())
        .containsExactly(new Entity(Entity.NAME, "Kantong Rejeki"));
    assertThat(contextWords.understand("PT Tunas Harapan Finance itu resmi gk kak", NluContext.none()).entities())
        .containsExactly(new Entity(Entity.NAME, "PT Tunas Harapan Finance"));
  }
}
