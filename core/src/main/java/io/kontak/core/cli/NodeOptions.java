package io.kontak.core.cli;

import io.kontak.core.config.AdminToken;
import io.kontak.core.config.KontakConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options of every staff command that talks to a running node ({@code @Mixin}): the base URL
 * ({@code --url}, else {@code http://127.0.0.1:$KONTAK_HTTP_PORT}) and the staff token
 * ({@code --token}, else {@code $KONTAK_ADMIN_TOKEN}, else {@code $KONTAK_DATA_DIR/admin-token}).
 */
public final class NodeOptions {
  @Option(names = "--url", description = "Node base URL (default: http://127.0.0.1:$KONTAK_HTTP_PORT).")
  String url;

  @Option(names = "--token", description = "Staff token (default: $KONTAK_ADMIN_TOKEN, else $KONTAK_DATA_DIR/admin-token).")
  String token;

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  /** A client printing to the command's output and error streams. */
  public NodeClient client() {
    return new NodeClient(this, command.commandLine().getOut(), command.commandLine().getErr());
  }

  /** {@code --url}, else the local node on {@code config}'s HTTP port. */
  public String url(KontakConfig config) {
    return url != null ? url : "http://127.0.0.1:" + config.httpPort();
  }

  /** {@code --token}, else {@code config}'s admin token, else the one the node keeps in its data directory. */
  public String token(KontakConfig config) {
    if (token != null) {
      return token;
    }
    return config.adminToken().orElseGet(() -> readToken(AdminToken.file(config)));
  }

  private static String readToken(Path file) {
    try {
      return Files.readString(file).trim();
    } catch (IOException e) {
      throw new IllegalStateException("no staff token: pass --token, set KONTAK_ADMIN_TOKEN, or run from the node's "
          + "directory (" + file + ")");
    }
  }
}
