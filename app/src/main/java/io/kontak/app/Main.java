package io.kontak.app;

import io.kontak.app.demo.DemoCommand;
import io.kontak.registry.cli.RegistryCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kontak.jar}: the single executable, one subcommand per way of running Kontak. */
@Command(name = "kontak", mixinStandardHelpOptions = true, version = "Kontak 0.1.0",
    description = "Public-inquiry chatbot for financial regulators.",
    subcommands = {RunCommand.class, RegistryCommand.class, UsersCommand.class, DemoCommand.class})
public final class Main {
  public static void main(String[] args) {
    int exit = new CommandLine(new Main()).execute(args);
    if (exit != 0 || args.length == 0 || !"run".equals(args[0])) {
      System.exit(exit);
    }
  }
}
