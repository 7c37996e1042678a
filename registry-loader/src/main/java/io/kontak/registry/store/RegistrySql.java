package io.kontak.registry.store;

/** Every statement the registry store runs. */
final class RegistrySql {
  /** Serializes imports across nodes, so version numbers and diffs follow one order. */
  static final String IMPORT_LOCK = "SELECT pg_advisory_xact_lock(hashtext('kontak.registry.import'))";

  static final String ACTIVE_VERSION =
      "SELECT version FROM registry_activation ORDER BY id DESC LIMIT 1";

  static final String NEXT_VERSION = "SELECT nextval('registry_version_seq')::int AS version";

  static final String INSERT_VERSION = """
      INSERT INTO registry_version (version, created_by, file_name, file_sha256, format, row_count,
                                    counts_by_status, based_on)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""";

  static final String INSERT_ROWS = """
      INSERT INTO registry_institution (version, id, status, data)
      SELECT $1, row->>'id', row->>'status', row FROM jsonb_array_elements($2::text::jsonb) AS row""";

  static final String INSERT_CHANGES = """
      INSERT INTO registry_change (version, institution_id, change, old_status, new_status)
      SELECT $1, n.id, 'added', NULL, n.status FROM registry_institution n
       WHERE n.version = $1
         AND NOT EXISTS (SELECT 1 FROM registry_institution o WHERE o.version = $2 AND o.id = n.id)
      UNION ALL
      SELECT $1, o.id, 'removed', o.status, NULL FROM registry_institution o
       WHERE o.version = $2
         AND NOT EXISTS (SELECT 1 FROM registry_institution n WHERE n.version = $1 AND n.id = o.id)
      UNION ALL
      SELECT $1, n.id, 'status_changed', o.status, n.status
        FROM registry_institution n JOIN registry_institution o ON o.version = $2 AND o.id = n.id
       WHERE n.version = $1 AND o.status <> n.status""";

  static final String COUNT_CHANGES = """
      UPDATE registry_version v SET
        added_count   = (SELECT count(*) FROM registry_change c WHERE c.version = v.version AND c.change = 'added'),
        removed_count = (SELECT count(*) FROM registry_change c WHERE c.version = v.version AND c.change = 'removed'),
        changed_count = (SELECT count(*) FROM registry_change c WHERE c.version = v.version AND c.change = 'status_changed')
      WHERE v.version = $1""";

  static final String ACTIVATE = "INSERT INTO registry_activation (version, activated_by) VALUES ($1, $2)";

  static final String NOTIFY = "SELECT pg_notify($1, $2)";

  static final String VERSIONS = """
      SELECT v.*, a.activated_at, (v.version = (""" + ACTIVE_VERSION + """
      )) AS active
        FROM registry_version v
        LEFT JOIN LATERAL (SELECT max(activated_at) AS activated_at FROM registry_activation x
                            WHERE x.version = v.version) a ON true
       ORDER BY v.version DESC""";

  static final String VERSION = """
      SELECT v.*, a.activated_at, (v.version = (""" + ACTIVE_VERSION + """
      )) AS active
        FROM registry_version v
        LEFT JOIN LATERAL (SELECT max(activated_at) AS activated_at FROM registry_activation x
                            WHERE x.version = v.version) a ON true
       WHERE v.version = $1""";

  static final String CHANGES = """
      SELECT institution_id, change, old_status, new_status FROM registry_change
       WHERE version = $1 ORDER BY change, institution_id LIMIT $2""";

  static final String ROWS = "SELECT data FROM registry_institution WHERE version = $1 ORDER BY id";

  private RegistrySql() {
  }
}
