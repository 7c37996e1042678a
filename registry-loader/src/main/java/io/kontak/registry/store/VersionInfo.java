package io.kontak.registry.store;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;

/** The audit record of one registry version. */
public record VersionInfo(int version, OffsetDateTime createdAt, String createdBy, String fileName,
                          String fileSha256, String format, int rowCount, JsonObject countsByStatus,
                          Integer basedOn, int added, int removed, int statusChanged, boolean active,
                          OffsetDateTime activatedAt) {

  /** Added, removed, status changed. */
  public java.util.List<Integer> diff() {
    return java.util.List.of(added, removed, statusChanged);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("version", version)
        .put("created_at", createdAt.toString())
        .put("created_by", createdBy)
        .put("file_name", fileName)
        .put("file_sha256", fileSha256)
        .put("format", format)
        .put("count", rowCount)
        .put("counts_by_status", countsByStatus)
        .put("based_on", basedOn)
        .put("diff", new JsonObject().put("added", added).put("removed", removed).put("status_changed", statusChanged))
        .put("active", active)
        .put("activated_at", activatedAt == null ? null : activatedAt.toString());
  }
}
