package io.kontak.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontak.core.testing.OjkSample;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The registry routes through HTTP against a real node, Postgres and Redis. */
class RegistryApiTest {
  static final String NDJSON = "application/x-ndjson";
  @AutoClose
  final TestNode node = TestNode.forRegistryUploads();

  @Test
  void importingTheRealOjkRegistryGives201AndTheSearchAnswersFromIt() throws Exception {
    assertThat(node.get("/health").statusCode()).isEqualTo(503);  // no registry yet

    HttpResponse<String> created = node.staffPost("/api/registry/imports", NDJSON, OjkSample.jsonLines());
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(new JsonObject(created.body()).getInteger("version")).isEqualTo(1);
    assertThat(new JsonObject(created.body()).getInteger("count")).isEqualTo(8263);

    JsonObject legal = search("kredivo");
    assertThat(legal.getString("verdict")).isEqualTo("legal");
    assertThat(legal.getJsonArray("matches").getJsonObject(0).getString("status")).isEqualTo("registered");
    assertThat(search("https://www.investree.id/").getString("verdict")).isEqualTo("legal");
    assertThat(search("alipinjaman1818@gmail.com").getString("verdict")).isEqualTo("warning");
    assertThat(search("Lunaria Ajaib Makmur Sentosa").getString("verdict")).isEqualTo("not_found");

    JsonObject health = new JsonObject(node.get("/health").body());
    assertThat(health.getString("status")).isEqualTo("up");
    assertThat(health.getJsonObject("checks").getJsonObject("registry").getInteger("institutions")).isEqualTo(8263);

    // made-up paths share one label rather than each getting a time series
    assertThat(node.get("/probe-" + System.nanoTime()).statusCode()).isEqualTo(404);
    assertThat(node.get("/wp-admin/setup.php").statusCode()).isEqualTo(404);
    HttpResponse<String> metrics = node.get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    assertThat(metrics.body()).contains("kontak_registry_institutions 8263.0", "kontak_registry_version 1.0",
        "jvm_memory_used_bytes", "kontak_http_responses_total{route=\"/api/registry\",status=\"2xx\"}",
        "kontak_http_responses_total{route=\"other\",status=\"4xx\"}");
    assertThat(metrics.body()).doesNotContain("/probe-", "wp-admin");
  }

  @Test
  void aBrokenFileGets422WithAllItsErrorsAndThePreviousVersionKeepsAnswering() {
    assertThat(node.staffPost("/api/registry/imports", NDJSON, row("A-1", "Dana Kilat", "licensed")).statusCode()).isEqualTo(201);

    String broken = """
        {"id":"A-1","name":"Dana Kilat","sector":"p2p_lending","status":"licenced"}
        {"id":"A-2","name":"","sector":"p2p_lending","status":"illegal"}
        not json at all
        {"id":"A-2","name":"Uang Kilat","sector":"p2p_lending","status":"illegal","since":"2021-13-01"}
        """;
    HttpResponse<String> refused = node.staffPost("/api/registry/imports", NDJSON, broken.getBytes(StandardCharsets.UTF_8));
    assertThat(refused.statusCode()).isEqualTo(422);
    JsonArray errors = new JsonObject(refused.body()).getJsonArray("errors");
    assertThat(errors.stream().map(e -> ((JsonObject) e).getInteger("line") + ":" + ((JsonObject) e).getString("field")))
        .containsExactlyInAnyOrder("1:status", "2:name", "3:null", "4:id", "4:since");
    assertThat(errors.getJsonObject(0).getString("message")).isNotBlank();

    JsonObject stillThere = search("dana kilat");
    assertThat(stillThere.getString("verdict")).isEqualTo("legal");
    assertThat(stillThere.getInteger("registry_version")).isEqualTo(1);
  }

