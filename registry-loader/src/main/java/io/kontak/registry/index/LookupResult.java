package io.kontak.registry.index;

import io.kontak.registry.InstitutionJson;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A verdict with the registry version that gave it and the query as understood. */
public record LookupResult(String query, int registryVersion, Verdict verdict) {

  /** The JSON shape shared by the search route and {@code /api/nlu/explain}'s {@code lookup}. */
  public JsonObject toJson() {
    JsonArray matches = new JsonArray();
    for (Match m : verdict.matches()) {
      matches.add(new JsonObject()
          .put("id", m.institution().id())
          .put("name", m.institution().name())
          .put("status", m.institution().status().wire())
          .put("score", Math.round(m.score() * 1000) / 1000.0)
          .put("matched_on", m.matchedOn())
          .put("institution", InstitutionJson.toJson(m.institution())));
    }
    return new JsonObject()
        .put("query", query)
        .put("verdict", verdict.name())
        .put("registry_version", registryVersion)
        .put("matches", matches);
  }
}
