package io.kontak.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontak.core.testing.OjkSample;
import io.vertx.core.json.JsonObject;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The registry API with a desk session: registry admins only, with the session's CSRF token. */
class RegistryAdminSessionTest {
  private static final String NDJSON = "application/x-ndjson";
  private static final String PASSWORD = "correct horse battery";
  private static final byte[] ONE_ROW =
      "{\"id\":\"A-1\",\"name\":\"Dana Kilat\",\"sector\":\"p2p_lending\",\"status\":\"licensed\"}\n"
          .getBytes(StandardCharsets.UTF_8);
  @AutoClose
  final TestNode node = TestNode.forRegistryUploads();

  @Test
  void aRegistryAdminImportsValidatesAndActivatesWithTheSession() throws Exception {
    Browser rina = signIn("rina", "registry_admin");

    // the whole real registry (megabytes, many reads) arrives intact behind the asynchronous session check
    HttpResponse<String> created = rina.post("/api/registry/imports", NDJSON, OjkSample.jsonLines(), true);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(new JsonObject(created.body()).getInteger("count")).isEqualTo(8263);
    assertThat(rina.post("/api/registry/imports", NDJSON, ONE_ROW, true).statusCode()).isEqualTo(201);
    assertThat(rina.post("/api/registry/validations", NDJSON, ONE_ROW, true).statusCode()).isEqualTo(200);

    HttpResponse<String> rolledBack = rina.post("/api/registry/versions/1/activate", null, new byte[0], true);
    assertThat(rolledBack.statusCode()).as(rolledBack.body()).isEqualTo(200);
    HttpResponse<String> versions = rina.get("/api/registry/versions");
    assertThat(versions.statusCode()).isEqualTo(200);
    // the audit names the admin, not "api"
    JsonObject first = new JsonObject(versions.body()).getJsonArray("versions").stream()
        .map(JsonObject.class::cast).filter(v -> v.getInteger("version") == 1).findFirst().orElseThrow();
    assertThat(first.getString("created_by")).isEqualTo("rina");
    assertThat(first.getBoolean("active")).isTrue();
    assertThat(new JsonObject(node.get("/api/registry/search?q=kredivo").body()).getString("verdict")).isEqualTo("legal");
  }

  @Test
  void withoutTheCsrfTokenAChangeIsRefusedWith403() {
    Browser rina = signIn("rina", "registry_admin");
    HttpResponse<String> refused = rina.post("/api/registry/imports", NDJSON, ONE_ROW, false);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("X-CSRF-Token");
    assertThat(rina.post("/api/registry/versions/1/activate", null, new byte[0], false).statusCode()).isEqualTo(403);
    assertThat(new JsonObject(rina.get("/api/registry/versions").body()).getJsonArray("versions")).isEmpty();
  }

  @Test
  void agentsAndSupervisorsAreRefusedAndAnEndedSessionIsNobody() {
    for (String role : new String[] {"agent", "supervisor"}) {
      Browser other = signIn("x-" + role, role);
      HttpResponse<String> refused = other.post("/api/registry/imports", NDJSON, ONE_ROW, true);
      assertThat(refused.statusCode()).as(role).isEqualTo(403);
      assertThat(refused.body()).contains("registry administrators only");
      assertThat(other.get("/api/registry/versions").statusCode()).as(role).isEqualTo(403);
    }
    Browser rina = signIn("rina", "registry_admin");
    assertThat(rina.delete("/api/desk/session").statusCode()).isEqualTo(204);
    assertThat(rina.post("/api/registry/imports", NDJSON, ONE_ROW, true).statusCode()).isEqualTo(401);
    assertThat(rina.get("/api/registry/versions").statusCode()).isEqualTo(401);
    // the staff token still works
    assertThat(node.staffPost("/api/registry/imports", NDJSON, ONE_ROW).statusCode()).isEqualTo(201);
  }

  /** One signed-in desk user: its own cookie jar and CSRF token. */
  final class Browser {
    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String csrf;

    HttpResponse<String> get(String path) {
      return TestHttp.send(http, HttpRequest.newBuilder(node.uri(path)).GET());
    }

    HttpResponse<String> delete(String path) {
      return TestHttp.send(http, HttpRequest.newBuilder(node.uri(path)).header("X-CSRF-Token", csrf).DELETE());
    }

    HttpResponse<String> post(String path, String contentType, byte[] body, boolean withCsrf) {
      HttpRequest.Builder request = HttpRequest.newBuilder(node.uri(path))
          .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      if (contentType != null) {
        request.header("Content-Type", contentType).header("X-File-Name", "ojk.jsonl");
      }
      if (withCsrf) {
        request.header("X-CSRF-Token", csrf);
      }
      return TestHttp.send(http, request);
    }
  }

  private Browser signIn(String username, String role) {
    String account = new JsonObject().put("username", username).put("password", PASSWORD).put("role", role).encode();
    assertThat(node.staffPost("/api/desk/users", "application/json", account.getBytes(StandardCharsets.UTF_8))
        .statusCode()).isEqualTo(201);
    Browser browser = new Browser();
    HttpResponse<String> session = TestHttp.send(browser.http, HttpRequest.newBuilder(node.uri("/api/desk/session"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            new JsonObject().put("username", username).put("password", PASSWORD).encode())));
    assertThat(session.statusCode()).isEqualTo(200);
    browser.csrf = new JsonObject(session.body()).getString("csrf_token");
    return browser;
  }
}
