package io.kontak.whatsapp.media;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code wa_media}: the fetcher claims rows, settles each once (stored, retried later, failed), and
 * {@link #load} reads a file for the desk. Settling only applies to a row still claimed, so a fetch
 * that outlived its lease cannot overwrite the one that took over.
 */
public final class MediaStore {
  private final Pool pool;

  MediaStore(Pool pool) {
    this.pool = pool;
  }

  /** A row claimed for fetching; {@code attempts} counts this one. */
  record Claim(String wamid, String kind, String mediaId, Optional<String> declaredSha256, int attempts) {
  }

  /** The file of media message {@code wamid}, or what keeps it from being there. */
  public static Future<StoredMedia> load(SqlClient sql, String wamid) {
    return sql.preparedQuery(MediaSql.LOAD).execute(Tuple.of(wamid)).map(rows -> {
      if (rows.size() == 0) {
        return new StoredMedia.Missing();
      }
      Row r = rows.iterator().next();
      return switch (r.getString("state")) {
        case "stored" -> new StoredMedia.Ready(r.getString("kind"), r.getString("mime_type"),
            Optional.ofNullable(r.getString("filename")), r.getBuffer("bytes"));
        case "failed" -> new StoredMedia.Failed(r.getString("failure"));
        default -> new StoredMedia.Pending();
      };
    });
  }

  Future<List<Claim>> claimDue(int limit) {
    return pool.preparedQuery(MediaSql.CLAIM_DUE).execute(Tuple.of(limit)).map(MediaStore::claims);
  }

  Future<List<Claim>> claim(List<String> wamids) {
    return pool.preparedQuery(MediaSql.CLAIM).execute(Tuple.of(wamids.toArray(String[]::new))).map(MediaStore::claims);
  }

  Future<Integer> releaseStale(Duration lease) {
    return pool.preparedQuery(MediaSql.RELEASE_STALE).execute(Tuple.of(lease.toSeconds())).map(RowSet::rowCount);
  }

  Future<Void> stored(Claim claim, Buffer bytes, byte[] sha256, Optional<String> mimeType) {
    return pool.preparedQuery(MediaSql.STORED)
        .execute(Tuple.of(claim.wamid(), bytes, (long) bytes.length(), Buffer.buffer(sha256), mimeType.orElse(null)))
        .mapEmpty();
  }

  Future<Void> retry(Claim claim, long delayMillis, String detail) {
    return pool.preparedQuery(MediaSql.RETRY).execute(Tuple.of(claim.wamid(), delayMillis, detail)).mapEmpty();
  }

  Future<Void> failed(Claim claim, String reason, String detail) {
    return pool.preparedQuery(MediaSql.FAILED).execute(Tuple.of(claim.wamid(), reason, detail)).mapEmpty();
  }

  private static List<Claim> claims(RowSet<Row> rows) {
    List<Claim> out = new ArrayList<>(rows.size());
    rows.forEach(r -> out.add(new Claim(r.getString("wamid"), r.getString("kind"), r.getString("media_id"),
        Optional.ofNullable(r.getString("declared_sha256")), r.getInteger("attempts"))));
    return out;
  }
}
