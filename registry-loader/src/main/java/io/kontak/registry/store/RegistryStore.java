package io.kontak.registry.store;

import io.kontak.core.bus.Addresses;
import io.kontak.registry.Institution;
import io.kontak.registry.InstitutionJson;
import io.kontak.registry.importing.RegistryFile;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Registry versions in Postgres: the system of record every node's index is built from. */
public final class RegistryStore {
  /** Rows per INSERT: large enough to amortise round trips, small enough for modest parameters. */
  private static final int BATCH = 5_000;

  private final Pool pool;

  public RegistryStore(Pool pool) {
    this.pool = pool;
  }

  /** Stores a validated file as a new version (not yet active) with its diff against the active one. */
  public Future<VersionInfo> save(RegistryFile file, List<Institution> rows, String createdBy) {
    return pool.withTransaction(conn -> conn.query(RegistrySql.IMPORT_LOCK).execute()
        .compose(locked -> activeVersion(conn))
        .compose(previous -> conn.query(RegistrySql.NEXT_VERSION).execute()
            .map(rs -> rs.iterator().next().getInteger("version"))
            .compose(version -> conn.preparedQuery(RegistrySql.INSERT_VERSION).execute(Tuple.of(
                    version, createdBy, file.name(), file.sha256(), file.format().name().toLowerCase(),
                    rows.size(), countsByStatus(rows), previous.orElse(null)))
                .compose(inserted -> insertRows(conn, version, rows))
                .compose(done -> conn.preparedQuery(RegistrySql.INSERT_CHANGES)
                    .execute(Tuple.of(version, previous.orElse(-1))))
                .compose(done -> conn.preparedQuery(RegistrySql.COUNT_CHANGES).execute(Tuple.of(version)))
                .compose(done -> version(conn, version)))))
        .map(Optional::orElseThrow);
  }

  /** Makes {@code version} the active one and tells every node (NOTIFY is delivered on commit). */
  public Future<Void> activate(int version, String by) {
    return pool.withTransaction(conn -> conn.preparedQuery(RegistrySql.ACTIVATE).execute(Tuple.of(version, by))
        .compose(done -> conn.preparedQuery(RegistrySql.NOTIFY)
            .execute(Tuple.of(Addresses.REGISTRY_CHANNEL, Integer.toString(version))))
        .mapEmpty());
  }

  public Future<Optional<Integer>> activeVersion() {
    return pool.withConnection(this::activeVersion);
  }

  public Future<Optional<VersionInfo>> version(int version) {
    return pool.withConnection(conn -> version(conn, version));
  }

  public Future<List<VersionInfo>> versions() {
    return pool.query(RegistrySql.VERSIONS).execute().map(rs -> {
      List<VersionInfo> out = new ArrayList<>();
      rs.forEach(row -> out.add(info(row)));
      return out;
    });
  }

  /** Up to {@code limit} changes a version made, for the audit view. */
  public Future<JsonArray> changes(int version, int limit) {
    return pool.preparedQuery(RegistrySql.CHANGES).execute(Tuple.of(version, limit)).map(rs -> {
      JsonArray out = new JsonArray();
      rs.forEach(row -> out.add(new JsonObject()
          .put("id", row.getString("institution_id"))
          .put("change", row.getString("change"))
          .put("old_status", row.getString("old_status"))
          .put("new_status", row.getString("new_status"))));
      return out;
    });
  }

  /** Every institution of a version. */
  public Future<List<Institution>> institutions(int version) {
    return pool.preparedQuery(RegistrySql.ROWS).execute(Tuple.of(version)).map(rs -> {
      List<Institution> out = new ArrayList<>(rs.size());
      rs.forEach(row -> out.add(InstitutionJson.fromJson(jsonObject(row.getValue("data")))));
      return out;
    });
  }

  private Future<Optional<Integer>> activeVersion(SqlConnection conn) {
    return conn.query(RegistrySql.ACTIVE_VERSION).execute()
        .map(rs -> rs.size() == 0 ? Optional.empty() : Optional.of(rs.iterator().next().getInteger("version")));
  }

  private static Future<Optional<VersionInfo>> version(SqlConnection conn, int version) {
    return conn.preparedQuery(RegistrySql.VERSION).execute(Tuple.of(version))
        .map(rs -> rs.size() == 0 ? Optional.empty() : Optional.of(info(rs.iterator().next())));
  }

  private static Future<Void> insertRows(SqlConnection conn, int version, List<Institution> rows) {
    Future<Void> chain = Future.succeededFuture();
    for (int from = 0; from < rows.size(); from += BATCH) {
      List<Institution> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
      chain = chain.compose(done -> {
        JsonArray json = new JsonArray(new ArrayList<>(batch.size()));
        batch.forEach(i -> json.add(InstitutionJson.toJson(i)));
        return conn.preparedQuery(RegistrySql.INSERT_ROWS).execute(Tuple.of(version, json.encode())).mapEmpty();
      });
    }
    return chain;
  }

  private static JsonObject countsByStatus(List<Institution> rows) {
    Map<String, Integer> counts = new TreeMap<>();
    rows.forEach(r -> counts.merge(r.status().wire(), 1, Integer::sum));
    return new JsonObject(new java.util.LinkedHashMap<>(counts));
  }

  private static VersionInfo info(Row row) {
    return new VersionInfo(
        row.getInteger("version"),
        row.getOffsetDateTime("created_at"),
        row.getString("created_by"),
        row.getString("file_name"),
        row.getString("file_sha256"),
        row.getString("format"),
        row.getInteger("row_count"),
        jsonObject(row.getValue("counts_by_status")),
        row.getInteger("based_on"),
        row.getInteger("added_count"),
        row.getInteger("removed_count"),
        row.getInteger("changed_count"),
        Boolean.TRUE.equals(row.getBoolean("active")),
        row.getOffsetDateTime("activated_at"));
  }

  private static JsonObject jsonObject(Object value) {
    return value instanceof JsonObject o ? o : new JsonObject(String.valueOf(value));
  }
}
