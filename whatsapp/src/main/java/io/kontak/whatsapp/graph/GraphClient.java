package io.kontak.whatsapp.graph;

import io.vertx.core.Future;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code POST {graphUrl}/{phone-number-id}/messages} with the bearer token; every outcome becomes a
 * {@link GraphResult}. On Vert.x's plain {@link HttpClient}: the sender makes two requests per
 * citizen message (read mark, reply), and the web client's interceptor chain showed in profiles.
 */
public final class GraphClient {
  private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");
  private static final CharSequence USER_AGENT = HttpHeaders.createOptimized("Kontak");

  private final HttpClient client;
  private final String graphUrl;
  private final CharSequence authorization;
  private final long timeoutMillis;

  public GraphClient(HttpClient client, String graphUrl, String accessToken, Duration timeout) {
    this.client = client;
    this.graphUrl = graphUrl.endsWith("/") ? graphUrl.substring(0, graphUrl.length() - 1) : graphUrl;
    this.authorization = HttpHeaders.createOptimized("Bearer " + accessToken);
    this.timeoutMillis = timeout.toMillis();
  }

  public Future<GraphResult> send(String phoneNumberId, JsonObject body) {
    RequestOptions request = new RequestOptions()
        .setMethod(HttpMethod.POST)
        .setAbsoluteURI(graphUrl + "/" + phoneNumberId + "/messages")
        .putHeader(HttpHeaders.AUTHORIZATION, authorization)
        .putHeader(HttpHeaders.CONTENT_TYPE, JSON)
        .putHeader(HttpHeaders.USER_AGENT, USER_AGENT)
        .setIdleTimeout(timeoutMillis);
    return client.request(request)
        .compose(sending -> sending.send(body.toBuffer()))
        .compose(response -> response.body()
            .map(answer -> result(response.statusCode(), answer.toString(), response.getHeader("Retry-After"))))
        .recover(e -> Future.succeededFuture(new GraphResult.Unreachable(e, neverSent(e))));
  }

  public void close() {
    client.close();
  }

  private static GraphResult result(int status, String body, String retryAfter) {
    if (status >= 200 && status < 300) {
      return new GraphResult.Accepted(wamid(body));
    }
    return new GraphResult.Rejected(GraphError.parse(status, body, retryAfter));
  }

  private static Optional<String> wamid(String body) {
    try {
      JsonObject json = new JsonObject(body);
      JsonArray messages = json.getValue("messages") instanceof JsonArray a ? a : null;
      return messages == null || messages.isEmpty() || !(messages.getValue(0) instanceof JsonObject first)
          ? Optional.empty() : Optional.ofNullable(first.getValue("id") instanceof String id ? id : null);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Failures before a connection existed: the request never left this node. */
  private static boolean neverSent(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof ConnectionPoolTooBusyException) {
        return true;
      }
    }
    return false;
  }
}
