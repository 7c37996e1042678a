package io.kontak.registry.importing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A registry file as received: raw bytes, their format, and a name for the audit trail. */
public record RegistryFile(byte[] bytes, FileFormat format, String name) {

  public String sha256() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
