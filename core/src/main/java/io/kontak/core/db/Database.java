package io.kontak.core.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
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
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(maxSize).setName(name).setShared(false))
        .connectingTo(url.connectOptions(vertx.isNativeTransportEnabled()))
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
        .load()
        .migrate();
  }
}
