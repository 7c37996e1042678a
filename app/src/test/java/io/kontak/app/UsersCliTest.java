package io.kontak.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code kontak users add|list|disable} against a running node, the password on standard input. */
class UsersCliTest {
  private static final String PASSWORD = "correct horse battery";
  TestNode node;

  @BeforeEach
  void start() {
    node = new TestNode(Map.of());
  }

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void addListAndDisableAnAccount() {
    Result added = run(PASSWORD + "\n", "add", "rina", "--role", "agent", "--capacity", "6");
    assertThat(added.exit()).as(added.err()).isZero();
    assertThat(added.out()).contains("\"username\" : \"rina\"", "\"role\" : \"agent\"", "\"capacity\" : 6")
        .doesNotContain(PASSWORD);
    assertThat(run(PASSWORD + "\n", "add", "sari", "--role", "registry_admin").exit()).isZero();
    assertThat(signIn("rina", PASSWORD)).isEqualTo(200);

    Result list = run("", "list");
    assertThat(list.exit()).isZero();
    assertThat(list.out()).containsPattern("rina\\s+agent\\s+6\\s+(away|offline)")
        .containsPattern("sari\\s+registry_admin\\s+4\\s+(away|offline)");

    Result disabled = run("", "disable", "rina");
    assertThat(disabled.exit()).as(disabled.err()).isZero();
    assertThat(disabled.out()).contains("\"disabled\" : true");
    assertThat(run("", "list").out()).containsPattern("rina\\s+agent\\s+6\\s+disabled");
    assertThat(signIn("rina", PASSWORD)).isEqualTo(401);
  }

  @Test
  void refusalsExitWith1AndSayWhy() {
    Result noPassword = run("", "add", "budi", "--role", "agent");
    assertThat(noPassword.exit()).isEqualTo(1);
    assertThat(noPassword.err()).contains("no password");

    Result weak = run("short\n", "add", "budi", "--role", "agent");
    assertThat(weak.exit()).isEqualTo(1);
    assertThat(weak.err()).contains("password: at least");

    Result badRole = run(PASSWORD + "\n", "add", "budi", "--role", "boss");
    assertThat(badRole.exit()).isEqualTo(1);
    assertThat(badRole.err()).contains("role: agent, supervisor or registry_admin");

    assertThat(run(PASSWORD + "\n", "add", "budi", "--role", "supervisor").exit()).isZero();
    Result taken = run(PASSWORD + "\n", "add", "budi", "--role", "agent");
    assertThat(taken.exit()).isEqualTo(1);
    assertThat(taken.err()).contains("username taken");

    Result unknown = run("", "disable", "nobody");
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err()).contains("no such account");

    Result wrongToken = execute("", "--url", "http://127.0.0.1:" + node.node.httpPort(), "--token", "nope", "list");
    assertThat(wrongToken.exit()).isEqualTo(1);
    assertThat(wrongToken.err()).contains("wrong staff token");
  }

  @Test
  void anUnreachableNodeExitsWith2() {
    Result result = execute("", "--url", "http://127.0.0.1:1", "--token", "x", "list");
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("cannot reach");
  }

  record Result(int exit, String out, String err) {
  }

  private int signIn(String username, String password) {
    return node.send(HttpRequest.newBuilder(node.uri("/api/desk/session"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))).statusCode();
  }

  private Result run(String stdin, String... args) {
    String[] full = new String[args.length + 4];
    full[0] = "--url";
    full[1] = "http://127.0.0.1:" + node.node.httpPort();
    full[2] = "--token";
    full[3] = TestNode.TOKEN;
    System.arraycopy(args, 0, full, 4, args.length);
    return execute(stdin, full);
  }

  private static Result execute(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var command = new UsersCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), null);
    int exit = new CommandLine(command).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
        .execute(args);
    return new Result(exit, out.toString(), err.toString());
  }
}
