package io.kontak.desk.account;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (Bouncy Castle) in the PHC string format, computed on a worker pool: a
 * hash costs tens of milliseconds and 19 MiB, never on an event loop.
 */
public final class Passwords {
  // OWASP's minimum for Argon2id: 19 MiB, 2 iterations, 1 lane.
  private static final int MEMORY_KIB = 19 * 1024;
  private static final int ITERATIONS = 2;
  private static final int LANES = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Set<String> COMMON = Set.of("password", "passw0rd", "password1", "password123", "1234567890",
      "12345678910", "qwertyuiop", "1q2w3e4r5t", "iloveyou12", "administrator", "kontak1234", "kontak157",
      "welcome123", "letmein123", "0123456789", "abcdefghij", "qwerty1234");
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  private final WorkerExecutor workers;
  private final int minLength;
  private final SecureRandom random = new SecureRandom();
  /** Checked when the username is unknown, so the answer takes as long as for a known one (made on a worker). */
  private volatile String decoy;

  public Passwords(WorkerExecutor workers, int minLength) {
    this.workers = workers;
    this.minLength = minLength;
  }

  /** Why {@code password} is too weak for {@code username}, if it is. */
  public Optional<String> weakness(String username, String password) {
    if (password == null || password.length() < minLength) {
      return Optional.of("password: at least " + minLength + " characters");
    }
    if (password.length() > 256) {
      return Optional.of("password: at most 256 characters");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
      return Optional.of("password: must not contain the username");
    }
    if (COMMON.contains(lower) || lower.chars().distinct().count() < 4) {
      return Optional.of("password: too common or too simple");
    }
    return Optional.empty();
  }

  public Future<String> hash(String password) {
    return workers.executeBlocking(() -> hashBlocking(password), false);
  }

  /** Whether {@code password} matches {@code phc}; with no stored hash, checks a decoy and answers false. */
  public Future<Boolean> verify(String password, Optional<String> phc) {
    return workers.executeBlocking(() -> {
      if (decoy == null) {
        decoy = hashBlocking("decoy-" + random.nextLong());
      }
      boolean ok = verifyBlocking(password, phc.orElse(decoy));
      return ok && phc.isPresent();
    }, false);
  }

  String hashBlocking(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = argon2(password, salt, MEMORY_KIB, ITERATIONS, LANES, HASH_BYTES);
    return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + LANES + "$" + B64.encodeToString(salt)
        + "$" + B64.encodeToString(hash);
  }

  static boolean verifyBlocking(String password, String phc) {
    String[] parts = phc.split("\\$");
    // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
    if (parts.length != 6 || !"argon2id".equals(parts[1])) {
      return false;
    }
    int memory = 0;
    int iterations = 0;
    int lanes = 0;
    for (String kv : parts[3].split(",")) {
      String[] pair = kv.split("=");
      int value = Integer.parseInt(pair[1]);
      switch (pair[0]) {
        case "m" -> memory = value;
        case "t" -> iterations = value;
        case "p" -> lanes = value;
        default -> {
          return false;
        }
      }
    }
    byte[] salt = B64D.decode(parts[4]);
    byte[] expected = B64D.decode(parts[5]);
    byte[] actual = argon2(password, salt, memory, iterations, lanes, expected.length);
    return MessageDigest.isEqual(expected, actual);
  }

  private static byte[] argon2(String password, byte[] salt, int memory, int iterations, int lanes, int length) {
    var params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withSalt(salt).withMemoryAsKB(memory).withIterations(iterations).withParallelism(lanes)
        .build();
    var generator = new Argon2BytesGenerator();
    generator.init(params);
    byte[] out = new byte[length];
    generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
