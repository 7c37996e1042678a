package io.kontak.core.cli;

import io.kontak.core.config.KontakConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * A staff command's line to a running node, where its {@link NodeOptions} point, one request per
 * call, the answer printed. Exit codes: 0 done, 1 refused (errors printed), 2 cannot reach the node.
 */
public final class NodeClient {
  public static final int DONE = 0;
  public static final int REFUSED = 1;
  public static final int UNREACHABLE = 2;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final NodeOptions node;
  private final PrintWriter out;
  private final PrintWriter err;

  public NodeClient(NodeOptions node, PrintWriter out, PrintWriter err) {
    this.node = node;
    this.out = out;
    this.err = err;
  }

  /** One API call: method, route under the node's base URL, body and extra headers. */
  public record Call(String method, String route, HttpRequest.BodyPublisher body, Map<String, String> headers) {
    public static Call get(String route) {
      return new Call("GET", route, HttpRequest.BodyPublishers.noBody(), Map.of());
    }

    public static Call post(String route) {
      return new Call("POST", route, HttpRequest.BodyPublishers.noBody(), Map.of());
    }

    public static Call postJson(String route, JsonObject body) {
      return new Call("POST", route, HttpRequest.BodyPublishers.ofString(body.encode()),
          Map.of("Content-Type", "application/json"));
    }
  }

  /** Sends {@code call} and prints the answer as pretty JSON (to standard error when refused). */
  public int send(Call call) {
    return send(call, NodeClient::pretty);
  }

  /** Sends {@code call}; a 2xx answer is printed as {@code render} makes it, any other as pretty JSON. */
  public int send(Call call, Function<String, String> render) {
    KontakConfig config = KontakConfig.fromEnvironment();
    String bearer;
    try {
      bearer = node.token(config);
    } catch (IllegalStateException e) {
      err.println(e.getMessage());
      return REFUSED;
    }
    try {
      var request = HttpRequest.newBuilder(URI.create(node.url(config) + call.route()))
          .method(call.method(), call.body())
          .header("Authorization", "Bearer " + bearer)
          .timeout(Duration.ofMinutes(5));
      call.headers().forEach(request::header);
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 == 2) {
        out.println(render.apply(response.body()));
        return DONE;
      }
      err.println(pretty(response.body()));
      return REFUSED;
    } catch (IOException e) {
      err.println("cannot reach the Kontak node: " + e.getMessage());
      return UNREACHABLE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return UNREACHABLE;
    }
  }

  /** A JSON answer indented for reading; anything else as it came. */
  public static String pretty(String body) {
    try {
      return body.startsWith("[") ? new JsonArray(body).encodePrettily() : new JsonObject(body).encodePrettily();
    } catch (RuntimeException notJson) {
      return body;
    }
  }
}
