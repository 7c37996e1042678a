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
   * <p>Every message costs about 45 WAL records (7.6 KB) across intake, conversation and outbox, so
   * at 1,000 msg/s the default 1 GB of WAL forced a checkpoint every two minutes, and every page
   * first touched after one is logged whole. A larger WAL budget and a longer timeout space the
   * checkpoints out; compression shrinks the full-page images that remain.
   *
   * <p>New WAL files are not zero-filled. Until a checkpoint leaves old files to recycle (the first
   * quarter hour after a start, or whenever traffic grows), every 16 MB of WAL needs a new file,
   * and the backend that crosses into it writes and flushes 16 MB of zeros while holding the WAL
   * write lock: every commit, the webhook's included, waits. At 1,000 msg/s that was a 50-70 ms
   * stall every 4 s, in step on both HTTP event loops, which alone made the ack p99 (1.4% of the
   * messages arrived during one). Without the zero-fill a new file is one byte at its end; ext4
   * (and copy-on-write file systems) allocate the blocks as WAL is written, within the same flush.
   * Measured at 1,000 msg/s on a 2-core VM: ack p99 37-42 → 14-20 ms, and the stalls are gone.
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
   * An eighth of the machine's memory, between Postgres's default 128 MB and 1 GB. A message
   * dirties its inbox, conversation and outbox pages several times within a second; with 128 MB
   * they were evicted, and so written out, between those changes, and the webhook's commit then
   * waited for a disk flush behind all of that writeback. Measured with the conversation engine off
   * (the webhook alone) at 1,000 msg/s on a 2-core VM: ack p50 3.9 → 0.9 ms, p99 79 → 28 ms.
   * Memory is taken only as pages are used.
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
