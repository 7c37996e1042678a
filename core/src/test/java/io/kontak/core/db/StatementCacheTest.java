package io.kontak.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontak.core.testing.TestServices;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Long statements stay prepared on their connection instead of being parsed and planned per execution. */
class StatementCacheTest {
  Vertx vertx;
  Pool pool;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    pool = Database.pool(vertx, TestServices.freshDatabase(), 1);
  }

  @AfterEach
  void stop() {
    pool.close().await();
    vertx.close().await();
  }

  @Test
  void aStatementLongerThanTheClientsDefaultLimitIsPreparedOnce() {
    // Over the client's default limit of 2,048 characters, like the webhook's store statement.
    String sql = "SELECT $1::int + 1 AS answer /* " + "x".repeat(4_000) + " */";
    assertThat(sql.length()).isBetween(2_049, PostgresUrl.CACHED_STATEMENT_MAX_CHARS);

    for (int i = 0; i < 3; i++) {
      assertThat(pool.preparedQuery(sql).execute(Tuple.of(i)).await().iterator().next().getInteger("answer"))
          .isEqualTo(i + 1);
    }

    // One connection: the session that ran the statement is the one asked.
    long prepared = pool.query("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE 'SELECT $1::int + 1 AS answer%'")
        .execute().await().iterator().next().getLong(0);
    assertThat(prepared).isEqualTo(1);
  }
}
