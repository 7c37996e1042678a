package io.kontak.whatsapp.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's {@code X-Hub-Signature-256}: {@code sha256=} and the hex HMAC-SHA256 of the raw body bytes,
 * keyed with the app secret. Verified over the bytes exactly as received (never re-serialized
 * JSON: Meta escapes non-ASCII text) with a constant-time compare.
 */
public final class WebhookSignature {
  public static final String HEADER = "X-Hub-Signature-256";
  private static final String PREFIX = "sha256=";
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  public WebhookSignature(String appSecret) {
    byte[] secret = appSecret == null ? new byte[0] : appSecret.getBytes(StandardCharsets.UTF_8);
    this.key = secret.length == 0 ? null : new SecretKeySpec(secret, ALGORITHM);
  }

  /** True when {@code header} is the signature of {@code body}; always false without an app secret. */
  public boolean verify(String header, byte[] body) {
    if (key == null || header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return false;
    }
    byte[] claimed;
    try {
      claimed = HexFormat.of().parseHex(header.substring(PREFIX.length()).trim());
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(mac(body), claimed);
  }

  /** The header value for {@code body}, as Meta would send it. */
  public String sign(byte[] body) {
    if (key == null) {
      throw new IllegalStateException("no app secret to sign with");
    }
    return PREFIX + HexFormat.of().formatHex(mac(body));
  }

  public static String sign(String appSecret, byte[] body) {
    return new WebhookSignature(appSecret).sign(body);
  }

  private byte[] mac(byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
