package io.kontak.core.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.stream.Stream;

/**
 * Who the embedded PostgreSQL server runs as. PostgreSQL refuses to run as root, and containers
 * and CI machines often are root: there we start it through util-linux {@code setpriv} as the
 * unprivileged {@code nobody} user and hand it its data directory. Everyone else runs it as themselves.
 */
record ServerUser(List<String> commandPrefix, UserPrincipal owner) {
  private static final String UNPRIVILEGED = "nobody";

  static ServerUser detect() throws IOException {
    if (!isRoot()) {
      return new ServerUser(List.of(), null);
    }
    var lookup = Path.of("/").getFileSystem().getUserPrincipalLookupService();
    UserPrincipal nobody = lookup.lookupPrincipalByName(UNPRIVILEGED);
    String setpriv = Stream.of("/usr/bin/setpriv", "/bin/setpriv", "/usr/sbin/setpriv")
        .filter(p -> Files.isExecutable(Path.of(p))).findFirst()
        .orElseThrow(() -> new IOException("embedded PostgreSQL cannot run as root and util-linux "
            + "'setpriv' is missing; run Kontak as a normal user or set KONTAK_PG_URL"));
    String uid = numericId("-u");
    String gid = numericId("-g");
    return new ServerUser(List.of(setpriv, "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--"), nobody);
  }

  /** Gives the server user ownership of a directory tree it must write to. */
  void own(Path dir) throws IOException {
    if (owner == null) {
      return;
    }
    requireTraversable(dir.toAbsolutePath().getParent());
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Files.setOwner(p, owner);
      }
    }
  }

  /**
   * The unprivileged user must be able to reach the directory: a private (0700) parent owned by
   * root would make PostgreSQL fail later with a misleading message about its shared libraries.
   */
  private static void requireTraversable(Path dir) throws IOException {
    for (Path p = dir; p != null; p = p.getParent()) {
      var permissions = Files.getPosixFilePermissions(p);
      if (!permissions.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
        throw new IOException("running as root, Kontak starts its embedded PostgreSQL as '" + UNPRIVILEGED
            + "', which cannot enter " + p + " (permissions " + java.nio.file.attribute.PosixFilePermissions.toString(permissions)
            + "); allow it (chmod o+x " + p + "), choose another KONTAK_DATA_DIR, run as a normal user, or set KONTAK_PG_URL");
      }
    }
  }

  List<String> command(String... args) {
    var command = new java.util.ArrayList<>(commandPrefix);
    command.addAll(List.of(args));
    return command;
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name")) || "0".equals(runQuietly("id", "-u"));
  }

  private static String numericId(String flag) throws IOException {
    String id = runQuietly("id", flag, UNPRIVILEGED);
    if (id == null || id.isBlank()) {
      throw new IOException("cannot resolve the '" + UNPRIVILEGED + "' user for the embedded PostgreSQL server");
    }
    return id;
  }

  private static String runQuietly(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      return p.waitFor() == 0 ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
