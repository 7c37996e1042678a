package io.kontak.registry.cli;

import io.kontak.core.config.AdminToken;
import io.kontak.core.config.KontakConfig;
import io.kontak.registry.importing.FileFormat;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code kontak registry load|validate|list|activate}: staff commands that talk to a running
 * node's API, so they work the same against the embedded demo and a cluster, and every node
 * notices the change. Exit codes: 0 done, 1 refused (errors printed), 2 cannot reach the node.
 */
@Command(name = "registry", mixinStandardHelpOptions = true,
    description = "Load, validate, list and activate registry versions on a running Kontak node.",
    subcommands = {RegistryCommand.Load.class, RegistryCommand.Validate.class, RegistryCommand.ListVersions.class,
        RegistryCommand.Activate.class})
public final class RegistryCommand {
  @Option(names = "--url", description = "Node base URL (default: http://127.0.0.1:$KONTAK_HTTP_PORT).")
  String url;

  @Option(names = "--token", description = "Staff token (default: $KONTAK_ADMIN_TOKEN, else $KONTAK_DATA_DIR/admin-token).")
  String token;

  @Spec
  CommandSpec spec;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** One API call: method, route under the node's base URL, optional body and its type. */
  record Call(String method, String route, HttpRequest.BodyPublisher body, String contentType, String fileName) {
    static Call get(String route) {
      return new Call("GET", route, HttpRequest.BodyPublishers.noBody(), null, null);
    }

    static Call post(String route) {
      return new Call("POST", route, HttpRequest.BodyPublishers.noBody(), null, null);
    }
  }

  int send(Call call) {
    KontakConfig config = KontakConfig.fromEnvironment();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      String base = url != null ? url : "http://127.0.0.1:" + config.httpPort();
      String bearer = token != null ? token : config.adminToken()
          .orElseGet(() -> readToken(AdminToken.file(config)));
      var request = HttpRequest.newBuilder(URI.create(base + call.route()))
          .method(call.method(), call.body())
          .header("Authorization", "Bearer " + bearer)
          .timeout(Duration.ofMinutes(5));
      if (call.contentType() != null) {
        request.header("Content-Type", call.contentType()).header("X-File-Name", call.fileName());
      }
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      boolean ok = response.statusCode() / 100 == 2;
      (ok ? out : err).println(pretty(response.body()));
      return ok ? 0 : 1;
    } catch (IOException e) {
      err.println("cannot reach the Kontak node: " + e.getMessage());
      return 2;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 2;
    }
  }

  private static String readToken(Path file) {
    try {
      return Files.readString(file).trim();
    } catch (IOException e) {
      throw new IllegalStateException("no staff token: pass --token, set KONTAK_ADMIN_TOKEN, or run from the node's "
          + "directory (" + file + ")");
    }
  }

  private static String pretty(String body) {
    try {
      return body.startsWith("[") ? new JsonArray(body).encodePrettily() : new JsonObject(body).encodePrettily();
    } catch (RuntimeException notJson) {
      return body;
    }
  }

  static Call upload(Path file, String route) throws IOException {
    FileFormat format = FileFormat.fromFileName(file.getFileName().toString())
        .orElseThrow(() -> new IllegalArgumentException("name the file .jsonl, .ndjson or .csv: " + file));
    return new Call("POST", route, HttpRequest.BodyPublishers.ofFile(file), format.mediaType(),
        file.getFileName().toString());
  }

  @Command(name = "load", description = "Import a registry file as a new version and activate it.")
  static final class Load implements Callable<Integer> {
    @ParentCommand
    RegistryCommand parent;
    @Parameters(paramLabel = "FILE", description = "A .jsonl or .csv registry file.")
    Path file;

    @Override
    public Integer call() throws IOException {
      return parent.send(upload(file, "/api/registry/imports"));
    }
  }

  @Command(name = "validate", description = "Check a registry file without importing it.")
  static final class Validate implements Callable<Integer> {
    @ParentCommand
    RegistryCommand parent;
    @Parameters(paramLabel = "FILE", description = "A .jsonl or .csv registry file.")
    Path file;

    @Override
    public Integer call() throws IOException {
      return parent.send(upload(file, "/api/registry/validations"));
    }
  }

  @Command(name = "list", description = "List registry versions, newest first.")
  static final class ListVersions implements Callable<Integer> {
    @ParentCommand
    RegistryCommand parent;

    @Override
    public Integer call() {
      return parent.send(Call.get("/api/registry/versions"));
    }
  }

  @Command(name = "activate", description = "Make an earlier (or later) version the active one.")
  static final class Activate implements Callable<Integer> {
    @ParentCommand
    RegistryCommand parent;
    @Parameters(paramLabel = "VERSION", description = "The version number (see 'list').")
    int version;

    @Override
    public Integer call() {
      return parent.send(Call.post("/api/registry/versions/" + version + "/activate"));
    }
  }
}
