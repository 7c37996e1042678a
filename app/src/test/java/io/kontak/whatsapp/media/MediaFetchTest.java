package io.kontak.whatsapp.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontak.whatsapp.Fixtures;
import io.kontak.whatsapp.WhatsAppTestNode;
import io.kontak.whatsapp.fake.CloudApiDelivery;
import io.kontak.whatsapp.fake.FakeGraphApi;
import io.kontak.whatsapp.fake.FakeGraphApi.FakeMedia;
import io.kontak.whatsapp.fake.FakeGraphApi.ScriptedError;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Citizens' media reach Postgres on arrival: through the signed webhook, fetched from a fake Graph
 * API that serves media like Meta (id lookup, then the download link, both with the bearer token).
 */
class MediaFetchTest {
  static final Duration WAIT = Duration.ofSeconds(20);
  static final long MAX_BYTES = 64 * 1024;
  static final AtomicInteger WAMIDS = new AtomicInteger();

  Vertx metaSide;
  FakeGraphApi graph;
  WhatsAppTestNode node;

  @BeforeEach
  void start() {
    metaSide = Vertx.vertx();
    graph = FakeGraphApi.start(metaSide, WhatsAppTestNode.ACCESS_TOKEN).await();
    node = WhatsAppTestNode.start(graph, Map.of("KONTAK_CONVERSATION_ENGINE", "false",
        "KONTAK_MEDIA_MAX_BYTES", Long.toString(MAX_BYTES)));
  }

  @AfterEach
  void stop() {
    node.close();
    metaSide.close().await();
  }

  @Test
  void anImageIsFetchedOnArrivalAndStoredWithItsTypeSizeCaptionAndChecksum() throws Exception {
    byte[] png = TestMedia.png(40, 30);
    FakeMedia file = graph.registerMedia(png, "image/png");
    String wamid = deliver(w -> CloudApiDelivery.image(Fixtures.CITIZEN, w, now(), file, Optional.of("Bukti transfer")));

    Row row = awaitSettled(wamid);
    assertThat(row.getString("state")).isEqualTo("stored");
    assertThat(row.getBuffer("bytes").getBytes()).isEqualTo(png);
    assertThat(row.getString("kind")).isEqualTo("image");
    assertThat(row.getString("mime_type")).isEqualTo("image/png");
    assertThat(row.getLong("byte_size")).isEqualTo(png.length);
    assertThat(row.getString("caption")).isEqualTo("Bukti transfer");
    assertThat(row.getBuffer("sha256").getBytes()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(png));
    assertThat(row.getInteger("attempts")).isEqualTo(1);
    assertThat(row.getValue("fetched_at")).isNotNull();
  }

  @Test
  void aDocumentKeepsItsFileName() {
    byte[] pdf = "%PDF-1.4\n% a small document\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    FakeMedia file = graph.registerMedia(pdf, "application/pdf");
    String wamid = deliver(w -> CloudApiDelivery.document(Fixtures.CITIZEN, w, now(), file, "perjanjian.pdf",
        Optional.empty()));

    Row row = awaitSettled(wamid);
    assertThat(row.getString("state")).isEqualTo("stored");
    assertThat(row.getString("filename")).isEqualTo("perjanjian.pdf");
    assertThat(row.getString("mime_type")).isEqualTo("application/pdf");
    assertThat(row.getBuffer("bytes").getBytes()).isEqualTo(pdf);
  }

  @Test
  void bytesThatDoNotMatchMetasChecksumAreNotStored() {
    FakeMedia file = graph.registerMedia(TestMedia.png(8, 8), "image/png", "00".repeat(32));
    String wamid = deliver(w -> CloudApiDelivery.image(Fixtures.CITIZEN, w, now(), file, Optional.empty()));

    Row row = awaitSettled(wamid);
    assertThat(row.getString("state")).isEqualTo("failed");
    assertThat(row.getString("failure")).isEqualTo("checksum_mismatch");
    assertThat(row.getValue("bytes")).isNull();
  }

  @Test
  void aWebhookChecksumThatDoesNotMatchFailsToo() {
    FakeMedia file = graph.registerMedia(TestMedia.png(8, 8), "image/png");
    String other = java.util.Base64.getEncoder().encodeToString(new byte[32]);
    String wamid = deliver(w -> {
      JsonObject message = CloudApiDelivery.image(Fixtures.CITIZEN, w, now(), file, Optional.empty());
      message.getJsonObject("image").put("sha256", other);
      return message;
    });

    Row row = awaitSettled(wamid);
    assertThat(row.getString("failure")).isEqualTo("checksum_mismatch");
  }