  @Test
  void csvImportsToo() {
    String csv = "id,name,brands,sector,status,websites\n"
        + "C-1,PT Koperasi Sejahtera Bersama,Sejahtera|KSB,cooperative,registered,https://ksb.co.id\n"
        + "C-2,Sejahtera Cepat,,p2p_lending,illegal,\n";
    HttpResponse<String> created = node.staffPost("/api/registry/imports", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(search("ksb.co.id").getString("verdict")).isEqualTo("legal");
    assertThat(search("Sejahtera Cepat").getString("verdict")).isEqualTo("warning");
  }

  @Test
  void staffRoutesNeedTheToken() {
    HttpResponse<String> none = node.send(HttpRequest.newBuilder(node.uri("/api/registry/imports"))
        .header("Content-Type", NDJSON).POST(HttpRequest.BodyPublishers.ofByteArray(row("A", "B", "licensed"))));
    assertThat(none.statusCode()).isEqualTo(401);
    HttpResponse<String> wrong = node.send(HttpRequest.newBuilder(node.uri("/api/registry/versions"))
        .header("Authorization", "Bearer nope").GET());
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(node.staffGet("/api/registry/versions").statusCode()).isEqualTo(200);
  }

  @Test
  void oversizedUnknownTypeAndEmptyBodiesAreRefusedAndNothingIsStored() {
    byte[] huge = new byte[9 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) ' ');
    assertThat(node.staffPost("/api/registry/imports", NDJSON, huge).statusCode()).isEqualTo(413);
    assertThat(node.staffPost("/api/registry/imports", "text/plain", row("A", "B", "licensed")).statusCode()).isEqualTo(415);
    HttpResponse<String> empty = node.staffPost("/api/registry/imports", NDJSON, new byte[0]);
    assertThat(empty.statusCode()).isEqualTo(422);
    assertThat(empty.body()).contains("empty");
    assertThat(new JsonObject(node.staffGet("/api/registry/versions").body()).getJsonArray("versions")).isEmpty();
  }

  @Test
  void versionsCanBeListedInspectedAndRolledBack() {
    node.staffPost("/api/registry/imports", NDJSON, row("A-1", "Dana Kilat", "licensed"));
    node.staffPost("/api/registry/imports", NDJSON, row("A-1", "Dana Kilat", "revoked"));
    assertThat(search("dana kilat").getString("verdict")).isEqualTo("warning");

    JsonObject v2 = new JsonObject(node.staffGet("/api/registry/versions/2").body());
    assertThat(v2.getJsonObject("diff").getInteger("status_changed")).isEqualTo(1);
    assertThat(v2.getJsonArray("changes").getJsonObject(0).getString("old_status")).isEqualTo("licensed");

    HttpResponse<String> rollback = node.staffPost("/api/registry/versions/1/activate", NDJSON, new byte[0]);
    assertThat(rollback.statusCode()).isEqualTo(200);
    assertThat(search("dana kilat").getString("verdict")).isEqualTo("legal");
    JsonArray versions = new JsonObject(node.staffGet("/api/registry/versions").body()).getJsonArray("versions");
    assertThat(versions.stream().filter(v -> ((JsonObject) v).getBoolean("active")).map(v -> ((JsonObject) v).getInteger("version")))
        .containsExactly(1);
    assertThat(node.staffPost("/api/registry/versions/42/activate", NDJSON, new byte[0]).statusCode()).isEqualTo(404);
    assertThat(node.staffGet("/api/registry/versions/abc").statusCode()).isEqualTo(400);
  }

  @Test
  void validationChecksWithoutImporting() {
    HttpResponse<String> ok = node.staffPost("/api/registry/validations", NDJSON, row("A-1", "Dana Kilat", "licensed"));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(ok.body()).getInteger("count")).isEqualTo(1);
    assertThat(node.staffPost("/api/registry/validations", NDJSON, "{}".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(422);
    assertThat(new JsonObject(node.staffGet("/api/registry/versions").body()).getJsonArray("versions")).isEmpty();
  }

  @Test
  void searchNeedsAQuery() {
    assertThat(node.get("/api/registry/search").statusCode()).isEqualTo(400);
    assertThat(node.get("/api/registry/search?q=" + "x".repeat(300)).statusCode()).isEqualTo(400);
  }

  private JsonObject search(String q) {
    HttpResponse<String> response = node.get("/api/registry/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    assertThat(response.statusCode()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  static byte[] row(String id, String name, String status) {
    return ("{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"sector\":\"p2p_lending\",\"status\":\"" + status + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
