package io.kontak.nlu.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontak.nlu.Entity;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EntityPatternsTest {

  private static List<Entity> found(String text) {
    return EntityPatterns.find(text).stream().map(m -> m.entity(text)).toList();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "is koinworks.com legit|koinworks.com",
      "website www.danaku.co.id resmi gak ya|www.danaku.co.id",
      "ini link nya https://pinjamcepat.id/daftar aman ga kak|https://pinjamcepat.id/daftar",
      "http://dana-rakyat.web.id katanya bisa pinjem|http://dana-rakyat.web.id",
      "¿es confiable www.prestamosrapidos.com?|www.prestamosrapidos.com",
      "revisen creditorapido.com.co porfa|creditorapido.com.co",
      "cek (investasiuntung.com), legal?|investasiuntung.com",
      "is https://profitmax.io/join?ref=12 real|https://profitmax.io/join?ref=12"})
  void websites(String text, String website) {
    assertThat(found(text)).containsExactly(new Entity(Entity.WEBSITE, website));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "nomor 0812-3456-7890 ngaku dari pinjol|0812-3456-7890",
      "ada yg wa dari +62 857 1122 3344 nawarin pinjaman|+62 857 1122 3344",
      "cek nomor 081398765432 dong|081398765432",
      "sms dari 021-5098-7766 ngaku leasing|021-5098-7766",
      "telp (021) 5098 7766 itu resmi?|(021) 5098 7766",
      "nomor 0812.3456.7890 legal?|0812.3456.7890",
      "wa 6281234567890 resmi ga|6281234567890",
      "me llamaron del +34 612 345 678 ofreciendo|+34 612 345 678",
      "el +51 987 654 321 es legal?|+51 987 654 321",
      "me escribió el +52 1 33 9876 5432|+52 1 33 9876 5432",
      "el numero 55 1234 5678 dice que es financiera|55 1234 5678",
      "el 01-800-555-0199 es de un banco?|01-800-555-0199",
      "a call from +44 20 7946 0321 about gold|+44 20 7946 0321"})
  void phones(String text, String phone) {
    assertThat(found(text)).containsExactly(new Entity(Entity.PHONE, phone));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "email cs@danakilat.co.id bener ga?|cs@danakilat.co.id",
      "dapet email dari pinjaman.cepat88@gmail.com katanya|pinjaman.cepat88@gmail.com",
      "is invest@crystalbay-capital.com from a licensed firm|invest@crystalbay-capital.com",
      "el correo atención@préstamos.mx es oficial|atención@préstamos.mx"})
  void emailsAreNotAlsoWebsites(String text, String email) {
    assertThat(found(text)).containsExactly(new Entity(Entity.EMAIL, email));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "saya transfer Rp 500.000 buat admin", "pinjam Rp500.000 cair 350rb", "pinjaman 10.000.000 tenor 7 hari",
      "bunga 1.500.000 per bulan", "uangnya 15000000 hilang", "lost 15,000,000 rupiah", "cobran $ 2,500.00 de comisión",
      "jatuh tempo 12-05-2024", "since 2024-05-12", "el 05/12/2024 pagué", "buka jam 08.00-17.00 ya",
      "hubungi 157", "pinjam 5 juta bunga 4% per hari", "tunaiku99 legal?", "Inversora Atlántida S.A. es confiable?",
      "cek legalitas PT. Cahaya Kredit Indonesia", "v1.2 update", "ciri2 pinjol ilegal", "2 000 000 pesos"})
  void amountsDatesTimesAndNamesAreNotEntities(String text) {
    assertThat(found(text)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void severalKindsInOneMessageInOrder() {
    String text = "cek www.danacepat.id, wa 0812 1111 2222 dan email admin@danacepat.id";
    assertThat(found(text)).containsExactly(new Entity(Entity.WEBSITE, "www.danacepat.id"),
        new Entity(Entity.PHONE, "0812 1111 2222"), new Entity(Entity.EMAIL, "admin@danacepat.id"));
  }
}
