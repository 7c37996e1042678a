package io.kontak.registry.node;

import io.kontak.core.bus.Addresses;
import io.kontak.core.bus.KontakEvent;
import io.kontak.core.bus.RegistryActivated;
import io.kontak.core.db.PostgresUrl;
import io.kontak.registry.importing.FileFormat;
import io.kontak.registry.importing.RegistryFile;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.pgclient.pubsub.PgSubscriber;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's registry index on the active version: loads it at start, loads the bundled
 * demo registry into an empty database when configured to, and follows activations made by any
 * node through Postgres LISTEN/NOTIFY (re-checking after every reconnect, so a missed
 * notification only delays a swap).
 */
public final class RegistryVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(RegistryVerticle.class);
  /** The bundled demo registry (classpath); demo traffic asks about its names. */
  public static final String DEMO_REGISTRY = "registry/demo-registry.jsonl";

  private final RegistryService registry;
  private final PostgresUrl postgres;
  private final boolean loadDemo;
  private PgSubscriber subscriber;

  public RegistryVerticle(RegistryService registry, PostgresUrl postgres, boolean loadDemo) {
    this.registry = registry;
    this.postgres = postgres;
    this.loadDemo = loadDemo;
  }

  @Override
  public Future<?> start() {
    subscriber = PgSubscriber.subscriber(vertx, postgres.connectOptions())
        .reconnectPolicy(retries -> retries < 1_000 ? 1_000L : -1L);
    subscriber.channel(Addresses.REGISTRY_CHANNEL).handler(payload -> sync("notification v" + payload));
    subscriber.channel(Addresses.REGISTRY_CHANNEL).subscribeHandler(v -> sync("subscribed"));
    return subscriber.connect()
        .compose(connected -> registry.activeVersion())
        .compose(active -> active.isEmpty() && loadDemo ? loadDemo() : Future.succeededFuture())
        .compose(done -> registry.syncWithActive());
  }

  @Override
  public Future<?> stop() {
    return subscriber == null ? Future.succeededFuture() : subscriber.close();
  }

  private void sync(String why) {
    registry.syncWithActive()
        .onSuccess(version -> KontakEvent.publish(vertx.eventBus(), new RegistryActivated(version)))
        .onFailure(e -> LOG.error("registry sync after {} failed; serving v{}", why, registry.servingVersion(), e));
  }

  private Future<Void> loadDemo() {
    return vertx.executeBlocking(() -> {
      try (InputStream in = RegistryVerticle.class.getClassLoader().getResourceAsStream(DEMO_REGISTRY)) {
        if (in == null) {
          throw new IOException("demo registry missing from the classpath: " + DEMO_REGISTRY);
        }
        return new RegistryFile(in.readAllBytes(), FileFormat.JSON_LINES, "demo-registry.jsonl");
      }
    }).compose(file -> registry.importFile(file, "demo")).map(outcome -> {
      switch (outcome) {
        case ImportOutcome.Activated a -> LOG.info("loaded the demo registry as v{}", a.version().version());
        case ImportOutcome.Rejected r -> throw new IllegalStateException("demo registry is invalid: " + r.errors());
      }
      return null;
    });
  }
}
