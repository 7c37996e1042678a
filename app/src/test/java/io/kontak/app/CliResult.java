package io.kontak.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** What a picocli command returned and printed, run in the test's JVM. */
public record CliResult(int exit, String out, String err) {
  public static CliResult execute(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = new CommandLine(command).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
        .execute(args);
    return new CliResult(exit, out.toString(), err.toString());
  }
}
