package io.kontak.app;

import io.kontak.core.config.AdminToken;
import io.kontak.core.config.KontakConfig;
import io.kontak.core.config.WebhookSecret;
import io.kontak.core.embedded.EmbeddedServices;
import io.kontak.core.runtime.KontakVertx;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/**
 * {@code kontak run}: everything in one process. Without {@code KONTAK_PG_URL} /
 * {@code KONTAK_REDIS_URL} it starts embedded PostgreSQL and Redis under {@code KONTAK_DATA_DIR}.
 * SIGTERM (or Ctrl-C) stops the node, then the embedded servers, so nothing is left running.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the whole system in one process (embedded Postgres and Redis unless configured).")
final class RunCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Override
  public Integer call() throws Exception {
    // The one-process demo: the simulator is on unless KONTAK_SIMULATOR says otherwise.
    KontakConfig configured = KontakConfig.forRunCommand(System.getenv());
    KontakConfig config = WebhookSecret.resolve(AdminToken.resolve(configured));
    EmbeddedServices embedded = EmbeddedServices.startMissing(config);
    Vertx vertx = KontakVertx.create();
    KontakNode node;
    try {
      node = KontakNode.start(vertx, embedded.config()).await();
    } catch (Exception e) {
      LOG.error("Kontak failed to start: {}", e.getMessage(), e);
      vertx.close().await();
      embedded.close();
      return 1;
    }
    NodeLifecycle.stopOnExit(node, vertx, embedded);
    LOG.info("Kontak ready: http://localhost:{}/api/registry/search?q=... (staff token: {})",
        node.httpPort(), configured.adminToken().isPresent()
            ? "$KONTAK_ADMIN_TOKEN" : AdminToken.file(config));
    // demo desk accounts only on the demo setup, never beside real WhatsApp credentials
    if (config.registry().loadDemoRegistry() && config.whatsapp().demo()) {
      try {
        node.desk().demoAccounts(vertx, config.dataDir()).await().forEach(line -> {
          String[] account = line.split(" ");
          LOG.info("Desk demo account: {} ({}), password {}", account[0], account[1], account[2]);
        });
      } catch (Exception e) {
        LOG.warn("demo desk accounts not created: {}", e.getMessage());
      }
    }
    LOG.info("Agent desk: http://localhost:{}/desk/", node.httpPort());
    if (node.simulatorMounted()) {
      LOG.info("WhatsApp simulator: http://localhost:{}/simulator/ (replies go to the built-in fake Graph API)",
          node.httpPort());
    }
    return 0;
  }
}
