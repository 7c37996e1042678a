package io.kontak.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code kontak run} as a real process on the embedded default: it answers, SIGTERM stops it with
 * no Postgres or Redis left behind, and a second run on the same data directory keeps the registry.
 */
class RunCommandProcessTest {
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void runsStopsCleanlyOnSigtermAndRestartsOnTheSameData() throws Exception {
    Path data = Files.createTempDirectory("kontak-run-",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x"))).resolve("data");
    int port = freePort();

    Process first = start(data, port);
    List<ProcessHandle> firstServers;
    try {
      JsonObject health = awaitHealthy(port, first);
      firstServers = servers(first);
      assertThat(health.getJsonObject("checks").getJsonObject("registry").getInteger("version")).isEqualTo(1);
      assertThat(get(port, "/api/registry/search?q=Dana%20Lestari").body()).contains("\"verdict\"");

      String token = Files.readString(data.resolve("admin-token")).trim();
      HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/registry/imports"))
          .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
          .POST(HttpRequest.BodyPublishers.ofString(
              "{\"id\":\"X\",\"name\":\"Koperasi Uji Coba\",\"sector\":\"cooperative\",\"status\":\"registered\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(imported.statusCode()).isEqualTo(201);
    } finally {
      stop(first);
    }
    assertThat(first.exitValue()).as("exit after SIGTERM").isIn(0, 143);
    assertThat(firstServers).as("embedded postgres and redis").hasSizeGreaterThanOrEqualTo(2);
    assertThat(firstServers.stream().filter(ProcessHandle::isAlive)).as("postgres/redis left running").isEmpty();

    Process second = start(data, port);
    List<ProcessHandle> secondServers;
    try {
      JsonObject health = awaitHealthy(port, second);
      secondServers = servers(second);
      assertThat(health.getJsonObject("checks").getJsonObject("registry").getInteger("version")).isEqualTo(2);
      assertThat(get(port, "/api/registry/search?q=koperasi%20uji%20coba").body()).contains("\"verdict\":\"legal\"");
    } finally {
      stop(second);
    }
    assertThat(secondServers.stream().filter(ProcessHandle::isAlive)).isEmpty();
  }

  private Process start(Path data, int port) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(data.getParent().resolve("kontak.log").toFile()));
    builder.environment().keySet().removeIf(k -> k.startsWith("KONTAK_"));
    builder.environment().put("KONTAK_DATA_DIR", data.toString());
    builder.environment().put("KONTAK_HTTP_PORT", Integer.toString(port));
    return builder.start();
  }

  private JsonObject awaitHealthy(int port, Process process) {
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
      assertThat(process.isAlive()).as("kontak run exited early").isTrue();
      try {
        return get(port, "/health").statusCode() == 200;
      } catch (IOException notYet) {
        return false;
      }
    });
    try {
      return new JsonObject(get(port, "/health").body());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy();  // SIGTERM
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("kontak run did not stop within 60 s of SIGTERM");
    }
  }

  /** The embedded servers the node started: its postgres and redis-server child processes. */
  private static List<ProcessHandle> servers(Process node) {
    return node.descendants()
        .filter(p -> p.info().command().map(c -> c.contains("postgres") || c.contains("redis")).orElse(false))
        .toList();
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
