package io.kontak.app;

import io.kontak.app.cluster.ClusteredVertx;
import io.kontak.core.config.AdminToken;
import io.kontak.core.config.KontakConfig;
import io.kontak.core.config.WebhookSecret;
import io.vertx.core.Vertx;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/**
 * One role of a deployment of several nodes ({@code kontak bot}, {@code kontak desk}): the nodes
 * share one Postgres and one Redis (no embedded ones: each node would get its own) and join one
 * cluster ({@code KONTAK_CLUSTER_*}) whose event bus carries handoffs, citizens' messages to the
 * desk and delivery news between them.
 */
abstract class RoleCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RoleCommand.class);

  abstract NodeRole role();

  /** The subcommand's name: the role in lower case. */
  private String name() {
    return role().name().toLowerCase(Locale.ROOT);
  }

  @Override
  public Integer call() throws Exception {
    KontakConfig configured = KontakConfig.from(System.getenv());
    if (configured.pgUrl().isEmpty() || configured.redisUrl().isEmpty()) {
      System.err.println("kontak " + name() + " needs KONTAK_PG_URL and"
          + " KONTAK_REDIS_URL: the nodes of a deployment share one Postgres and one Redis"
          + " (kontak run starts embedded ones for a single node)");
      return 2;
    }
    if (configured.adminToken().isEmpty()) {
      System.err.println("set KONTAK_ADMIN_TOKEN: the nodes of a deployment share one staff token");
      return 2;
    }
    if (role().answersCitizens() && configured.whatsapp().appSecret().isBlank()) {
      // a secret generated per node would make each bot node refuse what the others accept
      System.err.println("set WHATSAPP_APP_SECRET: every bot node checks Meta's signatures with the app's secret");
      return 2;
    }
    KontakConfig config = WebhookSecret.resolve(AdminToken.resolve(configured));
    Vertx vertx;
    try {
      vertx = ClusteredVertx.start(config.cluster()).await();
    } catch (Exception e) {
      LOG.error("Kontak could not join the cluster {} at {}: {}", config.cluster().name(),
          config.cluster().members(), e.getMessage(), e);
      return 1;
    }
    KontakNode node;
    try {
      node = KontakNode.start(vertx, config, role()).await();
    } catch (Exception e) {
      LOG.error("Kontak failed to start: {}", e.getMessage(), e);
      vertx.close().await();
      return 1;
    }
    NodeLifecycle.stopOnExit(node, vertx, () -> { });
    LOG.info("Kontak {} node ready on port {} (cluster {}, members {})", name(), node.httpPort(),
        config.cluster().name(), config.cluster().members());
    return 0;
  }

  @Command(name = "bot", mixinStandardHelpOptions = true,
      description = "Run a node that answers citizens (webhook, conversation engine) in a deployment of several nodes.")
  static final class Bot extends RoleCommand {
    @Override
    NodeRole role() {
      return NodeRole.BOT;
    }
  }

  @Command(name = "desk", mixinStandardHelpOptions = true,
      description = "Run a node that serves the agent desk and the reports in a deployment of several nodes.")
  static final class Desk extends RoleCommand {
    @Override
    NodeRole role() {
      return NodeRole.DESK;
    }
  }
}
