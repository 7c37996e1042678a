package io.kontak.registry.cli;

import io.kontak.core.cli.NodeClient.Call;
import io.kontak.core.cli.NodeOptions;
import io.kontak.registry.importing.FileFormat;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

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
  @Mixin
  NodeOptions node;

  int send(Call call) {
    return node.client().send(call);
  }

  static Call upload(Path file, String route) throws IOException {
    FileFormat format = FileFormat.fromFileName(file.getFileName().toString())
        .orElseThrow(() -> new IllegalArgumentException("name the file .jsonl, .ndjson or .csv: " + file));
    return new Call("POST", route, HttpRequest.BodyPublishers.ofFile(file),
        Map.of("Content-Type", format.mediaType(), "X-File-Name", file.getFileName().toString()));
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
