package io.kontak.whatsapp.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kontak.core.conversation.CitizenId;
import io.kontak.whatsapp.fake.FakeGraphApi;
import io.kontak.whatsapp.outbox.OutboundMessage.Button;
import io.kontak.whatsapp.outbox.OutboundMessage.ListMessage;
import io.kontak.whatsapp.outbox.OutboundMessage.ReplyButtons;
import io.kontak.whatsapp.outbox.OutboundMessage.Row;
import io.kontak.whatsapp.outbox.OutboundMessage.Section;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** WhatsApp's limits, checked when a message is built: at the limit is fine, one over throws. */
class OutboundMessageTest {
  static String x(int n) {
    return "x".repeat(n);
  }

  @Test
  void text() {
    assertThatCode(() -> OutboundMessage.text(x(4_096))).doesNotThrowAnyException();
    assertThatThrownBy(() -> OutboundMessage.text(x(4_097))).hasMessageContaining("4096");
    assertThatThrownBy(() -> OutboundMessage.text(" ")).hasMessageContaining("blank");
    assertThatThrownBy(() -> OutboundMessage.text(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void replyButtons() {
    Button a = new Button("a", x(20));
    assertThatCode(() -> ReplyButtons.of(x(1_024), a, new Button("b", "B"), new Button("c", "C"))).doesNotThrowAnyException();
    assertThatThrownBy(() -> new Button("a", x(21))).hasMessageContaining("button title").hasMessageContaining("20");
    assertThatThrownBy(() -> new Button(x(257), "t")).hasMessageContaining("button id");
    assertThatThrownBy(() -> ReplyButtons.of(x(1_025), a)).hasMessageContaining("1024");
    assertThatThrownBy(() -> ReplyButtons.of("b", a, new Button("b", "B"), new Button("c", "C"), new Button("d", "D")))
        .hasMessageContaining("1 to 3");
    assertThatThrownBy(() -> ReplyButtons.of("b")).hasMessageContaining("1 to 3");
    assertThatThrownBy(() -> ReplyButtons.of("b", new Button("a", "Ya"), new Button("b", "Ya")))
        .hasMessageContaining("unique").hasMessageContaining("Ya");
    assertThatThrownBy(() -> ReplyButtons.of("b", new Button("a", "Ya"), new Button("a", "Tidak")))
        .hasMessageContaining("button ids");
    assertThatThrownBy(() -> new ReplyButtons("b", List.of(a), Optional.empty(), Optional.of(x(61)), Optional.empty()))
        .hasMessageContaining("footer");
  }

  @Test
  void lists() {
    List<Row> ten = IntStream.range(0, 10).mapToObj(i -> Row.of("r" + i, x(24), x(72))).toList();
    assertThatCode(() -> ListMessage.of(x(1_024), x(20), ten)).doesNotThrowAnyException();
    assertThatCode(() -> new ListMessage("b", "Pilih", List.of(new Section(Optional.of("Legal"), ten.subList(0, 5)),
        new Section(Optional.of(x(24)), ten.subList(5, 10))), Optional.empty(), Optional.empty(), Optional.empty()))
        .doesNotThrowAnyException();

    List<Row> eleven = IntStream.range(0, 11).mapToObj(i -> Row.of("r" + i, "t", null)).toList();
    assertThatThrownBy(() -> ListMessage.of("b", "Pilih", eleven)).hasMessageContaining("at most 10");
    assertThatThrownBy(() -> new ListMessage("b", "Pilih", List.of(new Section(Optional.of("A"), eleven.subList(0, 6)),
        new Section(Optional.of("B"), eleven.subList(6, 11))), Optional.empty(), Optional.empty(), Optional.empty()))
        .hasMessageContaining("at most 10");
    assertThatThrownBy(() -> Row.of("r", x(25), null)).hasMessageContaining("row title");
    assertThatThrownBy(() -> Row.of("r", "t", x(73))).hasMessageContaining("row description");
    assertThatThrownBy(() -> Row.of(x(201), "t", null)).hasMessageContaining("row id");
    assertThatThrownBy(() -> ListMessage.of("b", x(21), ten)).hasMessageContaining("button label");
    assertThatThrownBy(() -> ListMessage.of(x(1_025), "Pilih", ten)).hasMessageContaining("list body");
    assertThatThrownBy(() -> ListMessage.of("b", "Pilih", List.of())).hasMessageContaining("at least one row");
    assertThatThrownBy(() -> ListMessage.of("b", "Pilih", List.of(Row.of("same", "a", null), Row.of("same", "b", null))))
        .hasMessageContaining("row ids");
    assertThatThrownBy(() -> new ListMessage("b", "Pilih", List.of(new Section(Optional.empty(), ten.subList(0, 1)),
        new Section(Optional.of("B"), ten.subList(1, 2))), Optional.empty(), Optional.empty(), Optional.empty()))
        .hasMessageContaining("title");
  }

  @Test
  void templatesAndMarkRead() {
    assertThatCode(() -> new OutboundMessage.Template("kontak_followup", "en_US", List.of("a"))).doesNotThrowAnyException();
    assertThatThrownBy(() -> new OutboundMessage.Template("Bad Name", "id", List.of())).hasMessageContaining("template name");
    assertThatThrownBy(() -> new OutboundMessage.Template("ok", "indonesian", List.of())).hasMessageContaining("language");
    assertThatThrownBy(() -> new OutboundMessage.MarkRead("", true)).hasMessageContaining("blank");
  }

  @Test
  void everyMessageAtItsLimitsIsABodyTheFakeGraphApiAccepts() {
    List<Row> ten = IntStream.range(0, 10).mapToObj(i -> Row.of("r" + i, x(24), x(72))).toList();
    List<OutboundMessage> all = List.of(OutboundMessage.text(x(4_096)),
        ReplyButtons.of(x(1_024), new Button("a", x(20)), new Button("b", "B"), new Button("c", "C")),
        ListMessage.of(x(1_024), x(20), ten),
        new OutboundMessage.Template("kontak_followup", "id", List.of("Siti")),
        new OutboundMessage.MarkRead("wamid.X", false));
    for (OutboundMessage m : all) {
      assertThat(FakeGraphApi.invalid(GraphMessages.body(CitizenId.ofWaId("6281"), m))).as(m.kind()).isNull();
    }
    assertThat(GraphMessages.body(CitizenId.ofUserId("ID.15"), OutboundMessage.text("hi")).getString("recipient"))
        .isEqualTo("ID.15");
  }
}
