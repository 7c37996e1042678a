package io.kontak.core.config;

import java.io.IOException;
import java.nio.file.Path;

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
    return config.withAdminToken(GeneratedSecret.readOrCreate(file(config)));
  }

  public static Path file(KontakConfig config) {
    return config.dataDir().resolve("admin-token");
  }
}
