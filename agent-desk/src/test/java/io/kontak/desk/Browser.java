package io.kontak.desk;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;

/** A signed-in desk user: the session cookie and the CSRF token login returned. */
record Browser(DeskTestNode node, String username, String cookie, String csrf) {
  Response get(String path) {
    return call("GET", path, null, true);
  }

  Response post(String path, Object body) {
    return call("POST", path, body, true);
  }

  Response put(String path, Object body) {
    return call("PUT", path, body, true);
  }

  Response delete(String path) {
    return call("DELETE", path, null, true);
  }

  /** A request without the CSRF header (what a cross-site form could send). */
  Response withoutCsrf(String method, String path, Object body) {
    return call(method, path, body, false);
  }

  Response call(String method, String path, Object body, boolean csrfHeader) {
    HttpRequest.Builder request = HttpRequest.newBuilder(node.uri(path)).header("Cookie", "kontak_desk=" + cookie);
    if (csrfHeader) {
      request.header("X-CSRF-Token", csrf);
    }
    return Response.send(node.http, DeskTestNode.withBody(request, method, body));
  }

  void status(String status) {
    Response r = put("/api/desk/me/status", new JsonObject().put("status", status));
    if (r.status() != 200) {
      throw new AssertionError("status " + status + ": " + r);
    }
  }

  Response reply(long conversation, String text) {
    return post("/api/desk/chats/" + conversation + "/messages", new JsonObject().put("text", text));
  }

  Response close(long conversation) {
    return post("/api/desk/chats/" + conversation + "/close", new JsonObject().put("resolution", "answered"));
  }

  Response transfer(long conversation, String to) {
    return post("/api/desk/chats/" + conversation + "/transfer", new JsonObject().put("to", to));
  }
}
