package io.kontak.core.db;

import io.vertx.pgclient.PgConnectOptions;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One Postgres location in the two shapes the code needs: Vert.x connect options for the reactive
 * client, and a JDBC URL for Flyway. Accepts {@code postgresql://user:pass@host:port/db} (also
 * {@code postgres://} and {@code jdbc:postgresql://}), optionally with {@code ?socket=/dir}: a
 * directory where the same server also listens on a Unix-domain socket, which the reactive client
 * prefers when its Vert.x runs on a native transport (the embedded server offers one; see
 * {@link #connectOptions(boolean)}).
 */
public record PostgresUrl(String host, int port, String database, String user, String password,
                          Optional<String> socketDirectory) {
  private static final String SOCKET_PARAMETER = "socket=";

  /**
   * Statements up to this length stay prepared on each connection. The client's default (2,048
   * characters) silently left the webhook's store statement out, so Postgres parsed and planned its
   * CTEs again for every group of deliveries; every statement of ours is a constant and fits.
   */
  public static final int CACHED_STATEMENT_MAX_CHARS = 16_384;

  /** A server reached over TCP only. */
  public PostgresUrl(String host, int port, String database, String user, String password) {
    this(host, port, database, user, password, Optional.empty());
  }

  /** Other query parameters are passed on to the client's own URL parser, which ignores what it does not know. */
  public static PostgresUrl parse(String url) {
    String uri = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
    Optional<String> socket = Optional.empty();
    int query = uri.indexOf('?');
    if (query >= 0) {
      List<String> others = new ArrayList<>();
      for (String parameter : uri.substring(query + 1).split("&")) {
        if (parameter.startsWith(SOCKET_PARAMETER)) {
          socket = Optional.of(URLDecoder.decode(parameter.substring(SOCKET_PARAMETER.length()), StandardCharsets.UTF_8));
        } else if (!parameter.isEmpty()) {
          others.add(parameter);
        }
      }
      uri = uri.substring(0, query) + (others.isEmpty() ? "" : "?" + String.join("&", others));
    }
    PgConnectOptions options = PgConnectOptions.fromUri(uri);
    // Without a password in the URL the client fills in its default ("pass"); ours is empty.
    String password = hasPassword(uri) && options.getPassword() != null ? options.getPassword() : "";
    return new PostgresUrl(options.getHost(), options.getPort(), options.getDatabase(), options.getUser(), password,
        socket);
  }

  private static boolean hasPassword(String uri) {
    int start = uri.indexOf("://");
    int at = uri.indexOf('@', start + 3);
    int slash = uri.indexOf('/', start + 3);
    return start >= 0 && at > 0 && (slash < 0 || at < slash) && uri.substring(start + 3, at).contains(":");
  }

  /** Over TCP; see {@link #connectOptions(boolean)}. */
  public PgConnectOptions connectOptions() {
    return connectOptions(false);
  }

  /**
   * @param unixSocket whether the client can use a Unix-domain socket (Vert.x needs its native
   *                   transport for one): on the same machine it skips the TCP stack and its
   *                   acknowledgements on every round trip
   */
  public PgConnectOptions connectOptions(boolean unixSocket) {
    // The client takes a host starting with '/' as the socket's directory and adds .s.PGSQL.<port>.
    String server = unixSocket && socketDirectory.isPresent() ? socketDirectory.get() : host;
    return new PgConnectOptions()
        .setHost(server).setPort(port).setDatabase(database).setUser(user).setPassword(password)
        .setCachePreparedStatements(true)
        .setPreparedStatementCacheSqlLimit(CACHED_STATEMENT_MAX_CHARS)
        .setReconnectAttempts(2)
        .setReconnectInterval(500);
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  public PostgresUrl withDatabase(String otherDatabase) {
    return new PostgresUrl(host, port, otherDatabase, user, password, socketDirectory);
  }

  public PostgresUrl withSocketDirectory(String directory) {
    return new PostgresUrl(host, port, database, user, password, Optional.of(directory));
  }

  /** The URL form used in configuration, without the password. */
  public String display() {
    return "postgresql://" + user + "@" + host + ":" + port + "/" + database + socketParameter();
  }

  public String url() {
    String auth = password.isEmpty() ? user : user + ":" + password;
    return "postgresql://" + auth + "@" + host + ":" + port + "/" + database + socketParameter();
  }

  private String socketParameter() {
    return socketDirectory.map(d -> "?" + SOCKET_PARAMETER + URLEncoder.encode(d, StandardCharsets.UTF_8)).orElse("");
  }
}
