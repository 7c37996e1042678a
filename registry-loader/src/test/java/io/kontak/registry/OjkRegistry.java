package io.kontak.registry;

import io.kontak.core.config.KontakConfig;
import io.kontak.core.testing.OjkSample;
import io.kontak.registry.importing.FileFormat;
import io.kontak.registry.importing.ParseResult;
import io.kontak.registry.importing.RegistryFile;
import io.kontak.registry.importing.RegistryParser;
import java.util.List;
import java.util.Set;

/** The real OJK rows the repository carries ({@link OjkSample}), as a registry file and parsed. */
public final class OjkRegistry {
  private static List<Institution> registry;

  private OjkRegistry() {
  }

  public static RegistryFile registryFile() {
    return new RegistryFile(OjkSample.jsonLines(), FileFormat.JSON_LINES, "ojk-registry.jsonl");
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
