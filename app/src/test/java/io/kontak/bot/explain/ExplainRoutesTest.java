package io.kontak.bot.explain;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontak.app.TestNode;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /api/nlu/explain} over HTTP with the trained NLU and the demo registry. */
class ExplainRoutesTest {
  static TestNode node;

  @BeforeAll
  static void start() {
    node = new TestNode(Map.of("KONTAK_DEMO_REGISTRY", "true"));
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  @Test
  void needsTheStaffToken() {
    HttpResponse<String> anonymous = node.send(HttpRequest.newBuilder(node.uri("/api/nlu/explain"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"halo\"}")));
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  @Test
  void explainsARegistryQuestionInEachLanguage() {
    JsonObject id = explain("{\"text\":\"min, kilaumodal legal gak?\"}");
    assertThat(id.getString("language")).isEqualTo("id");
    assertThat(id.getJsonObject("intent").getString("name")).isEqualTo("check_registration");
    assertThat(id.getJsonObject("intent").getDouble("confidence")).isBetween(0.0, 1.0);
    assertThat(id.getJsonArray("entities").getJsonObject(0).getString("text")).isEqualToIgnoringCase("kilaumodal");
    assertThat(id.getJsonObject("lookup").getString("verdict")).isEqualTo("legal");
    assertThat(id.getJsonObject("lookup").getJsonArray("matches").getJsonObject(0).getString("id")).isEqualTo("DEMO-006");
    assertThat(id.getString("reply")).contains("PT Kilau Modal Teknologi", "terdaftar");

    JsonObject en = explain("{\"text\":\"is garudaprofit-robot.net legit??\"}");
    assertThat(en.getString("language")).isEqualTo("en");
    assertThat(en.getJsonArray("entities").getJsonObject(0).getString("type")).isEqualTo("website");
    assertThat(en.getJsonObject("lookup").getString("verdict")).isEqualTo("warning");
    assertThat(en.getString("reply")).startsWith("WARNING");

    JsonObject es = explain("{\"text\":\"¿la Cooperativa Ahorro Andino está registrada?\"}");
    assertThat(es.getString("language")).isEqualTo("es");
    assertThat(es.getJsonObject("lookup").getString("verdict")).isEqualTo("legal");
    assertThat(es.getString("reply")).contains("registrada");
  }

  @Test
  void otherIntentsHaveNoLookupButAReply() {
    JsonObject greeting = explain("{\"text\":\"halo min\",\"lang\":\"id\"}");
    assertThat(greeting.getJsonObject("intent").getString("name")).isEqualTo("greeting");
    assertThat(greeting.getValue("lookup")).isNull();
    assertThat(greeting.getString("reply")).isNotBlank();
  }

  @Test
  void refusesBadRequests() {
    assertThat(post("not json").statusCode()).isEqualTo(400);
    assertThat(post("{\"txt\":\"halo\"}").statusCode()).isEqualTo(400);
    assertThat(post("{\"text\":\"halo\",\"lang\":\"fr\"}").statusCode()).isEqualTo(400);
    assertThat(post("{\"text\":\"" + "a".repeat(5000) + "\"}").statusCode()).isEqualTo(400);
  }

  private static JsonObject explain(String body) {
    HttpResponse<String> response = post(body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  private static HttpResponse<String> post(String body) {
    return node.staffPost("/api/nlu/explain", "application/json", body.getBytes(StandardCharsets.UTF_8));
  }
}
