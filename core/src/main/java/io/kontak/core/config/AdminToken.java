package io.kontak.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The staff bearer token. When {@code KONTAK_ADMIN_TOKEN} is unset (the demo run) a random token
 * is generated once and kept in {@code <data dir>/admin-token}, so the CLI and a restarted node
 * agree on it without anyone inventing a weak default.
 */
public final class AdminToken {
  private AdminToken() {
  }

  public static KontakConfig resolve(KontakConfig config) throws IOException {
    if (config.adminToken().isPresent()) {
      return config;
    }
    Path file = file(config);
    if (Files.isReadable(file)) {
      return config.withAdminToken(Files.readString(file, StandardCharsets.UTF_8).trim());
    }
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String token = HexFormat.of().formatHex(random);
    Files.createDirectories(file.getParent());
    Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException ignored) {
      // not a POSIX file system: the file keeps the platform's default permissions
    }
    return config.withAdminToken(token);
  }

  public static Path file(KontakConfig config) {
    return config.dataDir().resolve("admin-token");
  }
}
