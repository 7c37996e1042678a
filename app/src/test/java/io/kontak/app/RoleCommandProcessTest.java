package io.kontak.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code kontak bot} and {@code kontak desk} as a user starts them, in their own process. */
class RoleCommandProcessTest {
  @ParameterizedTest
  @ValueSource(strings = {"bot", "desk"})
  void aRoleNodeRefusesToStartWithoutTheSharedPostgresAndRedis(String role) throws Exception {
    assertThat(refusal(role, Map.of())).contains("kontak " + role + " needs KONTAK_PG_URL and KONTAK_REDIS_URL");
  }

  @Test
  void aBotNodeRefusesToStartWithoutTheAppSecretItsPeersShare() throws Exception {
    assertThat(refusal("bot", Map.of("KONTAK_PG_URL", "postgresql://kontak@db.example:5432/kontak",
        "KONTAK_REDIS_URL", "redis://cache.example:6379", "KONTAK_ADMIN_TOKEN", "shared-staff-token")))
        .contains("set WHATSAPP_APP_SECRET");
  }

  /** What {@code kontak role} printed, started with only {@code env} of the KONTAK_ and WHATSAPP_ settings, exiting 2. */
  private static String refusal(String role, Map<String, String> env) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), role)
        .redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("KONTAK_") || k.startsWith("WHATSAPP_"));
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isEqualTo(2);
    return output;
  }
}
