package io.kontak.app.demo;

import picocli.CommandLine.Command;

/** {@code kontak demo}: things that make a demo node look lived-in. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Demo helpers for a running Kontak node.",
    subcommands = {TrafficCommand.class})
public final class DemoCommand {
}
