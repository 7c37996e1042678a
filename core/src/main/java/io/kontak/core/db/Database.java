package io.kontak.core.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Builds the reactive pool and runs the schema migrations every module contributes. */
public final class Database {
  /** Every module puts its Flyway scripts here; version ranges: core 1-99, registry 100-199, bot 200-299, desk 300-399. */
  public static final String MIGRATIONS = "classpath:db/migration";

  private Database() {
  }

  public static Pool pool(Vertx vertx, PostgresUrl url, int maxSize) {
    return pool(vertx, url, "kontak-pg", maxSize);
  }

  /**
   * A pool of its own, named (e.g. in metrics) apart from the node's others; over the server's
   * Unix-domain socket when it offers one and this Vert.x can use it.
   */
  public static Pool pool(Vertx vertx, PostgresUrl url, String name, int maxSize) {
    return pool(vertx, url, name, maxSize, Map.of());
  }

  /**
   * Like {@link #pool(Vertx, PostgresUrl, String, int)}, each connection starting with the server
   * settings {@code session} (sent with the connection's startup message, so no extra round trip).
   */
  public static Pool pool(Vertx vertx, PostgresUrl url, String name, int maxSize, Map<String, String> session) {
    PgConnectOptions options = url.connectOptions(vertx.isNativeTransportEnabled());
    if (!session.isEmpty()) {
      // on a copy, next to the client's own startup properties (application name, encoding, …)
      Map<String, String> properties = new HashMap<>(options.getProperties());
      properties.putAll(session);
      options.setProperties(properties);
    }
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(maxSize).setName(name).setShared(false))
        .connectingTo(options)
        .using(vertx)
        .build();
  }

  /** Flyway speaks JDBC, so it runs on a worker thread, never on an event loop. */
  public static Future<MigrateResult> migrate(Vertx vertx, PostgresUrl url) {
    return vertx.executeBlocking(() -> migrateBlocking(url));
  }

  public static MigrateResult migrateBlocking(PostgresUrl url) {
    return Flyway.configure(Database.class.getClassLoader())
        .dataSource(url.jdbcUrl(), url.user(), url.password())
        .locations(MIGRATIONS)
        // each module numbers within its own range, so a module's new script may sort below another's applied one
        .outOfOrder(true)
        .load()
        .migrate();
  }
}
