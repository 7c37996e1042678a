package io.kontak.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontak.core.testing.TestServices;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A pool's session settings reach every connection it opens; other pools keep the server's. */
class SessionSettingsTest {
  Vertx vertx;
  PostgresUrl database;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    database = TestServices.freshDatabase();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  void everyConnectionOfThePoolStartsWithItsSettings() {
    // "local": neither the server default ("on") nor the tests' server setting ("off")
    Pool settling = Database.pool(vertx, database, "settling", 2, Map.of("synchronous_commit", "local"));
    Pool plain = Database.pool(vertx, database, "plain", 1);
    try {
      // two connections at once, so both of the pool's are asked
      var first = settling.withConnection(a -> settling.withConnection(b ->
          show(a).compose(x -> show(b).map(y -> x + "," + y))));
      assertThat(first.await()).isEqualTo("local,local");
      assertThat(show(plain).await()).isNotEqualTo("local");
    } finally {
      settling.close().await();
      plain.close().await();
    }
  }

  private static Future<String> show(SqlClient sql) {
    return sql.query("SHOW synchronous_commit").execute().map(rows -> rows.iterator().next().getString(0));
  }
}
