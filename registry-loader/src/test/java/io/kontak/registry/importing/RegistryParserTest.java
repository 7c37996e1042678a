package io.kontak.registry.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontak.core.config.KontakConfig;
import io.kontak.registry.Institution;
import io.kontak.registry.OjkRegistry;
import io.kontak.registry.Status;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegistryParserTest {
  static final String GOOD_ROW = """
      {"id":"A-1","name":"PT Dana Kilat Sejahtera","brands":["DanaKilat"],"aliases":[],"sector":"p2p_lending",\
      "status":"licensed","license_no":"KEP-1/D.05/2020","websites":["https://danakilat.co.id"],"phones":["021-555-0101"],\
      "emails":["cs@danakilat.co.id"],"address":"Jakarta","source":"test","notes":null,"since":"2020-01-31"}""";
  static final String CSV_HEADER = "id,name,brands,aliases,sector,status,license_no,websites,phones,emails,address,source,notes,since";

  final RegistryParser parser = new RegistryParser(Set.copyOf(KontakConfig.Registry.DEFAULT_SECTORS), 64L * 1024 * 1024);

  @Test
  void readsJsonLines() {
    List<Institution> rows = valid(jsonl(GOOD_ROW + "\n" + GOOD_ROW.replace("A-1", "A-2").replace("licensed", "illegal")));
    assertThat(rows).hasSize(2);
    Institution first = rows.get(0);
    assertThat(first.name()).isEqualTo("PT Dana Kilat Sejahtera");
    assertThat(first.brands()).containsExactly("DanaKilat");
    assertThat(first.status()).isEqualTo(Status.LICENSED);
    assertThat(first.since()).isEqualTo(LocalDate.of(2020, 1, 31));
    assertThat(rows.get(1).status()).isEqualTo(Status.ILLEGAL);
  }

  @Test
  void readsCsvWithListCellsAndQuotes() {
    String csv = CSV_HEADER + "\n"
        + "B-1,\"Koperasi Maju, Bersama\",Maju|MajuKu,,cooperative,registered,,majuku.id|maju.co.id,0812 555 0101,,\"Jl. A\nNo. 2\",test,,2019-12-01\n"
        + "B-2,Ahorro Andino S.A.C.,,,microfinance,revoked,,,,,,,,\n";
    List<Institution> rows = valid(csv(csv));
    assertThat(rows).extracting(Institution::id).containsExactly("B-1", "B-2");
    assertThat(rows.get(0).name()).isEqualTo("Koperasi Maju, Bersama");
    assertThat(rows.get(0).brands()).containsExactly("Maju", "MajuKu");
    assertThat(rows.get(0).websites()).containsExactly("majuku.id", "maju.co.id");
    assertThat(rows.get(0).address()).isEqualTo("Jl. A\nNo. 2");
    assertThat(rows.get(1).status()).isEqualTo(Status.REVOKED);
  }

  @Test
  void readsTheRealOjkRegistry() {
    assertThat(valid(OjkRegistry.registryFile())).hasSize(8263);
  }

  @Test
  void reportsMalformedJsonWithItsLine() {
    List<ImportError> errors = invalid(jsonl(GOOD_ROW + "\n{\"id\": \"A-2\", \"name\": \n" + GOOD_ROW.replace("A-1", "A-3")));
    assertThat(errors).singleElement().satisfies(e -> {
      assertThat(e.line()).isEqualTo(2);
      assertThat(e.message()).startsWith("malformed JSON");
    });
  }

  @Test
  void reportsEveryMissingRequiredField() {
    List<ImportError> errors = invalid(jsonl("{\"id\":\"A-1\",\"brands\":[]}"));
    assertThat(errors).extracting(ImportError::field).containsExactlyInAnyOrder("name", "sector", "status");
    assertThat(errors).allSatisfy(e -> assertThat(e.line()).isEqualTo(1));
  }

  @Test
  void reportsUnknownStatusAndSectorWords() {
    List<ImportError> errors = invalid(jsonl(GOOD_ROW.replace("\"licensed\"", "\"approved\"").replace("p2p_lending", "fintech")));
    assertThat(errors).extracting(ImportError::field).containsExactlyInAnyOrder("status", "sector");
    assertThat(errors).extracting(ImportError::message).anySatisfy(m -> assertThat(m).contains("'approved'"));
  }

  @Test
  void reportsDuplicateIdsWithTheFirstLine() {
    List<ImportError> errors = invalid(jsonl(GOOD_ROW + "\n" + GOOD_ROW.replace("PT Dana", "PT Other")));
    assertThat(errors).singleElement().satisfies(e -> {
      assertThat(e.line()).isEqualTo(2);
      assertThat(e.field()).isEqualTo("id");
      assertThat(e.message()).contains("first on line 1");
    });
  }

  @Test
  void reportsBadDates() {
    assertThat(invalid(jsonl(GOOD_ROW.replace("2020-01-31", "2020-02-30")))).extracting(ImportError::field).containsExactly("since");
    assertThat(invalid(jsonl(GOOD_ROW.replace("2020-01-31", "31/01/2020")))).extracting(ImportError::field).containsExactly("since");
  }

  @Test
  void reportsWrongValueTypes() {
    List<ImportError> errors = invalid(jsonl(GOOD_ROW.replace("[\"DanaKilat\"]", "\"DanaKilat\"").replace("\"Jakarta\"", "42")));
    assertThat(errors).extracting(ImportError::field).containsExactlyInAnyOrder("brands", "address");
  }

  @Test
  void reportsUnknownFields() {
    assertThat(invalid(jsonl(GOOD_ROW.replace("\"notes\":null", "\"nots\":null")))).extracting(ImportError::message)
        .containsExactly("unknown field 'nots'");
  }

  @Test
  void reportsInvalidUtf8ByLine() {
    byte[] good = (GOOD_ROW + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] bad = GOOD_ROW.replace("A-1", "A-2").replace("Jakarta", "Jak\u00e9rta").getBytes(StandardCharsets.ISO_8859_1);
    byte[] file = new byte[good.length + bad.length];
    System.arraycopy(good, 0, file, 0, good.length);
    System.arraycopy(bad, 0, file, good.length, bad.length);
    assertThat(invalid(new RegistryFile(file, FileFormat.JSON_LINES, "latin1.jsonl")))
        .singleElement().satisfies(e -> {
          assertThat(e.line()).isEqualTo(2);
          assertThat(e.message()).contains("UTF-8");
        });
  }

  @Test
  void refusesEmptyFiles() {
    assertThat(invalid(jsonl(""))).extracting(ImportError::message).containsExactly("file is empty: no institutions");
    assertThat(invalid(jsonl("\n  \n"))).hasSize(1);
    assertThat(invalid(csv(CSV_HEADER + "\n"))).extracting(ImportError::message).containsExactly("file has no institutions");
  }

  @Test
  void refusesFilesOverTheLimit() {
    var small = new RegistryParser(Set.copyOf(KontakConfig.Registry.DEFAULT_SECTORS), 100);
    assertThat(((ParseResult.Invalid) small.parse(jsonl(GOOD_ROW))).errors())
        .singleElement().satisfies(e -> assertThat(e.message()).contains("limit is 100"));
  }

  @Test
  void reportsCsvRowsWithMissingOrExtraColumns() {
    String csv = CSV_HEADER + "\n"
        + "B-1,Name,,,bank,licensed,,,,,,,\n"          // one cell short
        + "B-2,Name,,,bank,licensed,,,,,,,,,extra\n";  // two cells too many
    assertThat(invalid(csv(csv))).extracting(ImportError::line).containsExactly(2, 3);
  }

  @Test
  void reportsCsvHeadersMissingRequiredOrUnknownColumns() {
    List<ImportError> errors = invalid(csv("id,name,sector,colour\nB-1,Name,bank,red\n"));
    assertThat(errors).extracting(ImportError::field).containsExactlyInAnyOrder("status", "colour");
    assertThat(errors).allSatisfy(e -> assertThat(e.line()).isEqualTo(1));
  }

  @Test
  void reportsMalformedCsv() {
    List<ImportError> errors = invalid(csv(CSV_HEADER + "\nB-1,\"unterminated,,,bank,licensed,,,,,,,,\n"));
    assertThat(errors).singleElement().satisfies(e -> assertThat(e.message()).startsWith("malformed CSV"));
  }

  @Test
  void listsEveryErrorOfTheFileAtOnce() {
    String file = GOOD_ROW.replace("licensed", "nope") + "\n" + "not json\n" + GOOD_ROW.replace("A-1", "A-9").replace("2020-01-31", "yesterday");
    assertThat(invalid(jsonl(file))).extracting(ImportError::line).containsExactly(1, 2, 3);
  }

  private List<Institution> valid(RegistryFile file) {
    ParseResult result = parser.parse(file);
    assertThat(result).isInstanceOf(ParseResult.Valid.class);
    return ((ParseResult.Valid) result).institutions();
  }

  private List<ImportError> invalid(RegistryFile file) {
    ParseResult result = parser.parse(file);
    assertThat(result).isInstanceOf(ParseResult.Invalid.class);
    return ((ParseResult.Invalid) result).errors();
  }

  static RegistryFile jsonl(String text) {
    return new RegistryFile(text.getBytes(StandardCharsets.UTF_8), FileFormat.JSON_LINES, "test.jsonl");
  }

  static RegistryFile csv(String text) {
    return new RegistryFile(text.getBytes(StandardCharsets.UTF_8), FileFormat.CSV, "test.csv");
  }
}
