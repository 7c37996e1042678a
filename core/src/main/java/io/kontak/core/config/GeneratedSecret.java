package io.kontak.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A random secret for the demo run, where nobody configured one: never a weak built-in default.
 * Kept in a file under the data directory when other processes (the CLI, a restarted node) must
 * agree on it.
 */
public final class GeneratedSecret {
  private static final SecureRandom RANDOM = new SecureRandom();

  private GeneratedSecret() {
  }

  /** 24 random bytes as hex. */
  public static String random() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** The secret in {@code file}, created (owner-readable only) with a new random one when missing. */
  public static String readOrCreate(Path file) throws IOException {
    if (Files.isReadable(file)) {
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    }
    String secret = random();
    Files.createDirectories(file.getParent());
    Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException ignored) {
      // not a POSIX file system: the file keeps the platform's default permissions
    }
    return secret;
  }
}
