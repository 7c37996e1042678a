package io.kontak.whatsapp.media;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * SHA-256 of a media file and Meta's declared one, which comes base64-encoded in webhooks and as
 * hex in media answers: both spellings are read.
 */
final class Checksum {
  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{64}");
  private static final int LENGTH = 32;

  private Checksum() {
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** The digest {@code declared} spells, or empty when it spells none (absent or unreadable). */
  static Optional<byte[]> decode(String declared) {
    if (declared == null || declared.isBlank()) {
      return Optional.empty();
    }
    String value = declared.trim();
    if (HEX.matcher(value).matches()) {
      return Optional.of(HexFormat.of().parseHex(value));
    }
    try {
      byte[] decoded = value.contains("-") || value.contains("_")
          ? Base64.getUrlDecoder().decode(value) : Base64.getDecoder().decode(value);
      return decoded.length == LENGTH ? Optional.of(decoded) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** True unless {@code declared} spells a digest other than {@code actual}. */
  static boolean agrees(String declared, byte[] actual) {
    return decode(declared).map(expected -> MessageDigest.isEqual(expected, actual)).orElse(true);
  }
}
