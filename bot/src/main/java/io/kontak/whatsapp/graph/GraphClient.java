package io.kontak.whatsapp.graph;

import io.vertx.core.Future;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.core.buffer.Buffer;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;

/** {@code POST {graphUrl}/{phone-number-id}/messages} with the bearer token; every outcome becomes a {@link GraphResult}. */
public final class GraphClient {
  private final WebClient client;
  private final String graphUrl;
  private final String accessToken;
  private final long timeoutMillis;

  public GraphClient(WebClient client, String graphUrl, String accessToken, Duration timeout) {
    this.client = client;
    this.graphUrl = graphUrl.endsWith("/") ? graphUrl.substring(0, graphUrl.length() - 1) : graphUrl;
    this.accessToken = accessToken;
    this.timeoutMillis = timeout.toMillis();
  }

  public Future<GraphResult> send(String phoneNumberId, JsonObject body) {
    return client.postAbs(graphUrl + "/" + phoneNumberId + "/messages")
        .bearerTokenAuthentication(accessToken)
        .timeout(timeoutMillis)
        .sendJsonObject(body)
        .map(GraphClient::result)
        .recover(e -> Future.succeededFuture(new GraphResult.Unreachable(e, neverSent(e))));
  }

  public void close() {
    client.close();
  }

  private static GraphResult result(HttpResponse<Buffer> response) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return new GraphResult.Accepted(wamid(response.bodyAsString()));
    }
    return new GraphResult.Rejected(GraphError.parse(status, response.bodyAsString(), response.getHeader("Retry-After")));
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
