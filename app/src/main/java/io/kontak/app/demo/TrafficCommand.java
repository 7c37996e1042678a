package io.kontak.app.demo;

import io.kontak.core.cli.NodeOptions;
import io.kontak.core.config.KontakConfig;
import io.kontak.core.config.WebhookSecret;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kontak demo traffic}: citizens through the running node's real webhook and agents through
 * its desk API, so the dashboard fills up. Against {@code ./kontak run} it needs nothing else: the
 * node's URL, staff token, app secret and business number come from the same configuration and
 * data directory. Exit codes: 0 done, 1 refused or failed, 2 node unreachable.
 */
@Command(name = "traffic", mixinStandardHelpOptions = true,
    description = "Play citizens (webhook) and agents (desk API) against a running node.")
public final class TrafficCommand implements Callable<Integer> {
  @Option(names = "--citizens", defaultValue = "40", description = "Citizens who write in (default: ${DEFAULT-VALUE}).")
  int citizens;

  @Option(names = "--agents", defaultValue = "2", description = "Simulated agents on the desk (default: ${DEFAULT-VALUE}).")
  int agents;

  @Option(names = "--minutes", defaultValue = "3", description = "Minutes over which citizens arrive (default: ${DEFAULT-VALUE}).")
  double minutes;

  @Option(names = "--speed", defaultValue = "1",
      description = "Play everything this many times faster: arrivals, typing, agents' answers (default: ${DEFAULT-VALUE}).")
  double speed;

  @Option(names = "--seed", description = "Makes the mix of citizens repeatable (default: random).")
  Long seed;

  @Mixin
  NodeOptions node;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    TrafficSettings settings;
    try {
      settings = settings(KontakConfig.forRunCommand(System.getenv()));
    } catch (IOException e) {
      err.println("cannot read the node's webhook secret: " + e.getMessage());
      return 1;
    } catch (IllegalArgumentException | IllegalStateException e) {
      err.println(e.getMessage());
      return 1;
    }
    var traffic = new DemoTraffic(settings, spec.commandLine().getOut());
    try {
      JsonObject report = traffic.run();
      return report.isEmpty() || traffic.failures() > 0 ? 1 : 0;
    } catch (UncheckedIOException e) {
      err.println(e.getMessage());
      return 2;
    } catch (IllegalStateException e) {
      err.println(e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  /**
   * The run's settings: options first, then the configuration {@code kontak run} uses, its demo
   * defaults resolved the same way (the webhook secret it keeps in the data directory).
   */
  TrafficSettings settings(KontakConfig configured) throws IOException {
    KontakConfig config = WebhookSecret.resolve(configured);
    KontakConfig.WhatsApp whatsapp = config.whatsapp();
    return new TrafficSettings(NodeApi.base(node.url(config)), node.token(config),
        whatsapp.appSecret(), whatsapp.phoneNumberId(), citizens, agents,
        Duration.ofMillis(Math.round(minutes * 60_000 / Math.max(speed, 1e-9))), speed,
        seed != null ? seed : System.nanoTime());
  }
}
