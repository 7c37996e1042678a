package io.kontak.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code kontak run} as a real process on the embedded default: it answers, SIGTERM stops it with
 * no Postgres or Redis left behind, and a second run on the same data directory keeps the registry.
 */
class RunCommandProcessTest {
  @Test
  void runsStopsCleanlyOnSigtermAndRestartsOnTheSameData() throws Exception {
    Path data = KontakProcess.freshDataDir("kontak-run-");
    int port = KontakProcess.freePort();

    KontakProcess first = KontakProcess.start(data, port, Map.of());
    List<ProcessHandle> firstServers;
    try {
      JsonObject health = first.awaitHealthy();
      firstServers = first.servers();
      assertThat(health.getJsonObject("checks").getJsonObject("registry").getInteger("version")).isEqualTo(1);
      assertThat(first.get("/api/registry/search?q=Dana%20Lestari").body()).contains("\"verdict\"");

      String token = Files.readString(data.resolve("admin-token")).trim();
      HttpResponse<String> imported = first.send(HttpRequest.newBuilder(first.uri("/api/registry/imports"))
          .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
          .POST(HttpRequest.BodyPublishers.ofString(
              "{\"id\":\"X\",\"name\":\"Koperasi Uji Coba\",\"sector\":\"cooperative\",\"status\":\"registered\"}")));
      assertThat(imported.statusCode()).isEqualTo(201);
    } finally {
      first.stop();
    }
    assertThat(first.process().exitValue()).as("exit after SIGTERM").isIn(0, 143);
    assertThat(firstServers).as("embedded postgres and redis").hasSizeGreaterThanOrEqualTo(2);
    assertThat(firstServers.stream().filter(ProcessHandle::isAlive)).as("postgres/redis left running").isEmpty();

    KontakProcess second = KontakProcess.start(data, port, Map.of());
    List<ProcessHandle> secondServers;
    try {
      JsonObject health = second.awaitHealthy();
      secondServers = second.servers();
      assertThat(health.getJsonObject("checks").getJsonObject("registry").getInteger("version")).isEqualTo(2);
      assertThat(second.get("/api/registry/search?q=koperasi%20uji%20coba").body()).contains("\"verdict\":\"legal\"");
    } finally {
      second.stop();
    }
    assertThat(secondServers.stream().filter(ProcessHandle::isAlive)).isEmpty();
    KontakProcess.deleteRuns(data);
  }
}
