package io.kontak.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kontak.core.config.KontakConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Where a staff command finds its node and token: the options, else the configuration, else the data directory. */
class NodeOptionsTest {
  @TempDir
  Path data;

  @Command(name = "staff")
  static final class StaffCommand {
    @Mixin
    NodeOptions node;
  }

  static NodeOptions parse(String... args) {
    var command = new StaffCommand();
    new CommandLine(command).parseArgs(args);
    return command.node;
  }

  @Test
  void theOptionsWin() {
    NodeOptions node = parse("--url", "http://node.example:9000", "--token", "given");
    KontakConfig config = KontakConfig.from(Map.of("KONTAK_HTTP_PORT", "8181", "KONTAK_ADMIN_TOKEN", "configured"));

    assertThat(node.url(config)).isEqualTo("http://node.example:9000");
    assertThat(node.token(config)).isEqualTo("given");
  }

  @Test
  void withoutOptionsTheConfigurationThenTheDataDirectory() throws Exception {
    NodeOptions node = parse();
    assertThat(node.url(KontakConfig.from(Map.of("KONTAK_HTTP_PORT", "8181")))).isEqualTo("http://127.0.0.1:8181");
    assertThat(node.token(KontakConfig.from(Map.of("KONTAK_ADMIN_TOKEN", "configured")))).isEqualTo("configured");

    KontakConfig demo = KontakConfig.from(Map.of("KONTAK_DATA_DIR", data.toString()));
    assertThatThrownBy(() -> node.token(demo)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("pass --token, set KONTAK_ADMIN_TOKEN").hasMessageContaining("admin-token");
    Files.writeString(data.resolve("admin-token"), "kept-by-the-node\n");
    assertThat(node.token(demo)).isEqualTo("kept-by-the-node");
  }

  @Test
  void theOptionsAreTheMixeesWithTheirDefaultsInTheHelp() {
    var spec = new CommandLine(new StaffCommand()).getCommandSpec();

    assertThat(spec.findOption("--url").description()).containsExactly(
        "Node base URL (default: http://127.0.0.1:$KONTAK_HTTP_PORT).");
    assertThat(spec.findOption("--token").description()).containsExactly(
        "Staff token (default: $KONTAK_ADMIN_TOKEN, else $KONTAK_DATA_DIR/admin-token).");
  }
}
