package io.kontak.desk.account;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;

/** A desk account as stored (without its password hash). */
public record Account(long id, String username, Role role, int capacity, String status, boolean disabled,
                      OffsetDateTime createdAt) {

  static Account from(Row row) {
    return new Account(row.getLong("id"), row.getString("username"), Role.parse(row.getString("role")).orElseThrow(),
        row.getInteger("capacity"), row.getString("status"), row.getOffsetDateTime("disabled_at") != null,
        row.getOffsetDateTime("created_at"));
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("username", username).put("role", role.wire()).put("capacity", capacity)
        .put("status", status).put("disabled", disabled).put("created_at", createdAt.toInstant().toString());
  }
}
