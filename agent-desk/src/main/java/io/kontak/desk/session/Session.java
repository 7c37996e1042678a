package io.kontak.desk.session;

import io.kontak.desk.account.Role;
import io.vertx.core.json.JsonObject;

/**
 * A signed-in browser. {@code key} is the hash of the cookie's id (the id itself is never stored),
 * {@code csrf} the token every state-changing request must echo in {@code X-CSRF-Token}.
 */
public record Session(String key, long accountId, String username, Role role, String csrf, long createdMillis) {

  JsonObject toJson() {
    return new JsonObject().put("account", accountId).put("username", username).put("role", role.wire())
        .put("csrf", csrf).put("created", createdMillis);
  }

  static Session fromJson(String key, JsonObject json) {
    return new Session(key, json.getLong("account"), json.getString("username"),
        Role.parse(json.getString("role")).orElseThrow(), json.getString("csrf"), json.getLong("created"));
  }
}
