package io.kontak.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the real registry rows for a benchmark are. The bench scripts name the file (the shared
 * samples beside the repository); the Java code only takes the path, so nothing under src/main
 * depends on a particular sample.
 */
final class SampleRegistry {
  /** The system property (JMH) or {@code --registry} option (mains) carrying the path. */
  static final String PROPERTY = "kontak.bench.registry";

  private SampleRegistry() {
  }

  static Path require(String path) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("no registry file: pass --registry FILE (or -D" + PROPERTY
          + "=FILE); the bench scripts pass the shared real-rows sample");
    }
    Path file = Path.of(path).toAbsolutePath().normalize();
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException("registry file not readable: " + file);
    }
    return file;
  }
}