  @Test
  void anExpiredMediaIdFailsAtOnceAsExpired() {
    FakeMedia file = graph.registerMedia(TestMedia.png(8, 8), "image/png");
    graph.expireMedia(file.id());
    String wamid = deliver(w -> CloudApiDelivery.image(Fixtures.CITIZEN, w, now(), file, Optional.empty()));

    Row row = awaitSettled(wamid);
    assertThat(row.getString("state")).isEqualTo("failed");
    assertThat(row.getString("failure")).isEqualTo("expired");
    assertThat(row.getInteger("attempts")).isEqualTo(1);
  }

  @Test
  void aFileOverTheLimitIsNotDownloaded() {
    byte[] large = new byte[(int) MAX_BYTES + 1];
    FakeMedia file = graph.registerMedia(large, "application/pdf");
    int before = graph.mediaRequests();
    String wamid = deliver(w -> CloudApiDelivery.document(Fixtures.CITIZEN, w, now(), file, "big.pdf", Optional.empty()));

    Row row = awaitSettled(wamid);
    assertThat(row.getString("state")).isEqualTo("failed");
    assertThat(row.getString("failure")).isEqualTo("too_large");
    assertThat(row.getValue("bytes")).isNull();
    assertThat(graph.mediaRequests() - before).as("the id lookup only, no download").isEqualTo(1);
  }

  @Test
  void metaServerErrorsAreRetriedUntilTheFileArrives() {
    byte[] png = TestMedia.png(16, 16);
    FakeMedia file = graph.registerMedia(png, "image/png");
    graph.failNextMedia(2, ScriptedError.serverError());
    String wamid = deliver(w -> CloudApiDelivery.image(Fixtures.CITIZEN, w, now(), file, Optional.empty()));

    Row row = awaitSettled(wamid);
    assertThat(row.getString("state")).isEqualTo("stored");
    assertThat(row.getInteger("attempts")).isEqualTo(3);
    assertThat(row.getBuffer("bytes")).isEqualTo(Buffer.buffer(png));
  }

  @Test
  void aLocationHasNoFileToFetch() {
    String wamid = deliver(w -> new JsonObject().put("from", Fixtures.CITIZEN).put("id", w)
        .put("timestamp", Long.toString(now())).put("type", "location")
        .put("location", new JsonObject().put("latitude", -6.2253).put("longitude", 106.8083).put("name", "Kantor")));

    assertThat(node.count("SELECT count(*) FROM wa_inbound WHERE wamid = $1", wamid)).isEqualTo(1);
    assertThat(node.count("SELECT count(*) FROM wa_media WHERE wamid = $1", wamid)).isZero();
  }

  @Test
  void retentionsDeleteOfTheMessageTakesItsFileWithIt() {
    FakeMedia file = graph.registerMedia(TestMedia.png(8, 8), "image/png");
    String wamid = deliver(w -> CloudApiDelivery.image(Fixtures.CITIZEN, w, now(), file, Optional.empty()));
    assertThat(awaitSettled(wamid).getString("state")).isEqualTo("stored");

    node.rows("DELETE FROM wa_inbound WHERE wamid = $1", wamid);
    assertThat(node.count("SELECT count(*) FROM wa_media WHERE wamid = $1", wamid)).isZero();
  }

  String deliver(java.util.function.Function<String, JsonObject> message) {
    String wamid = "wamid.MEDIA" + WAMIDS.incrementAndGet() + "_" + System.nanoTime();
    String body = CloudApiDelivery.to(Fixtures.WABA_ID, Fixtures.DISPLAY_PHONE_NUMBER, Fixtures.PHONE_NUMBER_ID)
        .contact(Fixtures.CITIZEN, "Siti Uji").message(message.apply(wamid)).encode();
    HttpResponse<String> response = node.deliver(body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return wamid;
  }

  /** The file's row once the fetcher settled it (stored or failed). */
  Row awaitSettled(String wamid) {
    await().atMost(WAIT).until(() -> node.count(
        "SELECT count(*) FROM wa_media WHERE wamid = $1 AND state IN ('stored', 'failed')", wamid) == 1);
    return node.rows("SELECT * FROM wa_media WHERE wamid = $1", wamid).getFirst();
  }

  static long now() {
    return Instant.now().getEpochSecond();
  }
}
