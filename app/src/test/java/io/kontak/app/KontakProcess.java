package io.kontak.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontak.core.db.PostgresUrl;
import io.kontak.core.embedded.EmbeddedServices;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code kontak run} as a separate java process on the test's classpath, with the embedded
 * Postgres and Redis it starts as its real children. Every run on a data directory appends its
 * output to {@code kontak.log} next to it, which failures quote.
 */
public record KontakProcess(Process process, Path data, int port) {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration STARTUP = Duration.ofSeconds(90);
  private static final int LOG_TAIL_LINES = 60;

  /**
   * A new data directory. Its parent is world-traversable: as root the embedded Postgres runs as
   * {@code nobody}, which must reach it.
   */
  public static Path freshDataDir(String prefix) throws IOException {
    return Files.createTempDirectory(prefix,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x"))).resolve("data");
  }

  /** Starts {@code kontak run} on {@code data} with only {@code env} of the KONTAK_ and WHATSAPP_ settings. */
  public static KontakProcess start(Path data, int port, Map<String, String> env) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log(data).toFile()));
    builder.environment().keySet().removeIf(k -> k.startsWith("KONTAK_") || k.startsWith("WHATSAPP_"));
    builder.environment().putAll(env);
    builder.environment().put("KONTAK_DATA_DIR", data.toString());
    builder.environment().put("KONTAK_HTTP_PORT", Integer.toString(port));
    return new KontakProcess(builder.start(), data, port);
  }

  public static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Waits for {@code GET /health} to answer 200 and returns its body. */
  public JsonObject awaitHealthy() {
    await().atMost(STARTUP).pollInterval(Duration.ofMillis(200)).until(() -> {
      assertThat(process.isAlive()).as("kontak run exited early; log:%n%s", logTail()).isTrue();
      try {
        return get("/health").statusCode() == 200;
      } catch (UncheckedIOException notYet) {
        return false;
      }
    });
    return new JsonObject(get("/health").body());
  }

  public HttpResponse<String> get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)));
  }

  public HttpResponse<String> send(HttpRequest.Builder request) {
    return TestHttp.send(HTTP, request);
  }

  public URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port + pathAndQuery);
  }

  /** The embedded servers this run started: its postgres and redis-server child processes. */
  public List<ProcessHandle> servers() {
    return process.descendants()
        .filter(p -> p.info().command().map(c -> c.contains("postgres") || c.contains("redis")).orElse(false))
        .toList();
  }

  /**
   * The embedded Postgres database of the running node, for tests to observe what it stored. The
   * port is the one the server wrote into its cluster's {@code postmaster.pid} (fourth line).
   */
  public PostgresUrl database() {
    try {
      List<String> pid = Files.readAllLines(data.resolve("postgres/cluster/postmaster.pid"));
      return new PostgresUrl("127.0.0.1", Integer.parseInt(pid.get(3).trim()), EmbeddedServices.DATABASE, "postgres", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SIGTERM, as an operator or a service manager stops it; fails when it does not end in time. */
  public void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("kontak run did not stop within 60 s of SIGTERM; log:\n" + logTail());
    }
  }

  /** SIGKILL: no shutdown hook runs, so the embedded servers are left behind as orphans. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("kontak run dead after SIGKILL").isTrue();
    assertThat(process.exitValue()).as("exit status of a SIGKILL").isEqualTo(128 + 9);
  }

  /** The last lines of every run's output on this data directory, without logback's start-up chatter. */
  public String logTail() {
    try (Stream<String> all = Files.lines(log(data))) {
      List<String> lines = all.filter(line -> !line.contains(" in ch.qos.logback.")).toList();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Deletes a data directory and its log once no run uses them (a run leaves ~100 MB behind). */
  public static void deleteRuns(Path data) throws IOException {
    try (Stream<Path> all = Files.walk(data.getParent())) {
      for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }

  private static Path log(Path data) {
    return data.resolveSibling("kontak.log");
  }
}
