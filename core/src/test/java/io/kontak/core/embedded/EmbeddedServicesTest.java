package io.kontak.core.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontak.core.config.KontakConfig;
import io.kontak.core.db.PostgresUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.util.Comparator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the default single-machine setup starts, and with which Postgres settings. */
class EmbeddedServicesTest {
  static final long MIB = 1024 * 1024;

  @Test
  void sharedBuffersAreAnEighthOfTheMemoryBetweenPostgresDefaultAndOneGigabyte() {
    assertThat(EmbeddedServices.sharedBuffersMb(24 * 1024 * MIB)).isEqualTo(1024);
    assertThat(EmbeddedServices.sharedBuffersMb(4 * 1024 * MIB)).isEqualTo(512);
    assertThat(EmbeddedServices.sharedBuffersMb(512 * MIB)).isEqualTo(128);
    // memory unknown: Postgres's own default
    assertThat(EmbeddedServices.sharedBuffersMb(0)).isEqualTo(128);
  }

  @Test
  void whatTheConfigurationLacksIsStartedAndPostgresGetsItsSettings() throws Exception {
    Path dataDir = Files.createTempDirectory("kontak-embedded-",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    KontakConfig config = KontakConfig.from(Map.of("KONTAK_DATA_DIR", dataDir.toString()));
    assertThat(config.pgUrl()).isEmpty();

    try (EmbeddedServices services = EmbeddedServices.startMissing(config)) {
      assertThat(services.config().redisUrl()).isPresent();
      PostgresUrl url = PostgresUrl.parse(services.config().pgUrl().orElseThrow());
      try (var c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
           var s = c.createStatement();
           var rows = s.executeQuery("SELECT setting::bigint * 8 / 1024, current_setting('checkpoint_timeout'), "
               + "current_setting('wal_init_zero') FROM pg_settings WHERE name = 'shared_buffers'")) {
        rows.next();
        assertThat(rows.getLong(1)).isEqualTo(EmbeddedServices.sharedBuffersMb(EmbeddedServices.totalMemoryBytes()));
        assertThat(rows.getString(2)).isEqualTo("15min");
        assertThat(rows.getString(3)).isEqualTo("off");
      }
    } finally {
      try (var tree = Files.walk(dataDir)) {
        tree.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }
}
