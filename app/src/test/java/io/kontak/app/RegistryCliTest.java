package io.kontak.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontak.registry.cli.RegistryCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kontak registry load|validate|list|activate} against a running node. */
class RegistryCliTest {
  @AutoClose
  final TestNode node = new TestNode(Map.of());
  @TempDir
  Path dir;

  @Test
  void loadListActivateAndValidate() throws Exception {
    Path v1 = Files.writeString(dir.resolve("v1.jsonl"),
        "{\"id\":\"A\",\"name\":\"Dana Kilat\",\"sector\":\"p2p_lending\",\"status\":\"licensed\"}\n");
    Path v2 = Files.writeString(dir.resolve("v2.csv"), "id,name,sector,status\nA,Dana Kilat,p2p_lending,revoked\n");
    Path broken = Files.writeString(dir.resolve("broken.csv"), "id,name,sector\nA,Dana Kilat,p2p_lending\n");

    CliResult load1 = run("load", v1.toString());
    assertThat(load1.exit()).isZero();
    assertThat(load1.out()).contains("\"version\" : 1");
    assertThat(run("load", v2.toString()).exit()).isZero();

    CliResult list = run("list");
    assertThat(list.exit()).isZero();
    assertThat(list.out()).contains("\"version\" : 2", "\"version\" : 1", "v2.csv");

    CliResult invalid = run("validate", broken.toString());
    assertThat(invalid.exit()).isEqualTo(1);
    assertThat(invalid.err()).contains("missing column 'status'");

    assertThat(run("activate", "1").exit()).isZero();
    assertThat(node.get("/api/registry/search?q=dana%20kilat").body()).contains("\"verdict\":\"legal\"");
    assertThat(run("activate", "7").exit()).isEqualTo(1);
  }

  @Test
  void anUnreachableNodeExitsWith2() {
    CliResult result = CliResult.execute(new RegistryCommand(), "--url", "http://127.0.0.1:1", "--token", "x", "list");
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("cannot reach");
  }

  private CliResult run(String... args) {
    return CliResult.execute(new RegistryCommand(), node.staffArgs(args));
  }
}
