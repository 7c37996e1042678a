package io.kontak.registry.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontak.registry.Institution;
import io.kontak.registry.Status;
import io.kontak.registry.identity.PhoneNumbers;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The registry's names spotted in messages, and which row comes first when several match. */
class KnownNamesAndRankingTest {
  RegistrySearcher searcher;

  @BeforeEach
  void index() {
    searcher = new RegistrySearcher(new PhoneNumbers("ID"), LookupPolicy.DEFAULT);
    searcher.swap(searcher.build(1, List.of(
        row("IM-1", "PT Star Mercato Capitale", List.of(), Status.LICENSED),
        row("APP-1", "PT Benefide Sejahtera - PT Star Mercato Capitale", List.of("Payuung"), Status.REGISTERED),
        row("SWI-1", "Dana Kilat - Pinjaman Online Cepat Cair", List.of(), Status.ILLEGAL),
        row("SWI-2", "Dana Kilat", List.of(), Status.ILLEGAL),
        row("SWI-3", "Dana Tunai", List.of(), Status.ILLEGAL),
        row("SWI-4", "Dana Cepat", List.of(), Status.ILLEGAL),
        row("SWI-5", "https://www.infinox-fx.com/en/", List.of(), Status.ILLEGAL))));
  }

  @Test
  void spotsKnownNamesAsWrittenLongestFirstAndSkipsSharedWords() {
    String text = "saya ditawari pinjaman dari DANA KILAT - pinjaman online cepat cair, dana nya legal?";
    assertThat(searcher.spot(text)).singleElement()
        .satisfies(s -> assertThat(text.substring(s.start(), s.end())).isEqualTo("DANA KILAT - pinjaman online cepat cair"));
    String company = "apakah pt. star mercato capitale terdaftar";
    assertThat(searcher.spot(company)).singleElement()
        .satisfies(s -> assertThat(company.substring(s.start(), s.end())).isEqualTo("pt. star mercato capitale"));
    assertThat(searcher.spot("dana saya hilang")).isEmpty();
  }

  @Test
  void theCompanysOwnRowComesBeforeARowThatNamesItInOnePart() {
    LookupResult r = searcher.lookup("PT Star Mercato Capitale");
    assertThat(r.verdict()).isInstanceOf(Verdict.Legal.class);
    assertThat(r.verdict().matches()).extracting(m -> m.institution().id()).startsWith("IM-1");
  }

  @Test
  void anExactIllegalNameComesBeforeTitlesStartingWithIt() {
    LookupResult r = searcher.lookup("Dana Kilat");
    assertThat(r.verdict()).isInstanceOf(Verdict.Warning.class);
    assertThat(r.verdict().matches()).extracting(m -> m.institution().id()).startsWith("SWI-2");
  }

  @Test
  void aRowNamedByItsUrlIsFoundByWebsite() {
    LookupResult r = searcher.lookup("infinox-fx.com");
    assertThat(r.verdict()).isInstanceOf(Verdict.Warning.class);
    assertThat(r.verdict().matches().getFirst().institution().id()).isEqualTo("SWI-5");
  }

  static Institution row(String id, String name, List<String> brands, Status status) {
    return new Institution(id, name, brands, List.of(), "p2p_lending", status, null, List.of(), List.of(), List.of(),
        null, null, null, null);
  }
}
