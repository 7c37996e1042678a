package io.kontak.whatsapp.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kontak.core.conversation.CitizenId;
import io.kontak.whatsapp.message.InboundMessage.Header;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InboundMessageJsonTest {
  static final Header H = new Header("wamid.X", CitizenId.ofWaId("+62 812-0000-0001"), Optional.of("ID.1"), "200",
      Instant.ofEpochSecond(1767225600), Optional.of("wamid.CTX"), Optional.of("Siti"));

  @Test
  void everyKindRoundTrips() {
    List<InboundMessage> all = List.of(
        new InboundMessage.Text(H, "halo 👍"),
        new InboundMessage.ButtonReply(H, "b1", "Ya"),
        new InboundMessage.ListReply(H, "r1", "Bank", Optional.of("desc")),
        new InboundMessage.ListReply(H, "r2", "Bank", Optional.empty()),
        new InboundMessage.QuickReply(H, "YES", "Ya"),
        new InboundMessage.Media(H, InboundMessage.MediaKind.DOCUMENT, "9", "application/pdf", Optional.of("c"),
            Optional.of("f.pdf"), Optional.of("sha"), false, false),
        new InboundMessage.Media(H, InboundMessage.MediaKind.AUDIO, "8", "audio/ogg", Optional.empty(), Optional.empty(),
            Optional.empty(), true, false),
        new InboundMessage.Location(H, -6.2253, 106.8083, Optional.of("n"), Optional.empty(), Optional.empty()),
        new InboundMessage.Contacts(H, List.of(new InboundMessage.SharedContact("Budi",
            List.of(new InboundMessage.SharedPhone("+62 812", Optional.of("62812"), Optional.of("CELL")))))),
        new InboundMessage.Reaction(H, "wamid.O", Optional.of("👍")),
        new InboundMessage.Reaction(H, "wamid.O", Optional.empty()),
        new InboundMessage.Unsupported(H, "poll_creation",
            List.of(new MetaError(131051, "Message type unknown", "m", Optional.of("d")))));
    for (InboundMessage m : all) {
      assertThat(InboundMessageJson.fromJson(InboundMessageJson.toJson(m))).isEqualTo(m);
      assertThat(InboundMessageJson.toJson(m).getString("kind")).isEqualTo(m.kind());
    }
  }

  @Test
  void citizenKeysPreferThePhoneNumber() {
    assertThat(CitizenId.ofWaId("+62 812-0000-0001").key()).isEqualTo("wa:6281200000001");
    assertThat(CitizenId.of("6281", "US.1")).contains(CitizenId.parse("wa:6281"));
    assertThat(CitizenId.of(null, "US.1").orElseThrow().userId()).contains("US.1");
    assertThat(CitizenId.of("", " ")).isEmpty();
    assertThatThrownBy(() -> CitizenId.parse("6281")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CitizenId.ofWaId("abc")).isInstanceOf(IllegalArgumentException.class);
  }
}
