package io.kontak.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Where the real registry rows for a benchmark are. The bench scripts name the file (the
 * {@code KONTAK_REGISTRY} variable or their default); the Java code only takes the path, so nothing
 * under src/main depends on a particular sample.
 */
final class SampleRegistry {
  /** The system property (JMH) or {@code --registry} option (mains) carrying the path. */
  static final String PROPERTY = "kontak.bench.registry";

  private SampleRegistry() {
  }

  static Path require(String path) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("no registry file: pass --registry FILE (or -D" + PROPERTY
          + "=FILE); the bench scripts pass one");
    }
    Path file = Path.of(path).toAbsolutePath().normalize();
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException("registry file not readable: " + file);
    }
    return file;
  }

  /** The file's JSON Lines, uncompressed when its name ends in {@code .gz}. */
  static byte[] read(Path file) throws IOException {
    if (!file.getFileName().toString().endsWith(".gz")) {
      return Files.readAllBytes(file);
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return in.readAllBytes();
    }
  }
}
