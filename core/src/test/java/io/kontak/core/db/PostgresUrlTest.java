package io.kontak.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The configuration's Postgres URL, with and without the Unix-socket directory. */
class PostgresUrlTest {

  @Test
  void aSocketDirectorySurvivesTheTextFormAndTcpStaysForJdbc() {
    PostgresUrl url = new PostgresUrl("127.0.0.1", 5432, "kontak", "postgres", "")
        .withSocketDirectory("/data dir/postgres/cluster");

    PostgresUrl parsed = PostgresUrl.parse(url.url());

    assertThat(parsed).isEqualTo(url);
    assertThat(parsed.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/kontak");
    assertThat(parsed.connectOptions(true).getHost()).isEqualTo("/data dir/postgres/cluster");
    assertThat(parsed.connectOptions(false).getHost()).isEqualTo("127.0.0.1");
  }

  @Test
  void theSocketParameterIsFoundAmongOthers() {
    PostgresUrl parsed = PostgresUrl.parse("postgresql://kontak:secret@db:6543/bot?sslmode=disable&socket=%2Frun%2Fpg");

    assertThat(parsed.socketDirectory()).contains("/run/pg");
    assertThat(parsed.host()).isEqualTo("db");
    assertThat(parsed.port()).isEqualTo(6543);
    assertThat(parsed.password()).isEqualTo("secret");
  }

  @Test
  void withoutASocketEveryClientUsesTcp() {
    PostgresUrl parsed = PostgresUrl.parse("postgresql://postgres@127.0.0.1:5432/kontak");

    assertThat(parsed.socketDirectory()).isEmpty();
    assertThat(parsed.connectOptions(true).getHost()).isEqualTo("127.0.0.1");
    assertThat(parsed.url()).isEqualTo("postgresql://postgres@127.0.0.1:5432/kontak");
  }
}
