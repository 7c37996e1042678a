package io.kontak.registry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentityTest {
  final PhoneNumbers phones = new PhoneNumbers("ID");

  @Test
  void namesFoldCaseAccentsPunctuationAndLegalForms() {
    assertThat(NameNormalizer.normalize("PT. DANA KILAT Tbk").key()).isEqualTo("danakilat");
    assertThat(NameNormalizer.normalize("Dana Kilat, PT").key()).isEqualTo("danakilat");
    assertThat(NameNormalizer.normalize("DanaKilat").key()).isEqualTo("danakilat");
    assertThat(NameNormalizer.normalize("PT Dana Kilat (Persero)").legalForms()).containsExactly("pt", "persero");
    assertThat(NameNormalizer.normalize("Crédito Andino S.A.C.").tokens()).containsExactly("credito", "andino");
    assertThat(NameNormalizer.normalize("Financiera Ñandú S.A. de C.V.").tokens()).containsExactly("financiera", "nandu", "de");
    assertThat(NameNormalizer.normalize("Acme Holdings Ltd.").legalForms()).containsExactly("ltd");
    assertThat(NameNormalizer.normalize("Koperasi").tokens()).containsExactly("koperasi");
  }

  @Test
  void joinedNeighboursMeetSplitSpellings() {
    assertThat(NameNormalizer.normalize("Dana Bijak Indonesia").tokensWithJoins())
        .contains("dana", "bijak", "danabijak", "bijakindonesia", "danabijakindonesia");
  }

  @Test
  void phonesNormaliseToE164() {
    assertThat(phones.normalize("0812-3456-7890")).contains("+6281234567890");
    assertThat(phones.normalize("+62 812 3456 7890")).contains("+6281234567890");
    assertThat(phones.normalize("62812 3456 7890")).contains("+6281234567890");
    assertThat(phones.normalize("(021) 758 101 35")).contains("+622175810135");
    assertThat(phones.normalize("+34 612 345 678")).contains("+34612345678");
    assertThat(phones.normalize("+51 1 555 0101")).contains("+5115550101");
    assertThat(new PhoneNumbers("MX").normalize("55 1234 5678")).contains("+525512345678");
    assertThat(phones.normalize("12")).isEmpty();
    assertThat(phones.extract("call 0812 1853 6936 or +62 21 5550 1234")).containsExactly("+6281218536936", "+622155501234");
  }

  @Test
  void websitesFromAnyUrlForm() {
    assertThat(Websites.identity("https://www.Foo.co.id/daftar?x=1")).contains("foo.co.id");
    assertThat(Websites.identity("foo.co.id")).contains("foo.co.id");
    assertThat(Websites.identity("www.foo.co.id/")).contains("foo.co.id");
    assertThat(Websites.identity("http://foo.co.id:8080")).contains("foo.co.id");
    assertThat(Websites.identity("https://play.google.com/store/apps/details?id=com.kilat.pinjam&hl=id"))
        .contains("play.google.com/com.kilat.pinjam");
    assertThat(Websites.identity("https://play.google.com/sto")).isEmpty();
    assertThat(Websites.identity("https://www.instagram.com/tunaikilat_id/")).contains("instagram.com/tunaikilat_id");
    assertThat(Websites.identity("not a url")).isEmpty();
    assertThat(Websites.extract("https://a.blogspot.com/;https://b.simdif.com/")).containsExactly("a.blogspot.com", "b.simdif.com");
    assertThat(Websites.extract("mail cs@foo.co.id")).isEmpty();
  }

  @Test
  void emailsAndLicenceNumbers() {
    assertThat(Emails.extract("write to CS@Foo.co.id today")).containsExactly("cs@foo.co.id");
    assertThat(LicenseNumbers.normalize("S-3972/NB.111/2017")).contains("S3972NB1112017");
    assertThat(LicenseNumbers.normalize("s 3972 nb.111 2017")).contains("S3972NB1112017");
    assertThat(LicenseNumbers.normalize("2017")).isEmpty();
  }
}
