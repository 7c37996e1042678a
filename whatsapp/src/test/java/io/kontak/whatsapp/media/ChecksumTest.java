package io.kontak.whatsapp.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Meta spells a file's SHA-256 in base64 (webhooks) or hex (media answers): both are checked. */
class ChecksumTest {
  static final byte[] FILE = "a citizen's picture".getBytes(StandardCharsets.UTF_8);
  static final byte[] DIGEST = Checksum.sha256(FILE);

  @Test
  void bothSpellingsOfTheRightDigestAgree() {
    assertThat(Checksum.agrees(Base64.getEncoder().encodeToString(DIGEST), DIGEST)).isTrue();
    assertThat(Checksum.agrees(HexFormat.of().formatHex(DIGEST), DIGEST)).isTrue();
    assertThat(Checksum.agrees(HexFormat.of().withUpperCase().formatHex(DIGEST), DIGEST)).isTrue();
    assertThat(Checksum.agrees(Base64.getUrlEncoder().encodeToString(DIGEST), DIGEST)).isTrue();
  }

  @Test
  void anotherDigestDisagreesInEitherSpelling() {
    byte[] other = Checksum.sha256("something else".getBytes(StandardCharsets.UTF_8));
    assertThat(Checksum.agrees(Base64.getEncoder().encodeToString(other), DIGEST)).isFalse();
    assertThat(Checksum.agrees(HexFormat.of().formatHex(other), DIGEST)).isFalse();
  }

  @Test
  void noDigestOrOneThatSpellsNoSha256CannotDisagree() {
    assertThat(Checksum.agrees(null, DIGEST)).isTrue();
    assertThat(Checksum.agrees(" ", DIGEST)).isTrue();
    assertThat(Checksum.decode("dGVzdGltZw==")).isEmpty();  // Meta's documentation placeholder: 7 bytes
    assertThat(Checksum.decode("not base64 at all!")).isEmpty();
  }
}
