package io.kontak.registry;

import io.kontak.registry.importing.FileFormat;
import io.kontak.registry.importing.ParseResult;
import io.kontak.registry.importing.RegistryFile;
import io.kontak.registry.importing.RegistryParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import io.kontak.core.config.KontakConfig;

/** The real OJK rows in {@code ../shared/registry-samples}, read in place (never copied into the repo). */
public final class SharedSamples {
  private static List<Institution> registry;

  private SharedSamples() {
  }

  public static Path file(String name) {
    String dir = System.getProperty("kontak.shared.dir", "../../shared");
    Path path = Path.of(dir, "registry-samples", name);
    if (!Files.isReadable(path)) {
      throw new IllegalStateException("shared sample missing: " + path.toAbsolutePath());
    }
    return path;
  }

  public static RegistryFile registryFile() {
    try {
      Path path = file("ojk-registry.jsonl");
      return new RegistryFile(Files.readAllBytes(path), FileFormat.JSON_LINES, path.getFileName().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static synchronized List<Institution> registry() {
    if (registry == null) {
      var parser = new RegistryParser(Set.copyOf(KontakConfig.Registry.DEFAULT_SECTORS), Long.MAX_VALUE);
      registry = switch (parser.parse(registryFile())) {
        case ParseResult.Valid v -> v.institutions();
        case ParseResult.Invalid i -> throw new IllegalStateException("sample registry rejected: " + i.errors());
      };
    }
    return registry;
  }
}
