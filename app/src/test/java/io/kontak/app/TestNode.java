package io.kontak.app;

import io.kontak.core.config.KontakConfig;
import io.kontak.core.testing.TestServices;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** A Kontak node on a random port with its own database and Redis prefix, plus a tiny HTTP client. */
public final class TestNode implements AutoCloseable {
  public static final String TOKEN = "test-staff-token";

  final Vertx vertx = Vertx.vertx();
  final KontakNode node;
  final HttpClient http = HttpClient.newHttpClient();

  public TestNode(Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>(Map.of(
        "KONTAK_HTTP_PORT", "0",
        "KONTAK_PG_URL", TestServices.freshDatabase().url(),
        "KONTAK_REDIS_URL", TestServices.endpoints().redisUrl(),
        "KONTAK_REDIS_PREFIX", TestServices.freshRedisPrefix(),
        "KONTAK_ADMIN_TOKEN", TOKEN,
        "KONTAK_DEMO_REGISTRY", "false"));
    env.putAll(overrides);
    node = KontakNode.start(vertx, KontakConfig.from(env)).await();
  }

  /** A node that takes registry files as large as the real OJK registry. */
  public static TestNode forRegistryUploads() {
    return new TestNode(Map.of("KONTAK_REGISTRY_MAX_BYTES", Integer.toString(8 * 1024 * 1024)));
  }

  /** A staff command's {@code args} after the {@code --url} and {@code --token} that point it at this node. */
  public String[] staffArgs(String... args) {
    return Stream.concat(Stream.of("--url", "http://127.0.0.1:" + node.httpPort(), "--token", TOKEN), Stream.of(args))
        .toArray(String[]::new);
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + node.httpPort() + path);
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  public HttpResponse<String> staffGet(String path) {
    return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TOKEN).GET());
  }

  public HttpResponse<String> staffPost(String path, String contentType, byte[] body) {
    return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TOKEN)
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public HttpResponse<String> send(HttpRequest.Builder request) {
    return TestHttp.send(http, request);
  }

  @Override
  public void close() {
    node.close().await();
    vertx.close().await();
  }
}
