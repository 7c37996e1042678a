package io.kontak.desk;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/** An HTTP answer as the tests read it. */
record Response(int status, String body, HttpResponse<String> raw) {
  static Response send(HttpClient http, HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body(), r);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  JsonObject json() {
    return new JsonObject(body);
  }

  JsonArray array() {
    return new JsonArray(body);
  }

  Optional<String> header(String name) {
    return raw.headers().firstValue(name);
  }

  /** The session cookie's value from Set-Cookie. */
  String cookie() {
    return raw.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("kontak_desk="))
        .map(c -> c.substring("kontak_desk=".length(), c.indexOf(';'))).findFirst().orElseThrow();
  }

  String setCookie() {
    return raw.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("kontak_desk=")).findFirst()
        .orElseThrow();
  }

  @Override
  public String toString() {
    return status + " " + body;
  }
}
