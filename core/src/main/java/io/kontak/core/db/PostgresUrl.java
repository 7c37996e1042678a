package io.kontak.core.db;

import io.vertx.pgclient.PgConnectOptions;

/**
 * One Postgres location in the two shapes the code needs: Vert.x connect options for the reactive
 * client, and a JDBC URL for Flyway. Accepts {@code postgresql://user:pass@host:port/db} (also
 * {@code postgres://} and {@code jdbc:postgresql://}).
 */
public record PostgresUrl(String host, int port, String database, String user, String password) {

  public static PostgresUrl parse(String url) {
    String uri = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
    PgConnectOptions options = PgConnectOptions.fromUri(uri);
    return new PostgresUrl(options.getHost(), options.getPort(), options.getDatabase(),
        options.getUser(), options.getPassword() == null ? "" : options.getPassword());
  }

  /**
   * Statements up to this length stay prepared on each connection. The client's default (2,048
   * characters) silently left the webhook's store statement out, so Postgres parsed and planned its
   * CTEs again for every group of deliveries; every statement of ours is a constant and fits.
   */
  public static final int CACHED_STATEMENT_MAX_CHARS = 16_384;

  public PgConnectOptions connectOptions() {
    return new PgConnectOptions()
        .setHost(host).setPort(port).setDatabase(database).setUser(user).setPassword(password)
        .setCachePreparedStatements(true)
        .setPreparedStatementCacheSqlLimit(CACHED_STATEMENT_MAX_CHARS)
        .setReconnectAttempts(2)
        .setReconnectInterval(500);
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  public PostgresUrl withDatabase(String otherDatabase) {
    return new PostgresUrl(host, port, otherDatabase, user, password);
  }

  /** The URL form used in configuration, without the password. */
  public String display() {
    return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
  }

  public String url() {
    String auth = password.isEmpty() ? user : user + ":" + password;
    return "postgresql://" + auth + "@" + host + ":" + port + "/" + database;
  }
}
