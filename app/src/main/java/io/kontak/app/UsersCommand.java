package io.kontak.app;

import io.kontak.core.cli.NodeClient;
import io.kontak.core.cli.NodeClient.Call;
import io.kontak.core.cli.NodeOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code kontak users add|list|disable}: desk accounts on a running node, through its API with the
 * staff token (like {@code kontak registry}). The password never goes on the command line, where
 * other users of the machine and the shell history would see it: it is read from the terminal
 * without echo, or from the first line of standard input. Exit codes: 0 done, 1 refused, 2 cannot
 * reach the node.
 */
@Command(name = "users", mixinStandardHelpOptions = true,
    description = "Add, list and disable agent desk accounts on a running Kontak node.",
    subcommands = {UsersCommand.Add.class, UsersCommand.ListAccounts.class, UsersCommand.Disable.class})
final class UsersCommand {
  @Mixin
  NodeOptions node;

  @Spec
  CommandSpec spec;

  private final InputStream stdin;
  private final Console console;

  UsersCommand() {
    this(System.in, System.console());
  }

  /** Tests pass the password on {@code stdin} and no console. */
  UsersCommand(InputStream stdin, Console console) {
    this.stdin = stdin;
    this.console = console;
  }

  NodeClient client() {
    return node.client();
  }

  /** The password typed twice at the terminal (no echo), or the first line piped in; empty if none or mismatched. */
  Optional<String> password() throws IOException {
    if (console != null) {
      char[] first = console.readPassword("Password: ");
      if (first == null) {
        return Optional.empty();
      }
      char[] again = console.readPassword("Password again: ");
      String password = Arrays.equals(first, again) ? new String(first) : null;
      Arrays.fill(first, ' ');
      if (again != null) {
        Arrays.fill(again, ' ');
      }
      return Optional.ofNullable(password);
    }
    String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
    return line == null || line.isEmpty() ? Optional.empty() : Optional.of(line);
  }

  @Command(name = "add", description = "Create an account; the password is read from standard input (never an argument).")
  static final class Add implements Callable<Integer> {
    @ParentCommand
    UsersCommand parent;
    @Parameters(paramLabel = "NAME", description = "Username: lowercase letters, digits, '.', '_' or '-'.")
    String name;
    @Option(names = "--role", required = true, description = "agent, supervisor or registry_admin.")
    String role;
    @Option(names = "--capacity", description = "Open chats at once (default: KONTAK_DESK_CAPACITY).")
    Integer capacity;

    @Override
    public Integer call() throws IOException {
      Optional<String> password = parent.password();
      if (password.isEmpty()) {
        parent.spec.commandLine().getErr().println(
            "no password (or the two entries differed): type it twice at the prompt, or pipe it in as the first line");
        return NodeClient.REFUSED;
      }
      JsonObject body = new JsonObject().put("username", name).put("password", password.get()).put("role", role);
      if (capacity != null) {
        body.put("capacity", capacity);
      }
      return parent.client().send(Call.postJson("/api/desk/users", body));
    }
  }

  @Command(name = "list", description = "List the accounts: name, role, capacity, status.")
  static final class ListAccounts implements Callable<Integer> {
    @ParentCommand
    UsersCommand parent;

    @Override
    public Integer call() {
      return parent.client().send(Call.get("/api/desk/users"), ListAccounts::table);
    }

    static String table(String body) {
      JsonArray accounts = new JsonArray(body);
      StringBuilder out = new StringBuilder(String.format("%-32s %-15s %8s  %s", "USERNAME", "ROLE", "CAPACITY", "STATUS"));
      for (int i = 0; i < accounts.size(); i++) {
        JsonObject a = accounts.getJsonObject(i);
        out.append(System.lineSeparator()).append(String.format("%-32s %-15s %8d  %s", a.getString("username"),
            a.getString("role"), a.getInteger("capacity"), a.getBoolean("disabled", false) ? "disabled" : a.getString("status")));
      }
      return out.toString();
    }
  }

  @Command(name = "disable", description = "Disable an account: its sessions end and its chats go back to the queue.")
  static final class Disable implements Callable<Integer> {
    @ParentCommand
    UsersCommand parent;
    @Parameters(paramLabel = "NAME", description = "The account's username.")
    String name;

    @Override
    public Integer call() {
      return parent.client().send(Call.post("/api/desk/users/" + URLEncoder.encode(name, StandardCharsets.UTF_8)
          + "/disable"));
    }
  }
}
