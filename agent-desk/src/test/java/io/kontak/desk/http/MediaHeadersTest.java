package io.kontak.desk.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A citizen's file is served from the desk's origin: its headers must keep it inert. */
class MediaHeadersTest {
  @Test
  void onlyWellFormedTypesPassAndParametersAreDropped() {
    assertThat(MediaHeaders.contentType("image/jpeg")).isEqualTo("image/jpeg");
    assertThat(MediaHeaders.contentType("audio/ogg; codecs=opus")).isEqualTo("audio/ogg");
    assertThat(MediaHeaders.contentType("Application/PDF")).isEqualTo("application/pdf");
    assertThat(MediaHeaders.contentType("text/html\r\nSet-Cookie: x=1")).isEqualTo("application/octet-stream");
    assertThat(MediaHeaders.contentType("nonsense")).isEqualTo("application/octet-stream");
    assertThat(MediaHeaders.contentType(null)).isEqualTo("application/octet-stream");
  }

  @Test
  void onlyImagesAudioAndVideoABrowserOnlyDisplaysAreInline() {
    assertThat(MediaHeaders.inline("image", "image/png")).isTrue();
    assertThat(MediaHeaders.inline("sticker", "image/webp")).isTrue();
    assertThat(MediaHeaders.inline("audio", "audio/ogg")).isTrue();
    assertThat(MediaHeaders.inline("video", "video/mp4")).isTrue();
    assertThat(MediaHeaders.inline("image", "image/svg+xml")).isFalse();
    assertThat(MediaHeaders.inline("image", "text/html")).isFalse();
    assertThat(MediaHeaders.inline("document", "application/pdf")).isFalse();
    assertThat(MediaHeaders.inline("document", "image/png")).isFalse();
  }

  @Test
  void fileNamesCannotPointElsewhereOrBreakTheHeader() {
    assertThat(MediaHeaders.safeName(Optional.of("../../etc/passwd"), "document", "wamid.X")).isEqualTo("etc_passwd");
    assertThat(MediaHeaders.safeName(Optional.of("a\"; filename=evil.html"), "document", "wamid.X"))
        .isEqualTo("a__ filename=evil.html");
    assertThat(MediaHeaders.safeName(Optional.of("surat\r\nkuasa.pdf"), "document", "wamid.X")).isEqualTo("surat__kuasa.pdf");
    assertThat(MediaHeaders.safeName(Optional.of("..."), "document", "wamid.HBgLNjI4MTI=")).isEqualTo("document-HBgLNjI4MTI");
    assertThat(MediaHeaders.safeName(Optional.empty(), "image", "wamid.ABC")).isEqualTo("image-ABC");
    String longName = "x".repeat(300) + ".pdf";
    assertThat(MediaHeaders.safeName(Optional.of(longName), "document", "wamid.X")).hasSize(120).endsWith(".pdf");
  }

  @Test
  void theDispositionHasAnAsciiFallbackAndTheUtf8Name() {
    assertThat(MediaHeaders.disposition(false, "bukti transfer é.pdf"))
        .isEqualTo("attachment; filename=\"bukti transfer _.pdf\"; filename*=UTF-8''bukti%20transfer%20%C3%A9.pdf");
    assertThat(MediaHeaders.disposition(true, "image-ABC")).startsWith("inline; filename=\"image-ABC\"");
  }
}
