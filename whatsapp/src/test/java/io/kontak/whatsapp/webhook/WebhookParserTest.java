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
}
