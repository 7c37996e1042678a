package io.kontak.desk.account;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The demo run's desk accounts: a supervisor and two agents with generated passwords, created once
 * in an empty desk and written to {@code desk-demo-accounts.txt} under the data directory (owner
 * readable only), so the start-up log can name them. Never used outside the demo.
 */
public final class DemoAccounts {
  public static final String FILE = "desk-demo-accounts.txt";
  private static final SecureRandom RANDOM = new SecureRandom();

  private DemoAccounts() {
  }

  /** Lines "username role password" of the demo accounts (created now if the desk has no account yet). */
  public static Future<List<String>> ensure(Vertx vertx, AccountStore accounts, Passwords passwords, Path dataDir) {
    Path file = dataDir.resolve(FILE);
    return vertx.executeBlocking(() -> Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : null)
        .compose(existing -> existing != null ? Future.succeededFuture(existing)
            : accounts.count().compose(n -> n > 0 ? Future.succeededFuture(List.<String>of()) : create(vertx, accounts,
                passwords, file)));
  }

  private static Future<List<String>> create(Vertx vertx, AccountStore accounts, Passwords passwords, Path file) {
    List<String[]> demo = List.of(new String[] {"demo-supervisor", "supervisor"},
        new String[] {"demo-agent-1", "agent"}, new String[] {"demo-agent-2", "agent"});
    List<String> lines = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (String[] d : demo) {
      String password = password();
      chain = chain.compose(v -> passwords.hash(password))
          .compose(hash -> accounts.create(d[0], hash, Role.parse(d[1]).orElseThrow(), 4, "demo"))
          .map(created -> {
            created.ifPresent(a -> lines.add(d[0] + " " + d[1] + " " + password));
            return null;
          });
    }
    return chain.compose(v -> vertx.executeBlocking(() -> {
      Files.createDirectories(file.getParent());
      Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the data directory's own permissions apply
      }
      return lines;
    }));
  }

  private static String password() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
