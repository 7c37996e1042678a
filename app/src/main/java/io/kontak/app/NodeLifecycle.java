package io.kontak.app;

import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How a node process ends: SIGTERM (or Ctrl-C) stops the node, then its Vert.x, then {@code after}. */
final class NodeLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(NodeLifecycle.class);

  private NodeLifecycle() {
  }

  static void stopOnExit(KontakNode node, Vertx vertx, AutoCloseable after) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("stopping Kontak");
      try {
        node.close().await();
        vertx.close().await();
      } catch (Exception e) {
        LOG.warn("unclean stop of the node", e);
      } finally {
        try {
          after.close();
        } catch (Exception e) {
          LOG.warn("unclean stop after the node", e);
        }
      }
    }, "kontak-shutdown"));
  }
}
