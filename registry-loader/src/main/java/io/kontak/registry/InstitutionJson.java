package io.kontak.registry;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.List;

/** The canonical JSON shape of an {@link Institution} (the import contract's field names). */
public final class InstitutionJson {
  private InstitutionJson() {
  }

  public static JsonObject toJson(Institution i) {
    return new JsonObject()
        .put("id", i.id())
        .put("name", i.name())
        .put("brands", new JsonArray(i.brands()))
        .put("aliases", new JsonArray(i.aliases()))
        .put("sector", i.sector())
        .put("status", i.status().wire())
        .put("license_no", i.licenseNo())
        .put("websites", new JsonArray(i.websites()))
        .put("phones", new JsonArray(i.phones()))
        .put("emails", new JsonArray(i.emails()))
        .put("address", i.address())
        .put("source", i.source())
        .put("notes", i.notes())
        .put("since", i.since() == null ? null : i.since().toString());
  }

  /** Reads a row this class wrote (stored rows are valid by construction). */
  public static Institution fromJson(JsonObject o) {
    return new Institution(
        o.getString("id"),
        o.getString("name"),
        strings(o.getJsonArray("brands")),
        strings(o.getJsonArray("aliases")),
        o.getString("sector"),
        Status.parse(o.getString("status")).orElseThrow(),
        o.getString("license_no"),
        strings(o.getJsonArray("websites")),
        strings(o.getJsonArray("phones")),
        strings(o.getJsonArray("emails")),
        o.getString("address"),
        o.getString("source"),
        o.getString("notes"),
        o.getString("since") == null ? null : LocalDate.parse(o.getString("since")));
  }

  private static List<String> strings(JsonArray array) {
    return array == null ? List.of() : array.stream().map(String::valueOf).toList();
  }
}
