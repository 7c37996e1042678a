package io.kontak.whatsapp.fake;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontak.whatsapp.webhook.Delivery;
import io.kontak.whatsapp.webhook.WebhookParser;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The deliveries the simulator, the tests and the bench post are what the webhook reads. */
class CloudApiDeliveryTest {
  @Test
  void aTextFromACitizenIsOneEntryWithOneChangeTheParserReads() throws Exception {
    CloudApiDelivery delivery = CloudApiDelivery.to("100000000000001", "15550001111", "200000000000002")
        .contact("6281200000001", "Siti \"Uji\"")
        .message(CloudApiDelivery.text("6281200000001", "wamid.B1", 1767225600, "apakah PT Contoh terdaftar?"));

    JsonObject json = delivery.toJson();
    assertThat(json.getString("object")).isEqualTo("whatsapp_business_account");
    JsonObject value = json.getJsonArray("entry").getJsonObject(0).getJsonArray("changes").getJsonObject(0)
        .getJsonObject("value");
    assertThat(value.getJsonObject("metadata")).isEqualTo(new JsonObject()
        .put("display_phone_number", "15550001111").put("phone_number_id", "200000000000002"));
    assertThat(value.getJsonArray("contacts").getJsonObject(0).getJsonObject("profile").getString("name"))
        .isEqualTo("Siti \"Uji\"");
    assertThat(value.containsKey("statuses")).isFalse();

    Delivery parsed = WebhookParser.parse(delivery.toBuffer());
    assertThat(parsed.messages()).singleElement().satisfies(m -> {
      assertThat(m.message().wamid()).isEqualTo("wamid.B1");
      assertThat(m.message().kind()).isEqualTo("text");
      assertThat(m.message().citizen().key()).isEqualTo("wa:6281200000001");
    });
  }

  @Test
  void tappedButtonsAndRowsAreInteractiveReplies() throws Exception {
    CloudApiDelivery delivery = CloudApiDelivery.to("1", "15550001111", "2").contact("6281200000001", "Siti")
        .message(CloudApiDelivery.reply("6281200000001", "wamid.R1", 1767225600, "button_reply", "menu_check", "Cek izin",
            Optional.empty()))
        .message(CloudApiDelivery.reply("6281200000001", "wamid.R2", 1767225601, "list_reply", "inst-1", "PT Dana Kilat",
            Optional.of("Berizin")));

    assertThat(delivery.toJson().getJsonArray("entry").getJsonObject(0).getJsonArray("changes").getJsonObject(0)
        .getJsonObject("value").getJsonArray("messages").getJsonObject(1).getJsonObject("interactive"))
        .isEqualTo(new JsonObject().put("type", "list_reply").put("list_reply",
            new JsonObject().put("id", "inst-1").put("title", "PT Dana Kilat").put("description", "Berizin")));
    assertThat(WebhookParser.parse(delivery.toBuffer()).messages()).extracting(m -> m.message().kind())
        .containsExactly("button_reply", "list_reply");
  }

  @Test
  void elementsGivenAsTextKeepTheirBytesAndStatusesAndOtherMembersFollow() throws Exception {
    String escaped = "{\"from\":\"6281200000001\",\"id\":\"wamid.E1\",\"timestamp\":\"1767225600\",\"type\":\"text\","
        + "\"text\":{\"body\":\"\\u00e9 \\ud83d\\udc4d\"}}";
    String status = "{\"id\":\"wamid.OUT\",\"status\":\"read\",\"timestamp\":\"1767225650\",\"recipient_id\":\"6281200000001\"}";
    String body = CloudApiDelivery.to("1", "15550001111", "2").message(escaped).status(status)
        .members("\"errors\":[{\"code\":130429,\"title\":\"Rate limit hit\"}]").encode();

    assertThat(body).contains(escaped, "\"statuses\":[" + status + "]");
    Delivery parsed = WebhookParser.parse(new JsonObject(body));
    assertThat(parsed.messages()).singleElement().satisfies(m -> assertThat(m.message().wamid()).isEqualTo("wamid.E1"));
    assertThat(parsed.statuses()).singleElement().satisfies(s -> assertThat(s.status()).isEqualTo("read"));
    assertThat(parsed.errors()).singleElement().satisfies(e -> assertThat(e.error().code()).isEqualTo(130429));
  }
}
