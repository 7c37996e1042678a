package io.kontak.whatsapp.media;

/** Statements on {@code wa_media}: the fetcher's work queue and the stored files. */
final class MediaSql {
  private static final String CLAIMED = " RETURNING m.wamid, m.kind, m.media_id, m.declared_sha256, m.attempts";

  /** Up to $1 due rows, oldest due first; rows another node is claiming are skipped. */
  static final String CLAIM_DUE = """
      UPDATE wa_media m SET state = 'fetching', claimed_at = now(), attempts = m.attempts + 1
       WHERE m.wamid IN (SELECT wamid FROM wa_media WHERE state = 'pending' AND next_attempt_at <= now()
                          ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)""" + CLAIMED;

  /** The rows of wamids $1 (just stored by the webhook) that are still pending. */
  static final String CLAIM = """
      UPDATE wa_media m SET state = 'fetching', claimed_at = now(), attempts = m.attempts + 1
       WHERE m.wamid IN (SELECT wamid FROM wa_media WHERE wamid = ANY($1::text[]) AND state = 'pending'
                          FOR UPDATE SKIP LOCKED)""" + CLAIMED;

  /** Fetches whose node died mid-way (claimed more than $1 seconds ago) are due again. */
  static final String RELEASE_STALE = """
      UPDATE wa_media SET state = 'pending', claimed_at = NULL, next_attempt_at = now()
       WHERE state = 'fetching' AND claimed_at < now() - make_interval(secs => $1::bigint)""";

  static final String STORED = """
      UPDATE wa_media SET state = 'stored', bytes = $2, byte_size = $3, sha256 = $4,
             mime_type = coalesce($5, mime_type), fetched_at = now(), claimed_at = NULL, failure = NULL,
             failure_detail = NULL
       WHERE wamid = $1 AND state = 'fetching'""";

  /** $2: milliseconds until the next attempt. */
  static final String RETRY = """
      UPDATE wa_media SET state = 'pending', next_attempt_at = now() + make_interval(secs => $2::bigint / 1000.0),
             claimed_at = NULL, failure_detail = $3
       WHERE wamid = $1 AND state = 'fetching'""";

  static final String FAILED = """
      UPDATE wa_media SET state = 'failed', failure = $2, failure_detail = $3, claimed_at = NULL
       WHERE wamid = $1 AND state = 'fetching'""";

  /** A file as the desk serves it; the bytes only once stored. */
  static final String LOAD = """
      SELECT kind, state, mime_type, filename, byte_size, failure,
             CASE WHEN state = 'stored' THEN bytes END AS bytes
        FROM wa_media WHERE wamid = $1""";

  private MediaSql() {
  }
}
