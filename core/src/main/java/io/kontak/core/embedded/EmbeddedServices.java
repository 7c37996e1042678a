package io.kontak.core.embedded;

import io.kontak.core.config.KontakConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * The default single-machine setup: whichever of PostgreSQL and Redis has no URL configured is
 * started by Kontak itself, with its data under {@code KONTAK_DATA_DIR}, so the demo needs nothing
 * but a JDK and a restart keeps the registry.
 */
public final class EmbeddedServices implements AutoCloseable {
  public static final String DATABASE = "kontak";

  private final EmbeddedPostgres postgres;
  private final EmbeddedRedis redis;
  private final KontakConfig resolved;

  private EmbeddedServices(EmbeddedPostgres postgres, EmbeddedRedis redis, KontakConfig resolved) {
    this.postgres = postgres;
    this.redis = redis;
    this.resolved = resolved;
  }

  /**
   * Server settings of the embedded Postgres: the webhook inbox and the outbox are queue tables
   * whose rows change state within a second, so autovacuum looks at them every few seconds rather
   * than every minute (their own thresholds are set by migration V230).
   *
   * <p>A larger WAL budget and a longer timeout space checkpoints out (each message writes ~7.6 KB
   * of WAL), and new WAL files are not zero-filled, since the zero-fill holds the WAL write lock and
   * stalls every commit (bench/RESULTS-whatsapp.md, "Tuning history").
   *
   * <p>Shared buffers: see {@link #sharedBuffersMb}.
   */
  private static Map<String, String> settings() {
    return Map.of(
        "autovacuum_naptime", "5s",
        "max_wal_size", "4GB",
        "checkpoint_timeout", "15min",
        "wal_compression", "on",
        "wal_init_zero", "off",
        "shared_buffers", sharedBuffersMb(totalMemoryBytes()) + "MB");
  }

  /**
   * An eighth of the machine's memory, between Postgres's default 128 MB and 1 GB: a message dirties
   * the same pages several times within a second, and they must stay in memory between those
   * changes (bench/RESULTS-whatsapp.md, "Tuning history"). Memory is taken only as pages are used.
   */
  static long sharedBuffersMb(long totalMemoryBytes) {
    long eighth = totalMemoryBytes / 8 / (1024 * 1024);
    return Math.max(128, Math.min(1024, eighth));
  }

  static long totalMemoryBytes() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getTotalMemorySize() : 0;
  }

  /** Starts what the configuration lacks; the returned {@link #config()} has both URLs set. */
  public static EmbeddedServices startMissing(KontakConfig config) throws IOException, InterruptedException {
    EmbeddedPostgres postgres = null;
    EmbeddedRedis redis = null;
    try {
      String pgUrl = config.pgUrl().orElse(null);
      if (pgUrl == null) {
        postgres = EmbeddedPostgres.start(config.dataDir().resolve("postgres"), config.dataDir().resolve("runtime"),
            settings());
        pgUrl = postgres.database(DATABASE).url();
      }
      String redisUrl = config.redisUrl().orElse(null);
      if (redisUrl == null) {
        redis = EmbeddedRedis.start(config.dataDir().resolve("redis"), true);
        redisUrl = redis.url();
      }
      return new EmbeddedServices(postgres, redis, config.withDatabase(pgUrl, redisUrl));
    } catch (IOException | SQLException | RuntimeException e) {
      new EmbeddedServices(postgres, redis, config).close();
      throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }
  }

  public KontakConfig config() {
    return resolved;
  }

  /** Redis first: nothing depends on it at shutdown, while Postgres may still see a last write. */
  @Override
  public void close() {
    try {
      if (redis != null) {
        redis.close();
      }
    } catch (IOException e) {
      LoggerFactory.getLogger(EmbeddedServices.class).warn("stopping embedded Redis failed", e);
    } finally {
      if (postgres != null) {
        postgres.close();
      }
    }
  }
}
