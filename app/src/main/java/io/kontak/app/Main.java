package io.kontak.app;

import io.kontak.app.demo.DemoCommand;
import io.kontak.registry.cli.RegistryCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kontak.jar}: the single executable, one subcommand per way of running Kontak. */
@Command(name = "kontak", mixinStandardHelpOptions = true, version = "Kontak 0.1.0",
    description = "Public-inquiry chatbot for financial regulators.",
    subcommands = {RunCommand.class, RoleCommand.Bot.class, RoleCommand.Desk.class, RegistryCommand.class, UsersCommand.class, DemoCommand.class})
public final class Main {
  private static final java.util.Set<String> SERVING = java.util.Set.of("run", "bot", "desk");

  public static void main(String[] args) {
    int exit = new CommandLine(new Main()).execute(args);
    // the serving commands return once the node is up; it then runs until SIGTERM
    if (exit != 0 || args.length == 0 || !SERVING.contains(args[0])) {
      System.exit(exit);
    }
  }
}
