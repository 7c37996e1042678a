package io.kontak.nlu.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontak.nlu.Entity;
import io.kontak.nlu.Intents;
import io.kontak.nlu.Nlu;
import io.kontak.nlu.NluContext;
import io.kontak.nlu.NluModels;
import io.kontak.nlu.TestModels;
import io.kontak.nlu.Understanding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Names the registry knows, spotted in a message, as the NLU takes them. */
class SpottedNamesTest {
  /** A stand-in for the registry's gazetteer: these names wherever they occur, case-insensitively. */
  static NameSpotter knowing(String... names) {
    return text -> {
      List<Mention> out = new ArrayList<>();
      String lower = text.toLowerCase(Locale.ROOT);
      for (String n : names) {
        int at = lower.indexOf(n.toLowerCase(Locale.ROOT));
        if (at >= 0) {
          out.add(new Mention(Entity.NAME, at, at + n.length()));
        }
      }
      return out;
    };
  }

  final Nlu nlu = NluModels.withSpotter(TestModels.nlu(), knowing("Sapi Perah", "Dana Kilat - Pinjaman Online Cepat Cair",
      "Dana Kilat"));

  @Test
  void aKnownNameIsTheEntityAsWrittenWholeTitleIncluded() {
    Understanding u = nlu.understand("saya ditawari pinjaman dari dana kilat - pinjaman online cepat cair, resmi ga?",
        NluContext.none());
    assertThat(u.intent().name()).isEqualTo(Intents.CHECK_REGISTRATION);
    assertThat(u.entities()).contains(new Entity(Entity.NAME, "dana kilat - pinjaman online cepat cair"));
  }

  @Test
  void aMessageNamingAKnownInstitutionIsARegistryQuestionEvenAfterAGreeting() {
    Understanding u = nlu.understand("hola! Sapi Perah tiene permiso?", NluContext.none());
    assertThat(u.intent().name()).isEqualTo(Intents.CHECK_REGISTRATION);
    assertThat(u.entities()).containsExactly(new Entity(Entity.NAME, "Sapi Perah"));
  }

  @Test
  void withoutKnownNamesAGreetingStaysAGreeting() {
    assertThat(nlu.understand("hola! buenas tardes", NluContext.none()).intent().name()).isEqualTo(Intents.GREETING);
  }

  @Test
  void overlappingSpansNeverBreakTheMessage() {
    Understanding u = TestModels.nlu().understand("apliaksi PT. SEJAHTERA BERSAMA SOLUSINDO terdaftar di ojk ga",
        NluContext.none());
    assertThat(u.entities()).isNotEmpty();
  }
}
