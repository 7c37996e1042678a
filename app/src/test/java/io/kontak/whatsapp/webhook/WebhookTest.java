package io.kontak.whatsapp.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontak.core.bus.Addresses;
import io.kontak.core.conversation.CitizenId;
import io.kontak.core.testing.TestServices;
import io.kontak.whatsapp.Fixtures;
import io.kontak.whatsapp.NodeWithFakeMetaTest;
import io.kontak.whatsapp.WhatsAppTestNode;
import io.kontak.whatsapp.inbound.InboundQueue;
import io.kontak.whatsapp.message.InboundMessage;
import io.kontak.whatsapp.message.InboundMessage.ButtonReply;
import io.kontak.whatsapp.message.InboundMessage.Contacts;
import io.kontak.whatsapp.message.InboundMessage.ListReply;
import io.kontak.whatsapp.message.InboundMessage.Location;
import io.kontak.whatsapp.message.InboundMessage.Media;
import io.kontak.whatsapp.message.InboundMessage.MediaKind;
import io.kontak.whatsapp.message.InboundMessage.QuickReply;
import io.kontak.whatsapp.message.InboundMessage.Reaction;
import io.kontak.whatsapp.message.InboundMessage.Text;
import io.kontak.whatsapp.message.InboundMessage.Unsupported;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** {@code /webhook} through HTTP against a real node and Postgres. */
class WebhookTest extends NodeWithFakeMetaTest {
  @Test
  void theHandshakeEchoesTheChallengeOnlyForTheVerifyToken() {
    HttpResponse<String> ok = node.get("/webhook?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token="
        + WhatsAppTestNode.VERIFY_TOKEN);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo("1158201444");
    assertThat(ok.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));

    String odd = "abc-ÄÖ 123_~.";
    HttpResponse<String> echoed = node.get("/webhook?hub.mode=subscribe&hub.challenge="
        + URLEncoder.encode(odd, StandardCharsets.UTF_8) + "&hub.verify_token=" + WhatsAppTestNode.VERIFY_TOKEN);
    assertThat(echoed.body()).isEqualTo(odd);

