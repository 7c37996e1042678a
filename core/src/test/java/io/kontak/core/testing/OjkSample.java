package io.kontak.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The 8,263 real OJK registry rows the repository carries as test and bench data
 * ({@code samples/ojk/}, see its README for sources and licences), in the registry import format.
 */
public final class OjkSample {
  /** Set by the build to the repository's {@code samples} folder; found by walking up otherwise. */
  public static final String PROPERTY = "kontak.samples.dir";
  private static final String RELATIVE = "ojk/ojk-registry.jsonl.gz";

  private OjkSample() {
  }

  /** The compressed file itself. */
  public static Path file() {
    String configured = System.getProperty(PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return requireReadable(Path.of(configured, RELATIVE));
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("samples").resolve(RELATIVE);
      if (Files.isReadable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("samples/" + RELATIVE + " not found above " + Path.of("").toAbsolutePath());
  }

  /** The rows as the JSON Lines a registry import takes. */
  public static byte[] jsonLines() {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file()))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path requireReadable(Path path) {
    if (!Files.isReadable(path)) {
      throw new IllegalStateException("sample missing: " + path.toAbsolutePath());
    }
    return path;
  }
}
