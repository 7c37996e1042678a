package io.kontak.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontak.registry.cli.RegistryCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code kontak registry load|validate|list|activate} against a running node. */
class RegistryCliTest {
  TestNode node;
  @TempDir
  Path dir;

  @BeforeEach
  void start() {
    node = new TestNode(Map.of());
  }

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void loadListActivateAndValidate() throws Exception {
    Path v1 = Files.writeString(dir.resolve("v1.jsonl"),
        "{\"id\":\"A\",\"name\":\"Dana Kilat\",\"sector\":\"p2p_lending\",\"status\":\"licensed\"}\n");
    Path v2 = Files.writeString(dir.resolve("v2.csv"), "id,name,sector,status\nA,Dana Kilat,p2p_lending,revoked\n");
    Path broken = Files.writeString(dir.resolve("broken.csv"), "id,name,sector\nA,Dana Kilat,p2p_lending\n");

    Result load1 = run("load", v1.toString());
    assertThat(load1.exit()).isZero();
    assertThat(load1.out()).contains("\"version\" : 1");
    assertThat(run("load", v2.toString()).exit()).isZero();

    Result list = run("list");
    assertThat(list.exit()).isZero();
    assertThat(list.out()).contains("\"version\" : 2", "\"version\" : 1", "v2.csv");

    Result invalid = run("validate", broken.toString());
    assertThat(invalid.exit()).isEqualTo(1);
    assertThat(invalid.err()).contains("missing column 'status'");

    assertThat(run("activate", "1").exit()).isZero();
    assertThat(node.get("/api/registry/search?q=dana%20kilat").body()).contains("\"verdict\":\"legal\"");
    assertThat(run("activate", "7").exit()).isEqualTo(1);
  }

  @Test
  void anUnreachableNodeExitsWith2() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = new CommandLine(new RegistryCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
        .execute("--url", "http://127.0.0.1:1", "--token", "x", "list");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("cannot reach");
  }

  record Result(int exit, String out, String err) {
  }

  private Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] full = new String[args.length + 4];
    full[0] = "--url";
    full[1] = "http://127.0.0.1:" + node.node.httpPort();
    full[2] = "--token";
    full[3] = TestNode.TOKEN;
    System.arraycopy(args, 0, full, 4, args.length);
    int exit = new CommandLine(new RegistryCommand()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
        .execute(full);
    return new Result(exit, out.toString(), err.toString());
  }
}