    assertThat(node.get("/webhook?hub.mode=subscribe&hub.challenge=1&hub.verify_token=nope").statusCode()).isEqualTo(403);
    assertThat(node.get("/webhook?hub.mode=unsubscribe&hub.challenge=1&hub.verify_token="
        + WhatsAppTestNode.VERIFY_TOKEN).statusCode()).isEqualTo(403);
    assertThat(node.get("/webhook").statusCode()).isEqualTo(403);
  }

  @Test
  void everyFixtureIsParsedStoredAndAnnounced() {
    HttpResponse<String> response = node.deliver(Fixtures.messages(Fixtures.ALL_MESSAGES.toArray(String[]::new)));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(response.body()).getInteger("stored")).isEqualTo(14);

    assertThat(node.rows("SELECT kind FROM wa_inbound ORDER BY seq").stream().map(r -> r.getString(0)))
        .containsExactly("text", "button_reply", "list_reply", "quick_reply", "image", "audio", "video", "document",
            "sticker", "location", "contacts", "reaction", "reaction", "unsupported");
    assertThat(node.count("SELECT count(*) FROM wa_inbound WHERE processed_at IS NULL AND citizen = 'wa:6281200000001'"
        + " AND phone_number_id = '200000000000002' AND sent_at = to_timestamp(1767225600)")).isEqualTo(14);

    Text text = (Text) load("wamid.FX_TEXT_01");
    assertThat(text.body()).isEqualTo("Apakah PT Contoh terdaftar?");
    assertThat(text.citizen()).isEqualTo(CitizenId.ofWaId("6281200000001"));
    assertThat(text.header().profileName()).contains("Siti Uji");
    assertThat(text.header().timestamp()).isEqualTo(Instant.ofEpochSecond(1767225600));
    assertThat(text.header().phoneNumberId()).isEqualTo("200000000000002");

    ButtonReply button = (ButtonReply) load("wamid.FX_BTN_01");
    assertThat(button.id()).isEqualTo("menu_complaint");
    assertThat(button.title()).isEqualTo("Pengaduan");
    assertThat(button.header().contextMessageId()).contains("wamid.FX_OUT_BTN");

    ListReply list = (ListReply) load("wamid.FX_LIST_01");
    assertThat(list.id()).isEqualTo("sector_bank");
    assertThat(list.description()).contains("Bank umum & BPR");

    QuickReply quick = (QuickReply) load("wamid.FX_QR_01");
    assertThat(quick.payload()).isEqualTo("CONFIRM_YES");
    assertThat(quick.text()).isEqualTo("Ya");

    Media image = (Media) load("wamid.FX_IMG_01");
    assertThat(image.mediaKind()).isEqualTo(MediaKind.IMAGE);
    assertThat(image.mediaId()).isEqualTo("900000000000001");
    assertThat(image.mimeType()).isEqualTo("image/jpeg");
    assertThat(image.caption()).contains("Bukti transfer");
    Media audio = (Media) load("wamid.FX_AUD_01");
    assertThat(audio.voice()).isTrue();
    assertThat(audio.mimeType()).isEqualTo("audio/ogg; codecs=opus");
    assertThat(((Media) load("wamid.FX_VID_01")).mediaKind()).isEqualTo(MediaKind.VIDEO);
    Media document = (Media) load("wamid.FX_DOC_01");
    assertThat(document.filename()).contains("perjanjian.pdf");
    assertThat(((Media) load("wamid.FX_STK_01")).kind()).isEqualTo("sticker");

    Location location = (Location) load("wamid.FX_LOC_01");
    assertThat(location.latitude()).isEqualTo(-6.2253);
    assertThat(location.longitude()).isEqualTo(106.8083);
    assertThat(location.name()).contains("Kantor Contoh");

    Contacts contacts = (Contacts) load("wamid.FX_CON_01");
    assertThat(contacts.contacts()).singleElement().satisfies(c -> {
      assertThat(c.formattedName()).isEqualTo("Budi Contoh");
      assertThat(c.phones().getFirst().waId()).contains("6281200000002");
    });

    Reaction reaction = (Reaction) load("wamid.FX_REA_01");
    assertThat(reaction.emoji()).contains("👍");
    assertThat(reaction.messageId()).isEqualTo("wamid.FX_OUT_TEXT");
    assertThat(((Reaction) load("wamid.FX_REA_02")).removal()).isTrue();

    Unsupported unsupported = (Unsupported) load("wamid.FX_UNS_01");
    assertThat(unsupported.type()).isEqualTo("poll_creation");
    assertThat(unsupported.errors()).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo(131051));

    assertThat(node.rows("SELECT raw->'text'->>'body' FROM wa_inbound WHERE wamid = 'wamid.FX_TEXT_01'").getFirst().getString(0))
        .isEqualTo("Apakah PT Contoh terdaftar?");
    await().atMost(Duration.ofSeconds(5)).until(() -> node.events(Addresses.INBOUND_STORED).size() == 14);
    assertThat(node.events(Addresses.INBOUND_STORED).getFirst())
        .isEqualTo(new JsonObject().put("wamid", "wamid.FX_TEXT_01").put("citizen", "wa:6281200000001"));
  }

  @Test
  void usernamesStringCoordinatesAndUnknownTypesAreKept() {
    String delivery = Fixtures.envelope("""
        "contacts":[{"profile":{"name":"Anon"},"user_id":"ID.1502576394655843"}],
        "messages":[
         {"from_user_id":"ID.1502576394655843","id":"wamid.U1","timestamp":"1767225600","type":"text","text":{"body":"halo"},"brand_new_field":{"x":1}},
         {"from":"6281200000003","id":"wamid.L1","timestamp":1767225601,"type":"location","location":{"latitude":"-6.2","longitude":"106.8"}},
         {"from":"6281200000003","id":"wamid.O1","timestamp":"1767225602","type":"order","order":{"catalog_id":"1"}},
         {"from":"6281200000003","id":"wamid.N1","timestamp":"1767225603","type":"interactive","interactive":{"type":"nfm_reply","nfm_reply":{}}},
         {"from":"6281200000003","timestamp":"1767225604","type":"text","text":{"body":"no id: cannot be stored"}}
        ]""");
    assertThat(node.deliver(delivery).statusCode()).isEqualTo(200);

    Text anonymous = (Text) load("wamid.U1");
    assertThat(anonymous.citizen().key()).isEqualTo("user:ID.1502576394655843");
    assertThat(anonymous.header().profileName()).contains("Anon");
    assertThat(node.rows("SELECT user_id, wa_id FROM wa_inbound WHERE wamid = 'wamid.U1'").getFirst().getString(1)).isNull();
    Location location = (Location) load("wamid.L1");
    assertThat(location.latitude()).isEqualTo(-6.2);
    assertThat(((Unsupported) load("wamid.O1")).type()).isEqualTo("order");
    assertThat(((Unsupported) load("wamid.N1")).type()).isEqualTo("interactive.nfm_reply");
    assertThat(node.count("SELECT count(*) FROM wa_inbound")).isEqualTo(4);
  }

  @Test
  void aMissingOrWrongSignatureIs401AndNothingIsStored() {
    byte[] body = Fixtures.messages(Fixtures.TEXT).getBytes(StandardCharsets.UTF_8);
    String good = WebhookSignature.sign(WhatsAppTestNode.APP_SECRET, body);
    String otherSecret = WebhookSignature.sign("another_secret", body);
    String otherBody = WebhookSignature.sign(WhatsAppTestNode.APP_SECRET, "{}".getBytes(StandardCharsets.UTF_8));
    for (String signature : new String[] {null, "", "sha256=", "sha256=zz", otherSecret, otherBody,
        good.replace("sha256=", "sha1="), good.substring(0, good.length() - 2), good + "00"}) {
      assertThat(node.post(body, signature).statusCode()).as("signature %s", signature).isEqualTo(401);
    }
    assertThat(node.count("SELECT count(*) FROM wa_inbound")).isZero();
    assertThat(node.post(body, good.toUpperCase().replace("SHA256=", "sha256=")).statusCode()).isEqualTo(200);
  }

  @Test
  void theSignatureCoversTheRawBytesOfNonAsciiText() {
    String raw = "Apakah \"PT Maju Jaya\" terdaftar? é ñ 日本 👍🏽";
    String escaped = "\\u00e9 \\ud83d\\udc4d";  // Meta escapes non-ASCII: verify over these bytes, not a re-encoding
    String body = Fixtures.messages(
        "{\"id\":\"wamid.UTF8\",\"type\":\"text\",\"text\":{\"body\":\"" + raw.replace("\"", "\\\"") + "\"}}",
        "{\"id\":\"wamid.ESC\",\"type\":\"text\",\"text\":{\"body\":\"" + escaped + "\"}}");
    assertThat(node.deliver(body).statusCode()).isEqualTo(200);
    assertThat(((Text) load("wamid.UTF8")).body()).isEqualTo(raw);
    assertThat(((Text) load("wamid.ESC")).body()).isEqualTo("é 👍");

    // The same delivery re-serialized (escapes decoded) has other bytes: its original signature fails.
    byte[] original = body.getBytes(StandardCharsets.UTF_8);
    byte[] reencoded = new JsonObject(body).encode().getBytes(StandardCharsets.UTF_8);
    assertThat(node.post(reencoded, WebhookSignature.sign(WhatsAppTestNode.APP_SECRET, original)).statusCode()).isEqualTo(401);
  }

  @Test
  void theReferenceTestVectorVerifies() {
    byte[] body = "{\"object\":\"whatsapp_business_account\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);
    String expected = "sha256=dec6a680679a968e7e0319355b23599cbfc54502c0784668e9618baa0c633756";
    assertThat(WebhookSignature.sign("test_app_secret", body)).isEqualTo(expected);
    assertThat(new WebhookSignature("test_app_secret").verify(expected, body)).isTrue();
    assertThat(new WebhookSignature("").verify(expected, body)).isFalse();
    assertThat(node.post(body, expected).statusCode()).isEqualTo(200);  // the node's secret is test_app_secret
  }

  @Test
  void aRedeliveredMessageIsStoredAndAnnouncedOnce() {
    String delivery = Fixtures.messages(Fixtures.TEXT, Fixtures.IMAGE, Fixtures.TEXT);
    HttpResponse<String> first = node.deliver(delivery);
    HttpResponse<String> again = node.deliver(delivery);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(first.body()).getInteger("stored")).isEqualTo(2);
    assertThat(new JsonObject(again.body()).getInteger("stored")).isZero();
    assertThat(node.count("SELECT count(*) FROM wa_inbound")).isEqualTo(2);
    await().atMost(Duration.ofSeconds(5)).until(() -> node.events(Addresses.INBOUND_STORED).size() == 2);
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
        .until(() -> node.events(Addresses.INBOUND_STORED).size() == 2);
  }

  @Test
  void aThousandMessagesInOneDeliveryAreAllStored() {
    StringBuilder entries = new StringBuilder();
    for (int e = 0; e < 10; e++) {
      List<String> list = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        int n = e * 100 + i;
        list.add("{\"from\":\"62812%08d\",\"id\":\"wamid.BATCH_%04d\",\"timestamp\":\"1767225600\",\"type\":\"text\",\"text\":{\"body\":\"pesan %d\"}}"
            .formatted(n % 250, n, n));
      }
      if (e > 0) {
        entries.append(',');
      }
      entries.append("{\"id\":\"WABA").append(e).append("\",\"changes\":[{\"field\":\"messages\",\"value\":{")
          .append("\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550001111\",")
          .append("\"phone_number_id\":\"200000000000002\"},\"messages\":[").append(String.join(",", list))
          .append("]}}]}");
    }
    String delivery = "{\"object\":\"whatsapp_business_account\",\"entry\":[" + entries + "]}";
    HttpResponse<String> response = node.deliver(delivery);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(response.body()).getInteger("stored")).isEqualTo(1000);
    assertThat(node.count("SELECT count(*) FROM wa_inbound")).isEqualTo(1000);
    assertThat(node.count("SELECT count(DISTINCT citizen) FROM wa_inbound")).isEqualTo(250);
    await().atMost(Duration.ofSeconds(10)).until(() -> node.events(Addresses.INBOUND_STORED).size() == 1000);
    assertThat(node.events(Addresses.INBOUND_STORED).get(999).getString("wamid")).isEqualTo("wamid.BATCH_0999");
  }

  @Test
  void concurrentDeliveriesAreStoredOnceEachAndEachIsAckedAfterItsCommit() {
    int deliveries = 200;
    int distinctMessages = 150;  // deliveries i and i + 150 carry the same message, as Meta's duplicates do
    int distinctStatuses = 10;
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < deliveries; i++) {
      int n = i % distinctMessages;
      String message = """
          {"from":"62813%08d","id":"wamid.PAR_%03d","timestamp":"1767225600","type":"text","text":{"body":"pesan %d"}}"""
          .formatted(n, n, n);
      String statuses = i % 2 == 0
          ? ",\"statuses\":[" + Fixtures.status("wamid.OUT_" + (i / 2 % distinctStatuses), "delivered", 1767225607) + "]"
          : "";
      bodies.add(Fixtures.envelope("\"messages\":[" + message + "]" + statuses));
    }
    // One delivery Postgres refuses (a timestamp past year 294276): it alone is answered 400.
    bodies.add(100, Fixtures.envelope("""
        "messages":[{"from":"6281399999999","id":"wamid.PAR_BAD","timestamp":"9999999999999","type":"text","text":{"body":"x"}}]"""));

    List<HttpResponse<String>> responses = bodies.stream().map(node::deliverAsync).toList().stream()
        .map(CompletableFuture::join).toList();

    assertThat(responses.get(100).statusCode()).isEqualTo(400);
    List<HttpResponse<String>> good = new ArrayList<>(responses);
    good.remove(100);
    assertThat(good).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(200));
    // A 200 means committed: every message is readable as soon as the last answer is in.
    assertThat(node.count("SELECT count(*) FROM wa_inbound")).isEqualTo(distinctMessages);
    assertThat(good.stream().mapToInt(r -> new JsonObject(r.body()).getInteger("stored")).sum())
        .isEqualTo(distinctMessages);
    assertThat(node.count("SELECT count(*) FROM wa_status")).isEqualTo(distinctStatuses);
    // Stored in groups: fewer transactions than deliveries.
    assertThat(node.count("SELECT count(DISTINCT xmin::text) FROM wa_inbound")).isLessThan(deliveries);

    await().atMost(Duration.ofSeconds(10))
        .until(() -> node.events(Addresses.INBOUND_STORED).size() == distinctMessages);
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
        .until(() -> node.events(Addresses.INBOUND_STORED).size() == distinctMessages);
    assertThat(node.events(Addresses.INBOUND_STORED).stream().map(e -> e.getString("wamid")).distinct())
        .hasSize(distinctMessages);
  }

  @Test
  void malformedBodiesAre400AndNothingIsStored() {
    for (String body : new String[] {"", "not json", "[]", "null", "{\"object\":\"page\",\"entry\":[]}",
        "{\"object\":\"whatsapp_business_account\"}", "{\"object\":\"whatsapp_business_account\",\"entry\":{}}",
        "{\"object\":\"whatsapp_business_account\",\"entry\":[", "{\"object\":42,\"entry\":[]}"}) {
      HttpResponse<String> response = node.deliver(body);
      assertThat(response.statusCode()).as("body %s", body).isEqualTo(400);
    }
    assertThat(node.count("SELECT count(*) FROM wa_inbound")).isZero();

    // Odd shapes inside a real envelope are skipped, not a reason to refuse the delivery.
    String odd = "{\"object\":\"whatsapp_business_account\",\"entry\":[1,\"x\",{\"changes\":\"y\"},"
        + "{\"changes\":[{\"field\":\"messages\",\"value\":{\"messages\":[7,{\"id\":5}],\"statuses\":\"no\"}}]}]}";
    assertThat(node.deliver(odd).statusCode()).isEqualTo(200);
    assertThat(node.deliver(Fixtures.VALUE_ERRORS).statusCode()).isEqualTo(200);
    // jsonb refuses NUL characters: they are dropped, the message is stored
    assertThat(node.deliver(Fixtures.messages("{\"id\":\"wamid.NUL\",\"type\":\"text\",\"text\":{\"body\":\"a\\u0000b\"}}"))
        .statusCode()).isEqualTo(200);
    assertThat(((Text) load("wamid.NUL")).body()).isEqualTo("ab");
  }

  @Test
  void anOversizedBodyIs413AndNothingIsStored() {
    String padding = "x".repeat(4 * 1024 * 1024);
    String body = Fixtures.messages("{\"id\":\"wamid.BIG\",\"type\":\"text\",\"text\":{\"body\":\"" + padding + "\"}}");
    assertThat(node.deliver(body).statusCode()).isEqualTo(413);
    assertThat(node.count("SELECT count(*) FROM wa_inbound")).isZero();
  }

  @Test
  void whilePostgresIsDownDeliveriesGet503AndAreStoredOnceItIsBack() throws Exception {
    String delivery = Fixtures.messages(Fixtures.TEXT);
    setConnections(false);
    try {
      assertThat(node.deliver(delivery).statusCode()).isEqualTo(503);
      assertThat(node.deliver(delivery).statusCode()).isEqualTo(503);
    } finally {
      setConnections(true);
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> node.deliver(delivery).statusCode() == 200);
    assertThat(node.count("SELECT count(*) FROM wa_inbound")).isEqualTo(1);
  }

  /** Stops (or allows again) every connection to the node's database: Postgres is "down" for it. */
  private void setConnections(boolean allowed) throws Exception {
    var admin = TestServices.endpoints().admin();
    try (var c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
         var s = c.createStatement()) {
      s.execute("ALTER DATABASE " + node.database.database() + " ALLOW_CONNECTIONS " + allowed);
      if (!allowed) {
        s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
            + node.database.database() + "' AND pid <> pg_backend_pid()");
      }
    }
  }

  private InboundMessage load(String wamid) {
    Optional<InboundQueue.Stored> stored = InboundQueue.load(node.sql, wamid).await();
    assertThat(stored).as(wamid).isPresent();
    return stored.get().message();
  }
}
