package io.kontak.whatsapp.simulator;

import io.kontak.core.config.KontakConfig;
import io.kontak.whatsapp.WhatsAppChannel;
import io.kontak.whatsapp.fake.FakeGraphApi;
import io.kontak.whatsapp.webhook.WebhookSignature;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WhatsApp simulator ({@code /simulator/}): a phone-like page where a person plays a citizen.
 * What they type is delivered as a signed Cloud API webhook delivery over HTTP to this node's own
 * {@code /webhook}; what the bot sends comes back from the built-in {@link FakeGraphApi}.
 *
 * <p>It exists only with {@code KONTAK_SIMULATOR} on and without a real {@code WHATSAPP_ACCESS_TOKEN}:
 * with real credentials the bot's replies would go to real people's phones.
 */
public final class Simulator {
  private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);
  /** Where the node mounts it. */
  public static final String PATH = "/simulator";

  private final SimulatorFeed feed = new SimulatorFeed();
  private final WebClient client;
  private final SimulatorRoutes.Settings settings;

  private Simulator(Vertx vertx, SimulatorRoutes.Settings settings, FakeGraphApi graph) {
    this.client = WebClient.create(vertx);
    this.settings = settings;
    graph.onRequest(feed::graphRequest);
  }

  /**
   * The simulator for this node, or empty when it is off or refused (real WhatsApp credentials).
   *
   * @param httpPort this node's HTTP port, once it is listening (the simulator posts to its {@code /webhook})
   */
  public static Optional<Simulator> create(Vertx vertx, KontakConfig config, WhatsAppChannel whatsapp,
                                           IntSupplier httpPort) {
    if (!config.simulator().enabled()) {
      return Optional.empty();
    }
    Optional<FakeGraphApi> graph = whatsapp.builtInGraph();
    if (graph.isEmpty()) {
      LOG.warn("KONTAK_SIMULATOR is on but WHATSAPP_ACCESS_TOKEN is set: the simulator is NOT mounted, "
          + "it would send the bot's replies to real WhatsApp numbers");
      return Optional.empty();
    }
    KontakConfig.WhatsApp credentials = whatsapp.whatsapp();
    var settings = new SimulatorRoutes.Settings(new WebhookSignature(credentials.appSecret()),
        credentials.phoneNumberId(), config.branding(), httpPort, graph.get());
    return Optional.of(new Simulator(vertx, settings, graph.get()));
  }

  /** {@code /simulator/} (the page) and {@code /simulator/api/}, relative to {@link #PATH}. */
  public Router router(Vertx vertx) {
    return new SimulatorRoutes(vertx, feed, client, settings).router();
  }

  public Future<Void> close() {
    client.close();
    return Future.succeededFuture();
  }
}
