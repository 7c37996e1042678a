package io.kontak.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-language texts from the classpath: UTF-8, a fallback language, the same keys everywhere. */
class LanguageTextsTest {
  @Test
  void textsComeInTheirLanguageOrTheFallbacks() {
    LanguageTexts texts = LanguageTexts.load("greeting", "texts/greeting_", List.of("id", "en", "es"), "id");

    assertThat(texts.pattern("es", "hello")).isEqualTo("¡Hola, {0}!");
    assertThat(texts.pattern("en", "hello")).isEqualTo("Hello, {0}!");
    assertThat(texts.pattern("jv", "hello")).isEqualTo("Halo, {0}!");
    assertThatThrownBy(() -> texts.pattern("en", "bye")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no greeting 'bye'");
  }

  @Test
  void aLanguageWithOtherKeysOrNoFileIsRefusedAtLoading() {
    assertThatThrownBy(() -> LanguageTexts.load("greeting", "texts/greeting_", List.of("en", "fr"), "en"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("greetings for 'fr' do not have the same keys as English");
    assertThatThrownBy(() -> LanguageTexts.load("greeting", "texts/greeting_", List.of("en", "de"), "en"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("missing texts/greeting_de.properties");
  }
}
