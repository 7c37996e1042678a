package io.kontak.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** {@code kontak users add|list|disable} against a running node, the password on standard input. */
class UsersCliTest {
  private static final String PASSWORD = "correct horse battery";
  @AutoClose
  final TestNode node = new TestNode(Map.of());

  @Test
  void addListAndDisableAnAccount() {
    CliResult added = run(PASSWORD + "\n", "add", "rina", "--role", "agent", "--capacity", "6");
    assertThat(added.exit()).as(added.err()).isZero();
    assertThat(added.out()).contains("\"username\" : \"rina\"", "\"role\" : \"agent\"", "\"capacity\" : 6")
        .doesNotContain(PASSWORD);
    assertThat(run(PASSWORD + "\n", "add", "sari", "--role", "registry_admin").exit()).isZero();
    assertThat(signIn("rina", PASSWORD)).isEqualTo(200);

    CliResult list = run("", "list");
    assertThat(list.exit()).isZero();
    assertThat(list.out()).containsPattern("rina\\s+agent\\s+6\\s+(away|offline)")
        .containsPattern("sari\\s+registry_admin\\s+4\\s+(away|offline)");

    CliResult disabled = run("", "disable", "rina");
    assertThat(disabled.exit()).as(disabled.err()).isZero();
    assertThat(disabled.out()).contains("\"disabled\" : true");
    assertThat(run("", "list").out()).containsPattern("rina\\s+agent\\s+6\\s+disabled");
    assertThat(signIn("rina", PASSWORD)).isEqualTo(401);
  }

  @Test
  void refusalsExitWith1AndSayWhy() {
    CliResult noPassword = run("", "add", "budi", "--role", "agent");
    assertThat(noPassword.exit()).isEqualTo(1);
    assertThat(noPassword.err()).contains("no password");

    CliResult weak = run("short\n", "add", "budi", "--role", "agent");
    assertThat(weak.exit()).isEqualTo(1);
    assertThat(weak.err()).contains("password: at least");

    CliResult badRole = run(PASSWORD + "\n", "add", "budi", "--role", "boss");
    assertThat(badRole.exit()).isEqualTo(1);
    assertThat(badRole.err()).contains("role: agent, supervisor or registry_admin");

    assertThat(run(PASSWORD + "\n", "add", "budi", "--role", "supervisor").exit()).isZero();
    CliResult taken = run(PASSWORD + "\n", "add", "budi", "--role", "agent");
    assertThat(taken.exit()).isEqualTo(1);
    assertThat(taken.err()).contains("username taken");

    CliResult unknown = run("", "disable", "nobody");
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err()).contains("no such account");

    CliResult wrongToken = execute("", "--url", "http://127.0.0.1:" + node.node.httpPort(), "--token", "nope", "list");
    assertThat(wrongToken.exit()).isEqualTo(1);
    assertThat(wrongToken.err()).contains("wrong staff token");
  }

  @Test
  void anUnreachableNodeExitsWith2() {
    CliResult result = execute("", "--url", "http://127.0.0.1:1", "--token", "x", "list");
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("cannot reach");
  }

  private int signIn(String username, String password) {
    return node.send(HttpRequest.newBuilder(node.uri("/api/desk/session"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))).statusCode();
  }

  private CliResult run(String stdin, String... args) {
    return execute(stdin, node.staffArgs(args));
  }

  private static CliResult execute(String stdin, String... args) {
    return CliResult.execute(new UsersCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), null),
        args);
  }
}
