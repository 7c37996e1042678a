package io.kontak.registry.importing;

import io.vertx.core.json.JsonObject;

/**
 * One reason a registry file was refused. {@code line} is 1-based (0 for the file as a whole);
 * {@code field} is null when the problem is not about one field.
 */
public record ImportError(int line, String field, String message) {

  public static ImportError file(String message) {
    return new ImportError(0, null, message);
  }

  public JsonObject toJson() {
    return new JsonObject().put("line", line).put("field", field).put("message", message);
  }
}
