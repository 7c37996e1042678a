package io.kontak.whatsapp.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kontak.whatsapp.Fixtures;
import io.kontak.whatsapp.message.InboundMessage;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class WebhookParserTest {
  @Test
  void readsEveryEntryChangeMessageStatusAndError() throws Exception {
    JsonObject one = new JsonObject(Fixtures.messages(Fixtures.TEXT, Fixtures.LOCATION));
    JsonObject two = new JsonObject(Fixtures.statuses(Fixtures.failedStatus("wamid.OUT", 131047),
        "{\"id\":\"wamid.OUT2\",\"status\":\"read\",\"timestamp\":\"1767225650\",\"recipient_user_id\":\"ID.9\"}"));
    JsonObject three = new JsonObject(Fixtures.VALUE_ERRORS);
    JsonObject envelope = one.copy();
    envelope.getJsonArray("entry").addAll(two.getJsonArray("entry")).addAll(three.getJsonArray("entry"))
        .add(new JsonObject().put("changes", new io.vertx.core.json.JsonArray()
            .add(new JsonObject().put("field", "account_update").put("value", new JsonObject()))));

    Delivery delivery = WebhookParser.parse(envelope);
    assertThat(delivery.messages()).extracting(m -> m.message().kind()).containsExactly("text", "location");
    assertThat(delivery.statuses()).extracting(Delivery.Status::status).containsExactly("failed", "read");
    assertThat(delivery.statuses().getFirst().errors().getFirst().code()).isEqualTo(131047);
    assertThat(delivery.statuses().getFirst().rank()).isEqualTo(2);
    assertThat(delivery.statuses().get(1).recipient().orElseThrow().key()).isEqualTo("user:ID.9");
    assertThat(delivery.errors()).singleElement().satisfies(e -> assertThat(e.error().code()).isEqualTo(130429));
    assertThat(((InboundMessage.Text) delivery.messages().getFirst().message()).header().profileName()).contains("Siti Uji");
  }

  @Test
  void refusesWhatIsNotAWhatsAppEnvelope() {
    assertThatThrownBy(() -> WebhookParser.parse(Buffer.buffer("{\"object\":\"instagram\",\"entry\":[]}")))
        .isInstanceOf(MalformedDelivery.class);
    assertThatThrownBy(() -> WebhookParser.parse(Buffer.buffer("{\"object\":\"whatsapp_business_account\",\"entry\":[}")))
        .isInstanceOf(MalformedDelivery.class);
    assertThatThrownBy(() -> WebhookParser.parse(Buffer.buffer("[1]"))).isInstanceOf(MalformedDelivery.class);
  }

  @Test
  void skipsNoticesOfChangedNumbersDeletionsAndEdits() throws Exception {
    String system = """
        {"from":"6281200000001","id":"wamid.FX_SYS_01","timestamp":"1767225600","type":"system",
         "system":{"body":"User A changed from 6281200000001 to 6281200000002","wa_id":"6281200000002","type":"user_changed_number"}}""";
    String revoke = """
        {"from":"6281200000001","id":"wamid.FX_REV_01","timestamp":"1767225600","type":"revoke","revoke":{"original_message_id":"wamid.X"}}""";
    String edit = """
        {"from":"6281200000001","id":"wamid.FX_EDIT_01","timestamp":"1767225600","type":"edit","edit":{"original_message_id":"wamid.X"}}""";
    Delivery delivery = WebhookParser.parse(Buffer.buffer(envelope(system + "," + revoke + "," + edit + "," + text("wamid.FX_T", "\"from\":\"6281200000001\","))));

    assertThat(delivery.messages()).extracting(m -> m.message().wamid()).containsExactly("wamid.FX_T");
    assertThat(delivery.skipped()).isEqualTo(3);
  }

  @Test
  void aMessageWithoutSenderIsFromTheValuesOnlyContact() throws Exception {
    Delivery delivery = WebhookParser.parse(Buffer.buffer(envelope(text("wamid.FX_ANON", ""))));

    InboundMessage message = delivery.messages().getFirst().message();
    assertThat(message.citizen().key()).isEqualTo("wa:6281200000009");
    assertThat(message.header().userId()).contains("ID.77");
    assertThat(message.header().profileName()).contains("Budi");
  }

  @Test
  void messagesToAnotherBusinessNumberAreSetApart() throws Exception {
    Delivery delivery = WebhookParser.parse(Buffer.buffer(envelope(text("wamid.FX_A", ""))));

    assertThat(delivery.addressedElsewhere("100000000000001")).isEmpty();
    assertThat(delivery.onlyFor("100000000000001").messages()).hasSize(1);
    assertThat(delivery.addressedElsewhere("300000000000003")).hasSize(1);
    assertThat(delivery.onlyFor("300000000000003").messages()).isEmpty();
  }

  private static String text(String wamid, String from) {
    return "{" + from + "\"id\":\"" + wamid + "\",\"timestamp\":\"1767225600\",\"type\":\"text\",\"text\":{\"body\":\"halo\"}}";
  }

  private static String envelope(String messages) {
    return """
        {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
          "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550000157","phone_number_id":"100000000000001"},
          "contacts":[{"profile":{"name":"Budi"},"wa_id":"6281200000009","user_id":"ID.77"}],
          "messages":[%s]}}]}]}""".formatted(messages);
  }
}
